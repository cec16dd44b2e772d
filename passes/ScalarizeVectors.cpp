//===- ScalarizeVectors.cpp - 1-D vectors to scalars for CUDA -------------===//
//
// A 1:N dialect conversion: `vector<N x T>` -> N x T, `memref<S x vector<N x
// T>>` -> `memref<S x N x T>`, with scf's structural patterns for loops and
// branches that carry vectors. The importers read `v[i] = x` on a vector
// held in an array as load / vector.insert / store and `v[i]` as load /
// vector.extract; those become one scalar access (else the untouched
// elements would be copied through, and a dynamic index would need a
// select per element).
//
//===----------------------------------------------------------------------===//

#include "ScalarizeVectors.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/Patterns.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;

namespace {

/// A rank-1 vector of static size.
VectorType getFlatVector(Type type) {
  auto vector = dyn_cast<VectorType>(type);
  if (!vector || vector.getRank() != 1 || vector.isScalable())
    return {};
  return vector;
}

/// `memref<S x vector<N x T>>` (identity layout) as `memref<S x N x T>`.
MemRefType flattenMemRef(MemRefType type) {
  VectorType vector = getFlatVector(type.getElementType());
  if (!vector || !type.getLayout().isIdentity())
    return {};
  SmallVector<int64_t> shape(type.getShape());
  shape.push_back(vector.getNumElements());
  return MemRefType::get(shape, vector.getElementType(),
                         MemRefLayoutAttrInterface(), type.getMemorySpace());
}

/// Whether nothing between `from` and `to` (the same block, `from` first)
/// may write memory.
bool noWriteBetween(Operation *from, Operation *to) {
  if (from->getBlock() != to->getBlock() || !from->isBeforeInBlock(to))
    return false;
  for (Operation *op = from->getNextNode(); op && op != to;
       op = op->getNextNode()) {
    if (op->getNumRegions() != 0)
      return false;
    auto effects = dyn_cast<MemoryEffectOpInterface>(op);
    if (!effects)
      return false;
    if (effects.hasEffect<MemoryEffects::Write>() ||
        effects.hasEffect<MemoryEffects::Free>())
      return false;
  }
  return true;
}

/// The position of a 1-D vector.insert/extract: a constant or a value.
OpFoldResult getPosition(ArrayRef<OpFoldResult> position) {
  return position.front();
}

std::optional<int64_t> getConstantPosition(OpFoldResult position) {
  if (auto attr = dyn_cast<Attribute>(position))
    return cast<IntegerAttr>(attr).getInt();
  APInt value;
  if (matchPattern(cast<Value>(position), m_ConstantInt(&value)))
    return value.getSExtValue();
  return std::nullopt;
}

Value getIndexValue(OpBuilder &b, Location loc, OpFoldResult position) {
  if (auto attr = dyn_cast<Attribute>(position))
    return arith::ConstantIndexOp::create(b, loc,
                                          cast<IntegerAttr>(attr).getInt());
  return cast<Value>(position);
}

SmallVector<Value> appendIndex(ValueRange indices, Value last) {
  SmallVector<Value> result(indices);
  result.push_back(last);
  return result;
}

struct AllocaPattern : OpConversionPattern<memref::AllocaOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(memref::AllocaOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    MemRefType type = flattenMemRef(op.getType());
    if (!type)
      return failure();
    auto alloca = memref::AllocaOp::create(
        rewriter, op.getLoc(), type, adaptor.getDynamicSizes(),
        adaptor.getSymbolOperands(), op.getAlignmentAttr());
    alloca->setDiscardableAttrs(op->getDiscardableAttrDictionary());
    rewriter.replaceOp(op, alloca);
    return success();
  }
};

struct LoadPattern : OpConversionPattern<memref::LoadOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(memref::LoadOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    VectorType vector = getFlatVector(op.getType());
    if (!vector)
      return failure();
    Location loc = op.getLoc();
    Value memref = adaptor.getMemref().front();
    SmallVector<Value> indices;
    for (ValueRange index : adaptor.getIndices())
      indices.push_back(index.front());
    SmallVector<Value> elements;
    for (int64_t j = 0; j < vector.getNumElements(); ++j)
      elements.push_back(memref::LoadOp::create(
          rewriter, loc, memref,
          appendIndex(indices,
                      arith::ConstantIndexOp::create(rewriter, loc, j))));
    rewriter.replaceOpWithMultiple(op, {elements});
    return success();
  }
};

struct StorePattern : OpConversionPattern<memref::StoreOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(memref::StoreOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    VectorType vector = getFlatVector(op.getValue().getType());
    if (!vector)
      return failure();
    Location loc = op.getLoc();
    Value memref = adaptor.getMemref().front();
    SmallVector<Value> indices;
    for (ValueRange index : adaptor.getIndices())
      indices.push_back(index.front());
    // v[pos] = x on a vector in memory: one store.
    if (auto insert = op.getValue().getDefiningOp<vector::InsertOp>()) {
      auto load = insert.getDest().getDefiningOp<memref::LoadOp>();
      if (load && insert->hasOneUse() && load->hasOneUse() &&
          load.getMemref() == op.getMemref() &&
          load.getIndices() == op.getIndices() &&
          !isa<VectorType>(insert.getValueToStoreType()) &&
          noWriteBetween(load, op)) {
        Value pos = getIndexValue(rewriter, loc,
                                  getPosition(insert.getMixedPosition()));
        memref::StoreOp::create(
            rewriter, loc, rewriter.getRemappedValue(insert.getValueToStore()),
            memref, appendIndex(indices, pos));
        rewriter.eraseOp(op);
        return success();
      }
    }
    ValueRange elements = adaptor.getValue();
    for (int64_t j = 0; j < vector.getNumElements(); ++j)
      memref::StoreOp::create(
          rewriter, loc, elements[j], memref,
          appendIndex(indices,
                      arith::ConstantIndexOp::create(rewriter, loc, j)));
    rewriter.eraseOp(op);
    return success();
  }
};

struct InsertPattern : OpConversionPattern<vector::InsertOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(vector::InsertOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!getFlatVector(op.getDestVectorType()) ||
        isa<VectorType>(op.getValueToStoreType()))
      return failure();
    Location loc = op.getLoc();
    SmallVector<Value> elements(adaptor.getDest());
    Value value = adaptor.getValueToStore().front();
    OpFoldResult position = getPosition(op.getMixedPosition());
    if (std::optional<int64_t> j = getConstantPosition(position)) {
      if (*j < 0 || *j >= (int64_t)elements.size())
        return failure();
      elements[*j] = value;
    } else {
      Value pos = adaptor.getDynamicPosition().front().front();
      for (int64_t j = 0; j < (int64_t)elements.size(); ++j) {
        Value here = arith::CmpIOp::create(
            rewriter, loc, arith::CmpIPredicate::eq, pos,
            arith::ConstantIndexOp::create(rewriter, loc, j));
        elements[j] =
            arith::SelectOp::create(rewriter, loc, here, value, elements[j]);
      }
    }
    rewriter.replaceOpWithMultiple(op, {elements});
    return success();
  }
};

struct ExtractPattern : OpConversionPattern<vector::ExtractOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(vector::ExtractOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!getFlatVector(op.getSourceVectorType()) ||
        isa<VectorType>(op.getType()))
      return failure();
    Location loc = op.getLoc();
    ValueRange elements = adaptor.getSource();
    OpFoldResult position = getPosition(op.getMixedPosition());
    if (std::optional<int64_t> j = getConstantPosition(position)) {
      if (*j < 0 || *j >= (int64_t)elements.size())
        return failure();
      rewriter.replaceOp(op, elements[*j]);
      return success();
    }
    Value pos = adaptor.getDynamicPosition().front().front();
    // v[pos] of a vector just loaded: one load.
    if (auto load = op.getSource().getDefiningOp<memref::LoadOp>();
        load && noWriteBetween(load, op) &&
        llvm::all_of(load.getIndices(), [&](Value index) {
          return index.getParentBlock() != op->getBlock() ||
                 !index.getDefiningOp() ||
                 index.getDefiningOp()->isBeforeInBlock(op);
        })) {
      Value memref = rewriter.getRemappedValue(load.getMemref());
      SmallVector<Value> indices;
      for (Value index : load.getIndices())
        indices.push_back(rewriter.getRemappedValue(index));
      rewriter.replaceOp(op, memref::LoadOp::create(rewriter, loc, memref,
                                                    appendIndex(indices, pos)));
      return success();
    }
    Value result = elements.back();
    for (int64_t j = (int64_t)elements.size() - 2; j >= 0; --j) {
      Value here = arith::CmpIOp::create(
          rewriter, loc, arith::CmpIPredicate::eq, pos,
          arith::ConstantIndexOp::create(rewriter, loc, j));
      result =
          arith::SelectOp::create(rewriter, loc, here, elements[j], result);
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct ConstantPattern : OpConversionPattern<arith::ConstantOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(arith::ConstantOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    VectorType vector = getFlatVector(op.getType());
    auto dense = dyn_cast<DenseElementsAttr>(op.getValue());
    if (!vector || !dense)
      return failure();
    SmallVector<Value> elements;
    for (Attribute element : dense.getValues<Attribute>())
      elements.push_back(arith::ConstantOp::create(rewriter, op.getLoc(),
                                                   cast<TypedAttr>(element)));
    rewriter.replaceOpWithMultiple(op, {elements});
    return success();
  }
};

struct PoisonPattern : OpConversionPattern<ub::PoisonOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ub::PoisonOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    VectorType vector = getFlatVector(op.getType());
    if (!vector)
      return failure();
    // An unset element: zero (any value is a valid refinement).
    Value zero = arith::ConstantOp::create(
        rewriter, op.getLoc(), rewriter.getZeroAttr(vector.getElementType()));
    rewriter.replaceOpWithMultiple(
        op, {SmallVector<Value>(vector.getNumElements(), zero)});
    return success();
  }
};

struct BroadcastPattern : OpConversionPattern<vector::BroadcastOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(vector::BroadcastOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    VectorType vector = getFlatVector(op.getType());
    if (!vector || isa<VectorType>(op.getSourceType()))
      return failure();
    rewriter.replaceOpWithMultiple(
        op, {SmallVector<Value>(vector.getNumElements(),
                                adaptor.getSource().front())});
    return success();
  }
};

/// arith and math ops on vectors, element by element.
struct ElementwisePattern : ConversionPattern {
  ElementwisePattern(const TypeConverter &converter, MLIRContext *context)
      : ConversionPattern(converter, MatchAnyOpTypeTag(), /*benefit=*/1,
                          context) {}
  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<ValueRange> operands,
                  ConversionPatternRewriter &rewriter) const override {
    if (!op->hasTrait<OpTrait::Elementwise>() || op->getNumResults() != 1 ||
        op->getNumRegions() != 0)
      return failure();
    VectorType vector = getFlatVector(op->getResult(0).getType());
    if (!vector)
      return failure();
    SmallVector<Value> elements;
    for (int64_t j = 0; j < vector.getNumElements(); ++j) {
      SmallVector<Value> scalars;
      for (ValueRange operand : operands) {
        if (operand.size() == 1 && !isa<VectorType>(operand[0].getType()))
          scalars.push_back(operand[0]); // e.g. a scalar select condition
        else if ((int64_t)operand.size() == vector.getNumElements())
          scalars.push_back(operand[j]);
        else
          return failure();
      }
      OperationState state(op->getLoc(), op->getName());
      state.addOperands(scalars);
      state.addTypes(vector.getElementType());
      state.addAttributes(op->getAttrs());
      elements.push_back(rewriter.create(state)->getResult(0));
    }
    rewriter.replaceOpWithMultiple(op, {elements});
    return success();
  }
};

} // namespace

LogicalResult xpiler::scalarizeVectors(ModuleOp module) {
  bool any = false;
  module.walk([&](Operation *op) {
    auto hasVector = [](Type type) {
      if (auto memref = dyn_cast<MemRefType>(type))
        type = memref.getElementType();
      return isa<VectorType>(type);
    };
    any |= llvm::any_of(op->getResultTypes(), hasVector) ||
           llvm::any_of(op->getOperandTypes(), hasVector);
  });
  if (!any)
    return success();
  MLIRContext *context = module.getContext();
  TypeConverter converter;
  converter.addConversion([](Type type) { return type; });
  converter.addConversion(
      [](VectorType type, SmallVectorImpl<Type> &results) -> LogicalResult {
        if (!getFlatVector(type))
          return failure();
        results.append(type.getNumElements(), type.getElementType());
        return success();
      });
  converter.addConversion([](MemRefType type) -> std::optional<Type> {
    if (!isa<VectorType>(type.getElementType()))
      return type;
    if (MemRefType flat = flattenMemRef(type))
      return flat;
    return std::nullopt;
  });
  ConversionTarget target(*context);
  target.addLegalOp<func::FuncOp, ModuleOp>();
  target.markUnknownOpDynamicallyLegal(
      [&](Operation *op) { return converter.isLegal(op); });
  RewritePatternSet patterns(context);
  patterns.add<AllocaPattern, LoadPattern, StorePattern, InsertPattern,
               ExtractPattern, ConstantPattern, PoisonPattern, BroadcastPattern,
               ElementwisePattern>(converter, context);
  scf::populateSCFStructuralTypeConversionsAndLegality(converter, patterns,
                                                       target);
  // Function bodies only: signatures keep their types.
  FrozenRewritePatternSet frozen(std::move(patterns));
  SmallVector<func::FuncOp> converted;
  for (auto func : module.getOps<func::FuncOp>()) {
    if (func.isExternal())
      continue;
    bool hasVector = false;
    func.walk([&](Operation *op) { hasVector |= !converter.isLegal(op); });
    if (!hasVector)
      continue;
    if (failed(applyPartialConversion(func, target, frozen)))
      return func.emitError(
          "cannot rewrite the vector code of this function without vectors "
          "(which nvcc does not accept in device code)");
    converted.push_back(func);
  }
  // The loads, selects and constants the shortcuts left unused.
  bool changed = true;
  while (changed) {
    changed = false;
    for (func::FuncOp func : converted)
      func.walk([&](Operation *op) {
        if (isa<memref::LoadOp, arith::SelectOp, arith::CmpIOp,
                arith::ConstantOp>(op) &&
            op->use_empty()) {
          op->erase();
          changed = true;
        }
      });
  }
  return success();
}
