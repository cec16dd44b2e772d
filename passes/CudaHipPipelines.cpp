//===- CudaHipPipelines.cpp - `--cuda-to-hip` and `--hip-to-cuda` ---------===//
//
// The two directions between the GPU models are direct conversions: the
// source's structure stays, ops map one to one.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Passes/Passes.h"
#include "xpiler/Passes/Pipelines.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"
#include "mlir/Pass/PassRegistry.h"

using namespace mlir;
using namespace xpiler;

namespace {
struct CudaToHipOptions : public PassPipelineOptions<CudaToHipOptions> {
  Option<std::string> arch{*this, "arch",
                           llvm::cl::desc("HIP architecture of the output"),
                           llvm::cl::init("gfx942")};
};

struct HipToCudaOptions : public PassPipelineOptions<HipToCudaOptions> {
  Option<std::string> arch{*this, "arch",
                           llvm::cl::desc("CUDA architecture of the output"),
                           llvm::cl::init("sm_90")};
  Option<std::string> sourceArch{
      *this, "source-arch",
      llvm::cl::desc("HIP architecture the source was written for"),
      llvm::cl::init("gfx942")};
};
} // namespace

void xpiler::registerCudaHipPipelines() {
  PassPipelineRegistration<CudaToHipOptions>(
      "cuda-to-hip", "translate CUDA to HIP by direct conversion",
      [](OpPassManager &pm, const CudaToHipOptions &options) {
        CudaConvertToHipOptions convert;
        convert.arch = options.arch;
        pm.addPass(createCudaConvertToHip(convert));
        XplSetTargetOptions target;
        target.language = "hip";
        target.arch = options.arch;
        pm.addPass(createXplSetTarget(target));
      });
  PassPipelineRegistration<HipToCudaOptions>(
      "hip-to-cuda", "translate HIP to CUDA by direct conversion",
      [](OpPassManager &pm, const HipToCudaOptions &options) {
        HipConvertToCudaOptions convert;
        convert.sourceArch = options.sourceArch;
        pm.addPass(createHipConvertToCuda(convert));
        XplSetTargetOptions target;
        target.language = "cuda";
        target.arch = options.arch;
        pm.addPass(createXplSetTarget(target));
      });
}
