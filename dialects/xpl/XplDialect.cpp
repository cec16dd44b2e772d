//===- XplDialect.cpp - xpl dialect registration and attr checks ---------===//
//
// Registers the xpl dialect and verifies the discardable attributes it owns
// (`xpl.kernel`, `xpl.launcher`, `xpl.target`, `xpl.mapping`, `xpl.buffer`,
// `xpl.launch_shape`).
//
//===----------------------------------------------------------------------===//

#include "xpiler/Dialect/Xpl/Xpl.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/LoopLikeInterface.h"

using namespace mlir;
using namespace xpiler::xpl;

#include "xpiler/Dialect/Xpl/XplDialect.cpp.inc"

void XplDialect::initialize() {
  registerAttributes();
  addOperations<
#define GET_OP_LIST
#include "xpiler/Dialect/Xpl/XplOps.cpp.inc"
      >();
}

/// Number of parallel dimensions of a loop: one per induction variable.
static unsigned getNumLoopDims(Operation *op) {
  if (auto loop = dyn_cast<LoopLikeOpInterface>(op))
    if (auto ivs = loop.getLoopInductionVars())
      return ivs->size();
  return 0;
}

LogicalResult XplDialect::verifyOperationAttribute(Operation *op,
                                                   NamedAttribute attr) {
  StringRef name = attr.getName().getValue();
  if (name == kKernelAttrName || name == kLauncherAttrName) {
    if (!isa<UnitAttr>(attr.getValue()))
      return op->emitOpError() << "'" << name << "' must be a unit attribute";
    auto func = dyn_cast<FunctionOpInterface>(op);
    if (!func)
      return op->emitOpError() << "'" << name << "' only applies to functions";
    if (name == kKernelAttrName && func.getNumResults() != 0)
      return op->emitOpError() << "kernel must not return values";
    return success();
  }
  if (name == kTargetAttrName) {
    if (!isa<TargetAttr>(attr.getValue()))
      return op->emitOpError() << "'" << name << "' must be a #xpl.target";
    if (!isa<ModuleOp>(op))
      return op->emitOpError() << "'" << name << "' only applies to modules";
    return success();
  }
  if (name == kOmpParallelForAttrName) {
    auto clauses = dyn_cast<DictionaryAttr>(attr.getValue());
    if (!clauses)
      return op->emitOpError() << "'" << name << "' must be a dictionary";
    if (!isa<LoopLikeOpInterface>(op))
      return op->emitOpError() << "'" << name << "' only applies to loops";
    for (NamedAttribute clause : clauses) {
      StringRef key = clause.getName().getValue();
      if (key == "collapse" || key == "chunk") {
        auto value = dyn_cast<IntegerAttr>(clause.getValue());
        if (!value || value.getValue().getSExtValue() < 1)
          return op->emitOpError() << "'" << name << "' clause '" << key
                                   << "' must be an integer >= 1";
        continue;
      }
      if (key == "schedule") {
        auto value = dyn_cast<StringAttr>(clause.getValue());
        if (!value || !llvm::is_contained(ArrayRef<StringRef>{"static",
                                                              "dynamic",
                                                              "guided", "auto",
                                                              "runtime"},
                                          value.getValue()))
          return op->emitOpError()
                 << "'" << name
                 << "' schedule must be static, dynamic, guided, auto or "
                    "runtime";
        continue;
      }
      return op->emitOpError()
             << "'" << name << "' has unknown clause '" << key << "'";
    }
    if (clauses.get("chunk")) {
      auto schedule = clauses.getAs<StringAttr>("schedule");
      if (!schedule || schedule.getValue() == "auto" ||
          schedule.getValue() == "runtime")
        return op->emitOpError() << "'" << name
                                 << "' chunk needs a static, dynamic or "
                                    "guided schedule";
    }
    return success();
  }
  if (name == kMappingAttrName) {
    auto axes = dyn_cast<ArrayAttr>(attr.getValue());
    if (!axes || !llvm::all_of(axes, llvm::IsaPred<ParallelAxisAttr>))
      return op->emitOpError()
             << "'" << name << "' must be an array of #xpl.axis";
    unsigned dims = getNumLoopDims(op);
    if (dims == 0)
      return op->emitOpError() << "'" << name << "' only applies to loops";
    if (axes.size() != dims)
      return op->emitOpError() << "'" << name << "' has " << axes.size()
                               << " axes for " << dims << " loop dimensions";
    return success();
  }
  if (name == kLaunchShapeAttrName) {
    auto shape = dyn_cast<LaunchShapeAttr>(attr.getValue());
    if (!shape)
      return op->emitOpError() << "'" << name << "' must be a #xpl.launch_shape";
    if (isa<FunctionOpInterface>(op)) {
      // A kernel without a launcher: nothing to refer to.
      if (shape.getNumSymbols() != 0)
        return op->emitOpError() << "'" << name
                                 << "' of a function must have no symbols";
      return success();
    }
    auto launcher = op->getParentOfType<FunctionOpInterface>();
    if (!launcher)
      return op->emitOpError() << "'" << name
                               << "' applies to kernels and to launch ops "
                                  "in functions";
    ArrayRef<Type> inputs = launcher.getArgumentTypes();
    if (shape.getNumSymbols() != inputs.size())
      return op->emitOpError()
             << "'" << name << "' has " << shape.getNumSymbols()
             << " symbols but the enclosing function has " << inputs.size()
             << " arguments";
    auto uses = [&](unsigned i) {
      return llvm::any_of(llvm::concat<const AffineMap>(shape.getGrid(),
                                                        shape.getBlock()),
                          [&](AffineMap m) { return m.isFunctionOfSymbol(i); });
    };
    for (unsigned i = 0, e = inputs.size(); i < e; ++i) {
      if (uses(i) && !inputs[i].isIntOrIndex())
        return op->emitOpError() << "'" << name << "' uses argument " << i
                                 << " which is not an integer";
    }
    return success();
  }
  if (name == kBufferAttrName)
    return op->emitOpError()
           << "'" << name << "' applies to launcher arguments, not operations";
  // Loop transformations: a loop's name (xpl-name-loops) and the parallel
  // axis a raised loop (one induction variable) iterates over.
  if (name == "xpl.loop_name") {
    if (!isa<StringAttr>(attr.getValue()))
      return op->emitOpError() << "'" << name << "' must be a string";
    return success();
  }
  if (name == "xpl.axis") {
    if (!isa<ParallelAxisAttr>(attr.getValue()))
      return op->emitOpError() << "'" << name << "' must be an #xpl.axis";
    if (getNumLoopDims(op) != 1)
      return op->emitOpError()
             << "'" << name << "' only applies to loops of one dimension";
    return success();
  }
  // The byte alignment a buffer needs beyond its element type's (wmma
  // tiles in shared memory: 32), for the emitters.
  if (name == "xpl.alignment") {
    auto value = dyn_cast<IntegerAttr>(attr.getValue());
    if (!value || value.getValue().getSExtValue() < 1 ||
        !value.getValue().isPowerOf2())
      return op->emitOpError()
             << "'" << name << "' must be a power-of-two integer";
    return success();
  }
  return op->emitOpError() << "unknown xpl attribute '" << name << "'";
}

LogicalResult XplDialect::verifyRegionArgAttribute(Operation *op,
                                                   unsigned regionIndex,
                                                   unsigned argIndex,
                                                   NamedAttribute attr) {
  StringRef name = attr.getName().getValue();
  if (name != kBufferAttrName)
    return op->emitOpError() << "unknown xpl argument attribute '" << name
                             << "'";
  auto buffer = dyn_cast<BufferAttr>(attr.getValue());
  if (!buffer)
    return op->emitOpError() << "'" << name << "' must be a #xpl.buffer";
  auto func = dyn_cast<FunctionOpInterface>(op);
  if (!func || !func->hasAttr(kLauncherAttrName))
    return op->emitOpError() << "'" << name
                             << "' only applies to arguments of launchers";
  ArrayRef<Type> inputs = func.getArgumentTypes();
  if (!isa<BaseMemRefType>(inputs[argIndex]))
    return op->emitOpError() << "'" << name << "' on argument " << argIndex
                             << " which is not a memref";
  AffineMap size = buffer.getSize();
  if (size.getNumSymbols() != inputs.size())
    return op->emitOpError()
           << "'" << name << "' size map has " << size.getNumSymbols()
           << " symbols but the launcher has " << inputs.size()
           << " arguments";
  for (unsigned i = 0, e = inputs.size(); i < e; ++i)
    if (size.isFunctionOfSymbol(i) && !inputs[i].isIntOrIndex())
      return op->emitOpError() << "'" << name << "' size uses argument " << i
                               << " which is not an integer";
  return success();
}
