//===- BoundsChecks.cpp - runtime checks of loads, stores and divisions ---===//
//
// Before lowering, every memref.load/store (and atomic) gets a check of each
// index against its dimension, and every integer division a check of its
// divisor (zero, and INT_MIN / -1 for signed ones). A failing check calls
// `__xpl_rt_trap`, which ends the run with a report naming the op, instead of
// letting candidate code corrupt memory or fault.
//
//===----------------------------------------------------------------------===//

#include "BoundsChecks.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace xpiler::exec;

static constexpr StringLiteral kTrapFunction = "__xpl_rt_trap";

/// Declares `void __xpl_rt_trap(i64 kind, i64 location, i64 a, i64 b, i64 c)`.
static func::FuncOp getTrapFunction(ModuleOp module) {
  if (auto fn = module.lookupSymbol<func::FuncOp>(kTrapFunction))
    return fn;
  OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
  Type i64 = b.getI64Type();
  auto fn =
      func::FuncOp::create(b, module.getLoc(), kTrapFunction,
                           b.getFunctionType({i64, i64, i64, i64, i64}, {}));
  fn.setPrivate();
  return fn;
}

static Value toI64(OpBuilder &b, Location loc, Value v) {
  Type i64 = b.getI64Type();
  if (v.getType().isIndex())
    return arith::IndexCastOp::create(b, loc, i64, v);
  if (v.getType() == i64)
    return v;
  if (v.getType().getIntOrFloatBitWidth() < 64)
    return arith::ExtSIOp::create(b, loc, i64, v);
  return arith::TruncIOp::create(b, loc, i64, v);
}

/// `if (cond) __xpl_rt_trap(kind, location, a, b, c)`.
static void emitTrapIf(OpBuilder &b, Location loc, func::FuncOp trap,
                       Value cond, int64_t kind, int64_t location, Value a,
                       Value bv, Value c) {
  auto ifOp = scf::IfOp::create(b, loc, cond, /*withElseRegion=*/false);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(ifOp.thenBlock());
  Value kindV = arith::ConstantIntOp::create(b, loc, kind, 64);
  Value locV = arith::ConstantIntOp::create(b, loc, location, 64);
  func::CallOp::create(b, loc, trap,
                       ValueRange{kindV, locV, toI64(b, loc, a),
                                  toI64(b, loc, bv), toI64(b, loc, c)});
}

/// A readable name of a buffer: its NameLoc, if the importer gave one.
static std::string bufferName(Value memref) {
  Location loc = memref.getLoc();
  std::string name;
  loc->walk([&](Location inner) {
    if (auto named = dyn_cast<NameLoc>(inner)) {
      name = named.getName().str();
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return name;
}

static void checkAccess(Operation *op, Value memref, ValueRange indices,
                        StringRef what, func::FuncOp trap,
                        LocationTable &locations) {
  auto type = dyn_cast<MemRefType>(memref.getType());
  if (!type || indices.empty())
    return;
  std::string name = bufferName(memref);
  std::string text = ("out-of-bounds " + what).str();
  if (!name.empty())
    text += " of '" + name + "'";
  text += " ('" + op->getName().getStringRef().str() + "')";
  int64_t location = locations.add(op->getLoc(), text);
  OpBuilder b(op);
  Location loc = op->getLoc();
  for (auto [d, idx] : llvm::enumerate(indices)) {
    APInt constIdx;
    int64_t extent = type.getDimSize(d);
    if (!ShapedType::isDynamic(extent) &&
        matchPattern(idx, m_ConstantInt(&constIdx)) &&
        constIdx.getSExtValue() >= 0 && constIdx.getSExtValue() < extent)
      continue;
    Value dim = memref::DimOp::create(b, loc, memref, d);
    Value bad =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::uge, idx, dim);
    Value width = arith::ConstantIntOp::create(b, loc, 1, 64);
    emitTrapIf(b, loc, trap, bad, /*OutOfBounds=*/1, location, idx, dim, width);
  }
}

static void checkDivision(Operation *op, bool isSigned, func::FuncOp trap,
                          LocationTable &locations) {
  Value lhs = op->getOperand(0), rhs = op->getOperand(1);
  Type type = rhs.getType();
  if (!type.isIntOrIndex())
    return; // vectors: not checked
  APInt constRhs;
  bool constant = matchPattern(rhs, m_ConstantInt(&constRhs));
  if (constant && !constRhs.isZero() && (!isSigned || !constRhs.isAllOnes()))
    return;
  OpBuilder b(op);
  Location loc = op->getLoc();
  std::string name = op->getName().getStringRef().str();
  Value zero = arith::ConstantOp::create(b, loc, b.getZeroAttr(type));
  Value isZero =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, rhs, zero);
  emitTrapIf(b, loc, trap, isZero, /*DivisionByZero=*/2,
             locations.add(loc, "division by zero ('" + name + "')"), lhs, rhs,
             zero);
  if (!isSigned || type.isIndex())
    return;
  unsigned width = type.getIntOrFloatBitWidth();
  if (width < 2)
    return;
  Value minusOne = arith::ConstantOp::create(
      b, loc, b.getIntegerAttr(type, APInt::getAllOnes(width)));
  Value minValue = arith::ConstantOp::create(
      b, loc, b.getIntegerAttr(type, APInt::getSignedMinValue(width)));
  Value isMinusOne =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, rhs, minusOne);
  Value isMin =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, lhs, minValue);
  Value overflow = arith::AndIOp::create(b, loc, isMinusOne, isMin);
  emitTrapIf(b, loc, trap, overflow, /*SignedOverflow=*/6,
             locations.add(loc, "signed division overflow ('" + name + "')"),
             lhs, rhs, zero);
}

void xpiler::exec::insertRuntimeChecks(ModuleOp module,
                                       LocationTable &locations) {
  func::FuncOp trap = getTrapFunction(module);
  SmallVector<Operation *> ops;
  module.walk([&](Operation *op) { ops.push_back(op); });
  for (Operation *op : ops) {
    if (auto load = dyn_cast<memref::LoadOp>(op))
      checkAccess(op, load.getMemref(), load.getIndices(), "load", trap,
                  locations);
    else if (auto store = dyn_cast<memref::StoreOp>(op))
      checkAccess(op, store.getMemref(), store.getIndices(), "store", trap,
                  locations);
    else if (auto atomic = dyn_cast<memref::AtomicRMWOp>(op))
      checkAccess(op, atomic.getMemref(), atomic.getIndices(), "atomic", trap,
                  locations);
    else if (auto atomic = dyn_cast<memref::GenericAtomicRMWOp>(op))
      checkAccess(op, atomic.getMemref(), atomic.getIndices(), "atomic", trap,
                  locations);
    else if (auto assertion = dyn_cast<cf::AssertOp>(op)) {
      // The program stopped itself (`exit(1)` on arguments it refuses).
      OpBuilder b(op);
      Location loc = op->getLoc();
      Value failed =
          arith::XOrIOp::create(b, loc, assertion.getArg(),
                                arith::ConstantIntOp::create(b, loc, 1, 1));
      Value zero = arith::ConstantIntOp::create(b, loc, 0, 64);
      emitTrapIf(
          b, loc, trap, failed, /*AssertFailed=*/7,
          locations.add(loc, ("assertion failed: " + assertion.getMsg()).str()),
          zero, zero, zero);
      op->erase();
    } else if (isa<arith::DivSIOp, arith::RemSIOp, arith::CeilDivSIOp,
                   arith::FloorDivSIOp>(op))
      checkDivision(op, /*isSigned=*/true, trap, locations);
    else if (isa<arith::DivUIOp, arith::RemUIOp, arith::CeilDivUIOp>(op))
      checkDivision(op, /*isSigned=*/false, trap, locations);
  }
}
