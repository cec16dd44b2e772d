//===- ExecPatterns.h - per-dialect lowerings of the oracle -----*- C++ -*-===//
//
// Each dialect contributes type conversions and ConvertOpToLLVMPatterns to
// the one conversion to the LLVM dialect that lowerForExecution runs (after
// bounds checks are inserted and scf is lowered to cf). Ops become LLVM
// dialect code or calls of `__xpl_rt_*` runtime functions (Runtime/).
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_LIB_EXEC_EXECPATTERNS_H
#define XPILER_LIB_EXEC_EXECPATTERNS_H

#include "xpiler/Exec/Lowering.h"

#include "mlir/Conversion/LLVMCommon/MemRefBuilder.h"
#include "mlir/Conversion/LLVMCommon/Pattern.h"
#include "mlir/Conversion/LLVMCommon/TypeConverter.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

namespace xpiler::exec {

// Per-dialect contributions.
void addGpuTypeConversions(mlir::LLVMTypeConverter &converter);
void populateCudaExecPatterns(mlir::LLVMTypeConverter &converter,
                              mlir::RewritePatternSet &patterns,
                              LocationTable &locations);
void populateHipExecPatterns(mlir::LLVMTypeConverter &converter,
                             mlir::RewritePatternSet &patterns,
                             LocationTable &locations);
/// wmma (CUDA) and mfma (HIP): warp-cooperative matrix ops, and the warp
/// shuffles and votes of both. The fragment conversion: !cuda.fragment to a
/// vector of its num_elements elements (GpuMatrixExec.cpp).
void addGpuMatrixTypeConversions(mlir::LLVMTypeConverter &converter);
void populateGpuMatrixExecPatterns(mlir::LLVMTypeConverter &converter,
                                   mlir::RewritePatternSet &patterns,
                                   LocationTable &locations);
void addBangTypeConversions(mlir::LLVMTypeConverter &converter);
void populateBangExecPatterns(mlir::LLVMTypeConverter &converter,
                              mlir::RewritePatternSet &patterns,
                              LocationTable &locations);
void addVnniTypeConversions(mlir::LLVMTypeConverter &converter);
void populateVnniExecPatterns(mlir::LLVMTypeConverter &converter,
                              mlir::RewritePatternSet &patterns,
                              LocationTable &locations);

//===----------------------------------------------------------------------===//
// Helpers for the patterns
//===----------------------------------------------------------------------===//

/// An i64 constant holding the location-table index of `op` described by
/// `what` (default: the op's name).
mlir::Value locationId(mlir::OpBuilder &builder, mlir::Operation *op,
                       LocationTable &locations, llvm::StringRef what = "");

/// Calls the runtime function `name` (declared on first use as an external
/// llvm.func of the given type). Returns its result, or null for void.
mlir::Value callRuntime(mlir::OpBuilder &builder, mlir::Location loc,
                        mlir::Operation *from, llvm::StringRef name,
                        mlir::Type result, mlir::ValueRange args);

/// A buffer as runtime functions take it: `data` points to the element at
/// index 0 of the memref (aligned pointer + offset), `extent` (i64) is the
/// number of elements addressable from there (for strided layouts: the
/// largest linear offset + 1).
struct BufferView {
  mlir::Value data;
  mlir::Value extent;
};
BufferView getBufferView(mlir::OpBuilder &builder, mlir::Location loc,
                         const mlir::LLVMTypeConverter &converter,
                         mlir::MemRefType type, mlir::Value descriptor);

/// The linear element offset (i64) of `indices` in a memref (strides from
/// the descriptor), relative to BufferView::data.
mlir::Value linearIndex(mlir::OpBuilder &builder, mlir::Location loc,
                        const mlir::LLVMTypeConverter &converter,
                        mlir::MemRefType type, mlir::Value descriptor,
                        mlir::ValueRange indices);

/// A memref descriptor of `type` (identity layout) over memory at `ptr`;
/// `dynamicSizes` gives the `?` extents in order.
mlir::Value memrefFromPointer(mlir::OpBuilder &builder, mlir::Location loc,
                              const mlir::LLVMTypeConverter &converter,
                              mlir::MemRefType type, mlir::Value ptr,
                              mlir::ValueRange dynamicSizes);

/// Lowers a launch of `kernel` with converted `args` (adaptor operands, in
/// the kernel's parameter order): packs them into a closure on the stack,
/// creates (once per kernel) `__xpl_entry.<kernel>(ptr closure)` that
/// unpacks them and calls the kernel, and returns {entry, closure} pointers
/// for a runtime launch function.
std::pair<mlir::Value, mlir::Value>
buildKernelClosure(mlir::OpBuilder &builder, mlir::Location loc,
                   mlir::Operation *launch, llvm::StringRef kernel,
                   mlir::ValueRange originalArgs, mlir::ValueRange args,
                   const mlir::LLVMTypeConverter &converter);

/// Streams and queues: work runs in program order, so creating one gives a
/// null handle and synchronising or destroying it does nothing.
template <typename OpT>
struct NullHandleLowering : mlir::ConvertOpToLLVMPattern<OpT> {
  using mlir::ConvertOpToLLVMPattern<OpT>::ConvertOpToLLVMPattern;
  mlir::LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor,
                  mlir::ConversionPatternRewriter &rewriter) const override {
    if (op->getNumResults() == 1)
      rewriter.replaceOpWithNewOp<mlir::LLVM::ZeroOp>(
          op, mlir::LLVM::LLVMPointerType::get(op.getContext()));
    else
      rewriter.eraseOp(op);
    return mlir::success();
  }
};

/// An i64 LLVM constant.
mlir::Value constI64(mlir::OpBuilder &builder, mlir::Location loc,
                     int64_t value);

/// Size in bytes of a scalar or vector element type (index: 8).
int64_t elementBytes(mlir::Type type);

/// i64 from an integer or index value of any width (sign-extended).
mlir::Value toI64(mlir::OpBuilder &builder, mlir::Location loc,
                  mlir::Value value);

} // namespace xpiler::exec

#endif // XPILER_LIB_EXEC_EXECPATTERNS_H
