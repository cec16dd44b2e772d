//===- GpuToVnniPipelines.cpp - cuda-to-vnni and hip-to-vnni --------------===//
//
// CUDA and HIP to C++ with AVX-512: kernels raised to loops over the launch
// shape (`xpl-raise-gpu-loops`), cleaned up, block loops run with OpenMP
// (`xpl-bind-omp`), target recorded.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Passes/Passes.h"
#include "xpiler/Passes/Pipelines.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace xpiler;

static void buildGpuToVnniPipeline(mlir::OpPassManager &pm) {
  pm.addPass(createXplRaiseGpuLoops());
  // Raising passes every launch extent; those the kernel knows statically
  // (its block shape) are dead and leave the signature.
  pm.addPass(mlir::createRemoveDeadValuesPass());
  pm.addPass(mlir::createCanonicalizerPass());
  pm.addPass(mlir::createCSEPass());
  pm.addPass(createXplBindOmp());
  XplSetTargetOptions options;
  options.language = "vnni";
  pm.addPass(createXplSetTarget(options));
}

void xpiler::registerGpuToVnniPipelines() {
  mlir::PassPipelineRegistration<>(
      "cuda-to-vnni", "CUDA to C++ with AVX-512: kernels as OpenMP loops",
      buildGpuToVnniPipeline);
  mlir::PassPipelineRegistration<>(
      "hip-to-vnni", "HIP to C++ with AVX-512: kernels as OpenMP loops",
      buildGpuToVnniPipeline);
}
