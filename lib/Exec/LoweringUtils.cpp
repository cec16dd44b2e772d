//===- LoweringUtils.cpp - helpers of the oracle's lowering patterns ------===//

#include "ExecPatterns.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/FunctionCallUtils.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace xpiler::exec;

//===----------------------------------------------------------------------===//
// LocationTable
//===----------------------------------------------------------------------===//

/// "FILE:LINE:COL" of the first file location inside `loc`, or "".
static std::string describeLocation(Location loc) {
  std::string text;
  loc->walk([&](Location inner) {
    if (auto file = dyn_cast<FileLineColLoc>(inner)) {
      text = (file.getFilename().getValue() + ":" + Twine(file.getLine()) +
              ":" + Twine(file.getColumn()))
                 .str();
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return text;
}

int64_t LocationTable::add(Location loc, StringRef what) {
  wheres.push_back(describeLocation(loc));
  whats.push_back(what.str());
  return (int64_t)whats.size() - 1;
}

std::string LocationTable::getWhere(int64_t index) const {
  if (index < 0 || index >= (int64_t)wheres.size())
    return "";
  return wheres[index];
}

std::string LocationTable::getWhat(int64_t index) const {
  if (index < 0 || index >= (int64_t)whats.size())
    return "unknown location";
  return whats[index];
}

//===----------------------------------------------------------------------===//
// Pattern helpers
//===----------------------------------------------------------------------===//

Value xpiler::exec::locationId(OpBuilder &builder, Operation *op,
                               LocationTable &locations, StringRef what) {
  std::string text = what.empty()
                         ? ("'" + op->getName().getStringRef() + "'").str()
                         : what.str();
  int64_t id = locations.add(op->getLoc(), text);
  return LLVM::ConstantOp::create(builder, op->getLoc(), builder.getI64Type(),
                                  builder.getI64IntegerAttr(id));
}

Value xpiler::exec::callRuntime(OpBuilder &builder, Location loc,
                                Operation *from, StringRef name, Type result,
                                ValueRange args) {
  Operation *module = from->getParentOfType<ModuleOp>();
  SmallVector<Type> argTypes(args.getTypes());
  Type resultType =
      result ? result : LLVM::LLVMVoidType::get(from->getContext());
  FailureOr<LLVM::LLVMFuncOp> fn =
      LLVM::lookupOrCreateFn(builder, module, name, argTypes, resultType);
  if (failed(fn))
    return Value();
  auto call = LLVM::CallOp::create(builder, loc, *fn, args);
  return result ? call.getResult() : Value();
}

Value xpiler::exec::constI64(OpBuilder &builder, Location loc, int64_t value) {
  return LLVM::ConstantOp::create(builder, loc, builder.getI64Type(), value);
}

int64_t xpiler::exec::elementBytes(Type type) {
  if (auto vec = dyn_cast<VectorType>(type))
    return vec.getNumElements() * elementBytes(vec.getElementType());
  if (type.isIndex())
    return 8;
  return std::max<int64_t>(1, (type.getIntOrFloatBitWidth() + 7) / 8);
}

Value xpiler::exec::toI64(OpBuilder &builder, Location loc, Value value) {
  Type i64 = builder.getI64Type();
  Type type = value.getType();
  if (type == i64)
    return value;
  unsigned width = type.getIntOrFloatBitWidth();
  if (width < 64)
    return LLVM::SExtOp::create(builder, loc, i64, value);
  return LLVM::TruncOp::create(builder, loc, i64, value);
}

BufferView xpiler::exec::getBufferView(OpBuilder &builder, Location loc,
                                       const LLVMTypeConverter &converter,
                                       MemRefType type, Value descriptor) {
  MemRefDescriptor desc(descriptor);
  Type i64 = builder.getI64Type();
  Value data = desc.bufferPtr(builder, loc, converter, type);
  // Extent: 1 + sum over dims of (size - 1) * stride; 0 if any size is 0.
  Value one = LLVM::ConstantOp::create(builder, loc, i64, 1);
  Value zero = LLVM::ConstantOp::create(builder, loc, i64, 0);
  Value extent = one;
  Value empty = LLVM::ConstantOp::create(builder, loc, builder.getI1Type(), 0);
  for (unsigned d = 0, e = type.getRank(); d < e; ++d) {
    Value size = desc.size(builder, loc, d);
    Value stride = desc.stride(builder, loc, d);
    Value last = LLVM::SubOp::create(builder, loc, size, one);
    Value span = LLVM::MulOp::create(builder, loc, last, stride);
    extent = LLVM::AddOp::create(builder, loc, extent, span);
    Value isEmpty = LLVM::ICmpOp::create(builder, loc, LLVM::ICmpPredicate::sle,
                                         size, zero);
    empty = LLVM::OrOp::create(builder, loc, empty, isEmpty);
  }
  extent = LLVM::SelectOp::create(builder, loc, empty, zero, extent);
  return {data, extent};
}

Value xpiler::exec::linearIndex(OpBuilder &builder, Location loc,
                                const LLVMTypeConverter &converter,
                                MemRefType type, Value descriptor,
                                ValueRange indices) {
  MemRefDescriptor desc(descriptor);
  Type i64 = builder.getI64Type();
  Value index = LLVM::ConstantOp::create(builder, loc, i64, 0);
  for (auto [d, idx] : llvm::enumerate(indices)) {
    Value stride = desc.stride(builder, loc, d);
    Value term =
        LLVM::MulOp::create(builder, loc, toI64(builder, loc, idx), stride);
    index = LLVM::AddOp::create(builder, loc, index, term);
  }
  return index;
}

Value xpiler::exec::memrefFromPointer(OpBuilder &builder, Location loc,
                                      const LLVMTypeConverter &converter,
                                      MemRefType type, Value ptr,
                                      ValueRange dynamicSizes) {
  Type descType = converter.convertType(type);
  MemRefDescriptor desc = MemRefDescriptor::poison(builder, loc, descType);
  desc.setAllocatedPtr(builder, loc, ptr);
  desc.setAlignedPtr(builder, loc, ptr);
  desc.setConstantOffset(builder, loc, 0);
  Type i64 = builder.getI64Type();
  SmallVector<Value> sizes;
  unsigned nextDynamic = 0;
  for (int64_t extent : type.getShape()) {
    if (ShapedType::isDynamic(extent))
      sizes.push_back(toI64(builder, loc, dynamicSizes[nextDynamic++]));
    else
      sizes.push_back(LLVM::ConstantOp::create(builder, loc, i64, extent));
  }
  Value stride = LLVM::ConstantOp::create(builder, loc, i64, 1);
  for (int d = (int)type.getRank() - 1; d >= 0; --d) {
    desc.setSize(builder, loc, d, sizes[d]);
    desc.setStride(builder, loc, d, stride);
    stride = LLVM::MulOp::create(builder, loc, stride, sizes[d]);
  }
  return desc;
}

std::pair<Value, Value>
xpiler::exec::buildKernelClosure(OpBuilder &builder, Location loc,
                                 Operation *launch, StringRef kernel,
                                 ValueRange originalArgs, ValueRange args,
                                 const LLVMTypeConverter &converter) {
  MLIRContext *ctx = launch->getContext();
  auto ptrType = LLVM::LLVMPointerType::get(ctx);
  SmallVector<Type> fieldTypes(args.getTypes());
  auto closureType = LLVM::LLVMStructType::getLiteral(ctx, fieldTypes);

  // The closure: a stack slot holding every converted argument.
  Value one = LLVM::ConstantOp::create(builder, loc, builder.getI64Type(), 1);
  Value closure =
      LLVM::AllocaOp::create(builder, loc, ptrType, closureType, one, 16);
  Value packed = LLVM::PoisonOp::create(builder, loc, closureType);
  for (auto [i, arg] : llvm::enumerate(args))
    packed = LLVM::InsertValueOp::create(builder, loc, packed, arg, i);
  LLVM::StoreOp::create(builder, loc, packed, closure);

  // The entry: unpack the closure and call the kernel with the expanded
  // calling convention of func-to-llvm (memref descriptors as their fields).
  auto module = launch->getParentOfType<ModuleOp>();
  std::string entryName = ("__xpl_entry." + kernel).str();
  auto entry = module.lookupSymbol<LLVM::LLVMFuncOp>(entryName);
  if (!entry) {
    OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointToEnd(module.getBody());
    auto fnType =
        LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(ctx), {ptrType});
    entry = LLVM::LLVMFuncOp::create(builder, loc, entryName, fnType);
    Block *body = entry.addEntryBlock(builder);
    builder.setInsertionPointToStart(body);
    Value loaded =
        LLVM::LoadOp::create(builder, loc, closureType, body->getArgument(0));
    SmallVector<Value> callArgs;
    SmallVector<Type> callTypes;
    for (auto [i, original] : llvm::enumerate(originalArgs)) {
      Value field = LLVM::ExtractValueOp::create(builder, loc, loaded, i);
      if (auto memref = dyn_cast<MemRefType>(original.getType())) {
        SmallVector<Value> parts;
        MemRefDescriptor::unpack(builder, loc, field, memref, parts);
        callArgs.append(parts.begin(), parts.end());
      } else {
        callArgs.push_back(field);
      }
    }
    for (Value v : callArgs)
      callTypes.push_back(v.getType());
    auto calleeType =
        LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(ctx), callTypes);
    LLVM::CallOp::create(builder, loc, calleeType,
                         FlatSymbolRefAttr::get(ctx, kernel), callArgs);
    LLVM::ReturnOp::create(builder, loc, ValueRange());
  }
  Value entryPtr = LLVM::AddressOfOp::create(builder, loc, entry);
  return {entryPtr, closure};
}
