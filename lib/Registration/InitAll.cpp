//===- InitAll.cpp - register every xpiler dialect and pass ---------------===//

#include "xpiler/InitAll.h"

#include "xpiler/Dialect/Bang/Bang.h"
#include "xpiler/Dialect/Cuda/Cuda.h"
#include "xpiler/Dialect/Hip/Hip.h"
#include "xpiler/Dialect/Vnni/Vnni.h"
#include "xpiler/Dialect/Xpl/Xpl.h"
#include "xpiler/Passes/Passes.h"
#include "xpiler/Passes/Pipelines.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/Func/Extensions/AllExtensions.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/X86Vector/X86VectorDialect.h"
#include "mlir/IR/DialectRegistry.h"

void xpiler::registerAllDialects(mlir::DialectRegistry &registry) {
  registry.insert<xpl::XplDialect, cuda::CudaDialect, hip::HipDialect,
                  bang::BangDialect, vnni::VnniDialect>();
}

void xpiler::registerUpstreamDialects(mlir::DialectRegistry &registry) {
  registry.insert<mlir::affine::AffineDialect, mlir::arith::ArithDialect,
                  mlir::cf::ControlFlowDialect, mlir::func::FuncDialect,
                  mlir::LLVM::LLVMDialect, mlir::math::MathDialect,
                  mlir::memref::MemRefDialect, mlir::omp::OpenMPDialect,
                  mlir::scf::SCFDialect, mlir::ub::UBDialect,
                  mlir::vector::VectorDialect,
                  mlir::x86vector::X86VectorDialect>();
  mlir::func::registerAllExtensions(registry);
}

void xpiler::registerAllPasses() {
  xpiler::registerXpilerPasses();
  xpiler::registerTranslationPipelines();
}
