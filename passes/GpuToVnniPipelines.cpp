//===- GpuToVnniPipelines.cpp - cuda-to-vnni and hip-to-vnni --------------===//
//
// CUDA and HIP to C++ with AVX-512: kernels raised to loops over the launch
// shape (`xpl-raise-gpu-loops`), cleaned up, block loops run with OpenMP
// (`xpl-bind-omp`), cleaned up again (`xpl-cleanup`), innermost loops
// vectorized with AVX-512 (`xpl-vectorize-avx512`; option `vectorize=false`
// keeps them scalar, `remarks=true` says why a loop stayed scalar), target
// recorded.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Passes/Passes.h"
#include "xpiler/Passes/Pipelines.h"

#include "VnniPipelineUtils.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace xpiler;

static void buildGpuToVnniPipeline(mlir::OpPassManager &pm,
                                   const VnniPipelineOptions &vnni) {
  pm.addPass(createXplRaiseGpuLoops());
  // Raising passes every launch extent; those the kernel knows statically
  // (its block shape) are dead and leave the signature.
  pm.addPass(mlir::createRemoveDeadValuesPass());
  pm.addPass(mlir::createCanonicalizerPass());
  pm.addPass(mlir::createCSEPass());
  pm.addPass(createXplBindOmp());
  addVnniVectorization(pm, vnni);
  XplSetTargetOptions options;
  options.language = "vnni";
  pm.addPass(createXplSetTarget(options));
}

void xpiler::registerGpuToVnniPipelines() {
  mlir::PassPipelineRegistration<VnniPipelineOptions>(
      "cuda-to-vnni", "CUDA to C++ with AVX-512: kernels as OpenMP loops",
      buildGpuToVnniPipeline);
  mlir::PassPipelineRegistration<VnniPipelineOptions>(
      "hip-to-vnni", "HIP to C++ with AVX-512: kernels as OpenMP loops",
      buildGpuToVnniPipeline);
}
