//===- VnniPipelineUtils.h - the vectorizing end of the VNNI pipelines ----===//
//
// Shared by the cuda/hip/bang-to-vnni pipelines: their options and the
// passes that run after the kernels are loops bound to OpenMP (clean-up,
// AVX-512 vectorization, clean-up of what vectorization left).
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_PASSES_VNNIPIPELINEUTILS_H
#define XPILER_PASSES_VNNIPIPELINEUTILS_H

#include "xpiler/Passes/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"

namespace xpiler {

/// Options of the `<from>-to-vnni` pipelines.
struct VnniPipelineOptions
    : public mlir::PassPipelineOptions<VnniPipelineOptions> {
  Option<bool> vectorize{*this, "vectorize",
                         llvm::cl::desc("vectorize innermost loops with "
                                        "AVX-512 (xpl-vectorize-avx512)"),
                         llvm::cl::init(true)};
  Option<bool> maskedTail{
      *this, "masked-tail",
      llvm::cl::desc("end vector loops with one masked iteration instead of "
                     "the scalar remainder loop (slower on the corpus: masked "
                     "stores defeat store forwarding on short rows)"),
      llvm::cl::init(false)};
  Option<bool> remarks{*this, "remarks",
                       llvm::cl::desc("remarks of xpl-vectorize-avx512 "
                                      "(why a loop stayed scalar)"),
                       llvm::cl::init(false)};
};

/// `xpl-cleanup`, then (with `vectorize`) `xpl-vectorize-avx512` and another
/// `xpl-cleanup` for the index arithmetic of the vector loops and tails.
inline void addVnniVectorization(mlir::OpPassManager &pm,
                                 const VnniPipelineOptions &options) {
  pm.addPass(createXplCleanup());
  if (!options.vectorize)
    return;
  XplVectorizeAvx512Options vectorize;
  vectorize.remarks = options.remarks;
  vectorize.maskedTail = options.maskedTail;
  pm.addPass(createXplVectorizeAvx512(vectorize));
  pm.addPass(createXplCleanup());
}

} // namespace xpiler

#endif // XPILER_PASSES_VNNIPIPELINEUTILS_H
