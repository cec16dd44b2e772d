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
//   xpl-cleanup, xpl-vectorize-avx512, xpl-cleanup
//                           innermost loops -> AVX-512 (option
//                           `vectorize=false` keeps them scalar,
//                           `remarks=true` says why a loop stayed scalar)
//   xpl-set-target{language=vnni}
//
//===----------------------------------------------------------------------===//

#include "xpiler/Passes/Passes.h"
#include "xpiler/Passes/Pipelines.h"

#include "VnniPipelineUtils.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace xpiler;

void xpiler::registerBangToVnniPipelines() {
  mlir::PassPipelineRegistration<VnniPipelineOptions>(
      "bang-to-vnni",
      "translate BANG C to C++ for AVX-512 VNNI CPUs (OpenMP over tasks)",
      [](mlir::OpPassManager &pm, const VnniPipelineOptions &vnni) {
        pm.addPass(createBangDetensorize());
        pm.addPass(createBangRaiseLoops());
        pm.addPass(mlir::createCanonicalizerPass());
        pm.addPass(mlir::createCSEPass());
        pm.addPass(createBangForwardStaging());
        pm.addPass(createBangDropMemorySpaces());
        pm.addPass(mlir::createCanonicalizerPass());
        pm.addPass(mlir::createCSEPass());
        pm.addPass(createBangTasksToOmp());
        addVnniVectorization(pm, vnni);
        XplSetTargetOptions options;
        options.language = "vnni";
        pm.addPass(createXplSetTarget(options));
      });
}
