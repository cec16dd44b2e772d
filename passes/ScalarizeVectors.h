//===- ScalarizeVectors.h - 1-D vectors to scalars for CUDA -----*- C++ -*-===//
//
// Part of `hip-convert-to-cuda`: HIP code holds mfma operands in clang
// vectors (`__attribute__((vector_size))`), which nvcc does not accept in
// device code. The rewrite replaces every 1-D vector value by its elements
// and every buffer of vectors by a buffer with one more dimension.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_PASSES_SCALARIZEVECTORS_H
#define XPILER_PASSES_SCALARIZEVECTORS_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LogicalResult.h"

namespace xpiler {

/// Rewrites the bodies of the functions of `module` without 1-D vectors:
/// a `vector<N x T>` value becomes N values of type T (through memref
/// loads and stores, vector.insert/extract/broadcast, constants,
/// elementwise arith and math ops and scf control flow); a
/// `memref<S x vector<N x T>>` buffer becomes `memref<S x N x T>`. A load,
/// insert and store back of one element, and an extract of one element of
/// a load, become one scalar access. Function signatures keep their types.
/// Fails (with an error at the op) on what it cannot rewrite.
mlir::LogicalResult scalarizeVectors(mlir::ModuleOp module);

} // namespace xpiler

#endif // XPILER_PASSES_SCALARIZEVECTORS_H
