//===- BangToVnniPipeline.cpp - the bang-to-vnni translation --------------===//
//
// `--bang-to-vnni`: BANG C kernels and their CNRT launchers to C++ for the
// CPU (OpenMP over the tasks), through the core form:
//   bang-detensorize        __bang_* builtins and __memcpy -> scalar loops
//   bang-raise-loops        tasks/clusters/cores -> parallel loops, launches
//                           -> calls, device buffers -> host buffers
//   canonicalize, cse
//   bang-forward-staging    NRAM staging copies -> direct global accesses
//   bang-drop-memory-spaces
//   canonicalize, cse
//   bang-tasks-to-omp       the task (cluster) loops -> OpenMP
//   xpl-set-target{language=vnni}
//
//===----------------------------------------------------------------------===//

#include "xpiler/Passes/Passes.h"
#include "xpiler/Passes/Pipelines.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace xpiler;

void xpiler::registerBangToVnniPipelines() {
  mlir::PassPipelineRegistration<>(
      "bang-to-vnni",
      "translate BANG C to C++ for AVX-512 VNNI CPUs (OpenMP over tasks)",
      [](mlir::OpPassManager &pm) {
        pm.addPass(createBangDetensorize());
        pm.addPass(createBangRaiseLoops());
        pm.addPass(mlir::createCanonicalizerPass());
        pm.addPass(mlir::createCSEPass());
        pm.addPass(createBangForwardStaging());
        pm.addPass(createBangDropMemorySpaces());
        pm.addPass(mlir::createCanonicalizerPass());
        pm.addPass(mlir::createCSEPass());
        pm.addPass(createBangTasksToOmp());
        XplSetTargetOptions options;
        options.language = "vnni";
        pm.addPass(createXplSetTarget(options));
      });
}
