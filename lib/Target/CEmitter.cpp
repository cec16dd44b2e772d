//===- CEmitter.cpp - functions, control flow, names, inlining ------------===//
//
// The structure of the output: function order, signatures, scf control
// flow as for/while/if, loop-carried values as variables, and which values
// are inlined as expressions.
//
//===----------------------------------------------------------------------===//

#include "CEmitter.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/STLExtras.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "llvm/ADT/SetVector.h"

#include <functional>

using namespace mlir;
using namespace xpiler::target;

LanguageEmitter::~LanguageEmitter() = default;

LogicalResult LanguageEmitter::emitFileScope(CEmitter &, ModuleOp) {
  return success();
}
std::optional<std::string> LanguageEmitter::getTypeName(Type) {
  return std::nullopt;
}
std::optional<Expr> LanguageEmitter::getExpr(CEmitter &, Operation &) {
  return std::nullopt;
}
bool LanguageEmitter::isExpression(Operation &) { return false; }
std::string LanguageEmitter::getMathFunction(llvm::StringRef name, Type type) {
  // The C library's: `expf` for float, `exp` for double.
  return type.isF32() ? (name + "f").str() : name.str();
}
std::string LanguageEmitter::getArrayQualifier(Attribute) { return ""; }
std::string LanguageEmitter::getVectorTypedef(llvm::StringRef name,
                                              llvm::StringRef element,
                                              int64_t lanes, int64_t bytes) {
  return ("typedef " + element + " " + name + " __attribute__((vector_size(" +
          llvm::Twine(bytes) + ")));")
      .str();
}

CEmitter::CEmitter(llvm::raw_ostream &os, LanguageEmitter &language)
    : finalOutput(os), language(language) {}

//===----------------------------------------------------------------------===//
// Names
//===----------------------------------------------------------------------===//

static bool isCKeyword(StringRef name) {
  static const llvm::StringSet<> keywords = {
      "auto",     "bool",     "break",    "case",      "char",     "const",
      "continue", "default",  "do",       "double",    "else",     "enum",
      "extern",   "float",    "for",      "goto",      "if",       "inline",
      "int",      "long",     "register", "restrict",  "return",   "short",
      "signed",   "sizeof",   "static",   "struct",    "switch",   "typedef",
      "union",    "unsigned", "void",     "volatile",  "while",    "class",
      "delete",   "new",      "this",     "template",  "typename", "using",
      "namespace", "true",    "false",    "nullptr",   "operator", "private",
      "public",   "protected", "virtual", "friend",    "half",     "main",
      "threadIdx", "blockIdx", "blockDim", "gridDim",  "warpSize", "taskId",
      "taskDim",  "coreId",   "clusterId", "taskIdX",  "taskIdY",  "taskIdZ",
      "taskDimX", "taskDimY", "taskDimZ", "clusterDim", "coreDim", "std",
      "wmma",     "nvcuda",   "min",      "max",       "abs",      "exp",
      "sqrt",     "size_t",   "int8_t",   "int16_t",   "int32_t",  "int64_t",
      "uint8_t",  "uint16_t", "uint32_t", "uint64_t",  "assert",   "exit"};
  return keywords.contains(name);
}

std::string xpiler::target::sanitizeIdentifier(StringRef text) {
  std::string name;
  for (char c : text)
    name.push_back(llvm::isAlnum(c) || c == '_' ? c : '_');
  if (name.empty() || llvm::isDigit(name[0]))
    name.insert(name.begin(), 'v');
  return name;
}

std::string CEmitter::uniqueName(StringRef base) {
  std::string name = sanitizeIdentifier(base);
  if (isCKeyword(name) || globalNames.contains(name))
    name += "_";
  unsigned &count = usedNames[name];
  if (count++ == 0)
    return name;
  // `x`, then `x1`, `x2`... skipping names the source also uses.
  while (true) {
    std::string candidate = name + llvm::utostr(count);
    if (!usedNames.contains(candidate)) {
      usedNames[candidate] = 1;
      return candidate;
    }
    ++count;
  }
}

/// The variable name a location carries (`NameLoc`, possibly fused).
static std::optional<StringRef> getLocName(Location loc) {
  if (auto nameLoc = dyn_cast<NameLoc>(loc))
    return nameLoc.getName().getValue();
  if (auto fused = dyn_cast<FusedLoc>(loc))
    for (Location inner : fused.getLocations())
      if (auto name = getLocName(inner))
        return name;
  return std::nullopt;
}

/// The source name of `value`: its NameLoc, or for a result of an op with
/// several (scf.while, scf.if), the NameLoc at its position in the op's
/// `FusedLoc<"results">` (the importer's convention, see Simplify.cpp).
static std::optional<StringRef> getValueName(Value value) {
  auto result = dyn_cast<OpResult>(value);
  if (!result || result.getOwner()->getNumResults() == 1)
    return getLocName(value.getLoc());
  Operation *owner = result.getOwner();
  auto fused = dyn_cast<FusedLoc>(owner->getLoc());
  auto metadata =
      fused ? dyn_cast_or_null<StringAttr>(fused.getMetadata()) : nullptr;
  if (!metadata || metadata.getValue() != "results" ||
      fused.getLocations().size() != owner->getNumResults())
    return std::nullopt;
  if (auto name =
          dyn_cast<NameLoc>(fused.getLocations()[result.getResultNumber()]))
    return name.getName().getValue();
  return std::nullopt;
}

std::string CEmitter::assignName(Value value, StringRef hint) {
  auto it = names.find(value);
  if (it != names.end())
    return it->second;
  std::optional<StringRef> locName = getValueName(value);
  std::string name = uniqueName(locName ? *locName : hint);
  return names[value] = name;
}

std::string CEmitter::getName(Value value) {
  auto it = names.find(value);
  if (it != names.end())
    return it->second;
  return assignName(value);
}

//===----------------------------------------------------------------------===//
// Inlining
//===----------------------------------------------------------------------===//

/// Whether `op` (or an op nested in it) may write memory or synchronise.
static bool mayWrite(Operation *op) {
  if (isa<func::CallOp>(op))
    return true;
  if (auto effects = dyn_cast<MemoryEffectOpInterface>(op)) {
    if (effects.hasEffect<MemoryEffects::Write>() ||
        effects.hasEffect<MemoryEffects::Free>() ||
        effects.hasEffect<MemoryEffects::Allocate>())
      return true;
  } else if (!op->hasTrait<OpTrait::HasRecursiveMemoryEffects>() &&
             op->getNumRegions() == 0 && !isMemoryEffectFree(op)) {
    return true;
  }
  for (Region &region : op->getRegions())
    for (Operation &nested : region.getOps())
      if (mayWrite(&nested))
        return true;
  return false;
}

bool CEmitter::isExpressionOp(Operation &op) {
  if (op.getNumResults() != 1 || op.getNumRegions() != 0)
    return false;
  if (isa<memref::LoadOp>(op))
    return true;
  if (isa<memref::AllocaOp, func::CallOp>(op))
    return false;
  if (op.getDialect() && op.getDialect()->getNamespace() != "arith" &&
      op.getDialect()->getNamespace() != "math" &&
      op.getDialect()->getNamespace() != "memref" &&
      op.getDialect()->getNamespace() != "vector" &&
      op.getDialect()->getNamespace() != "ub")
    return language.isExpression(op);
  return isMemoryEffectFree(&op) && !isa<vector::InsertOp>(op);
}

void CEmitter::analyzeInlining(func::FuncOp func) {
  inlinable.clear();
  sizeOnly.clear();
  SmallVector<Operation *> ops;
  func.walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (op != func)
      ops.push_back(op);
  });
  // Users come after their definitions in pre-order, so one backward pass
  // sees every user's decision before the definition's.
  for (Operation *op : llvm::reverse(ops)) {
    // Pure values that only feed memref sizes (subview sizes, dims).
    if (op->getNumResults() > 0 && op->getNumRegions() == 0 &&
        isMemoryEffectFree(op) && !op->use_empty() &&
        llvm::all_of(op->getUses(), [&](OpOperand &use) {
          Operation *user = use.getOwner();
          if (sizeOnly.contains(user))
            return true;
          if (auto subview = dyn_cast<memref::SubViewOp>(user))
            return use.getOperandNumber() != 0 &&
                   llvm::is_contained(subview.getSizes(), use.get());
          return false;
        })) {
      sizeOnly.insert(op);
      continue;
    }
    if (isa<arith::ConstantOp>(op)) {
      inlinable.insert(op);
      continue;
    }
    if (!isExpressionOp(*op))
      continue;
    Value result = op->getResult(0);
    // Operand-free pure values (thread indices) are cheaper to repeat than
    // to name.
    if (op->getNumOperands() == 0 && isMemoryEffectFree(op)) {
      inlinable.insert(op);
      continue;
    }
    if (!result.hasOneUse())
      continue;
    Operation *user = *result.getUsers().begin();
    if (user->getBlock() != op->getBlock())
      continue;
    // min, max and abs are written `a < b ? a : b`: their operands would be
    // repeated.
    if (isa<arith::MaxSIOp, arith::MinSIOp, arith::MaxUIOp, arith::MinUIOp,
            math::AbsIOp>(user))
      continue;
    if (!isMemoryEffectFree(op)) {
      // A read moves to where its expression is materialised: nothing in
      // between may write.
      Operation *point = user;
      while (inlinable.contains(point) && point->getNumResults() == 1 &&
             point->getResult(0).hasOneUse())
        point = *point->getResult(0).getUsers().begin();
      if (point->getBlock() != op->getBlock())
        continue;
      bool clobbered = false;
      unsigned scanned = 0;
      for (Operation *it = op->getNextNode(); it && it != point;
           it = it->getNextNode()) {
        if (++scanned > 256 || (!inlinable.contains(it) && mayWrite(it))) {
          clobbered = true;
          break;
        }
      }
      if (clobbered)
        continue;
    }
    inlinable.insert(op);
  }
}

bool CEmitter::readsVariable(Value value, StringRef variable) {
  if (inlined.count(value)) {
    Operation *def = value.getDefiningOp();
    bool reads = false;
    def->walk([&](Operation *nested) {
      for (Value operand : nested->getOperands()) {
        Operation *operandDef = operand.getDefiningOp();
        if (operandDef && def->isAncestor(operandDef))
          continue; // computed inside `def` (a ternary's branches)
        reads |= readsVariable(operand, variable);
      }
    });
    return reads;
  }
  auto it = names.find(value);
  return it != names.end() && it->second == variable;
}

//===----------------------------------------------------------------------===//
// Module and functions
//===----------------------------------------------------------------------===//

LogicalResult CEmitter::emitModule(ModuleOp module) {
  // Callees before callers, otherwise in module order.
  SmallVector<func::FuncOp> order;
  llvm::DenseSet<Operation *> visited;
  std::function<void(func::FuncOp)> visit = [&](func::FuncOp func) {
    if (!visited.insert(func).second)
      return;
    func.walk([&](func::CallOp call) {
      if (auto callee = module.lookupSymbol<func::FuncOp>(call.getCallee()))
        visit(callee);
    });
    order.push_back(func);
  };
  for (auto func : module.getOps<func::FuncOp>()) {
    globalNames.insert(func.getSymName());
    visit(func);
  }

  std::string body;
  llvm::raw_string_ostream bodyStream(body);
  out = std::make_unique<raw_indented_ostream>(bodyStream);
  if (failed(language.emitFileScope(*this, module)))
    return failure();
  for (func::FuncOp func : order) {
    if (func.isExternal())
      continue;
    if (failed(emitFunction(func)))
      return failure();
  }

  std::string header;
  llvm::raw_string_ostream headerStream(header);
  out = std::make_unique<raw_indented_ostream>(headerStream);
  language.emitPrelude(*this, module);
  for (auto &[name, typedefText] : vectorTypedefs)
    *out << typedefText << "\n";
  if (!vectorTypedefs.empty())
    *out << "\n";
  out.reset();
  finalOutput << header << body;
  return success();
}

bool CEmitter::isWritten(Value memref) {
  SmallVector<Value> worklist{memref};
  llvm::DenseSet<Value> seen;
  while (!worklist.empty()) {
    Value value = worklist.pop_back_val();
    if (!seen.insert(value).second)
      continue;
    for (OpOperand &use : value.getUses()) {
      Operation *user = use.getOwner();
      if (isa<memref::LoadOp, memref::DimOp>(user))
        continue;
      if (auto store = dyn_cast<memref::StoreOp>(user)) {
        if (use.get() == store.getMemRef())
          return true;
        continue;
      }
      if (isa<memref::SubViewOp, memref::CastOp, memref::ReinterpretCastOp,
              memref::ViewOp>(user)) {
        for (Value result : user->getResults())
          worklist.push_back(result);
        continue;
      }
      if (auto effects = dyn_cast<MemoryEffectOpInterface>(user)) {
        SmallVector<MemoryEffects::EffectInstance> instances;
        effects.getEffectsOnValue(value, instances);
        bool writes = llvm::any_of(instances, [](auto &instance) {
          return isa<MemoryEffects::Write>(instance.getEffect());
        });
        if (writes)
          return true;
        // An op that declares effects but none on this value only reads.
        if (!instances.empty() || isMemoryEffectFree(user))
          continue;
        SmallVector<MemoryEffects::EffectInstance> all;
        effects.getEffects(all);
        if (llvm::none_of(all, [](auto &instance) {
              return isa<MemoryEffects::Write>(instance.getEffect()) &&
                     !instance.getValue();
            }))
          continue;
      }
      return true; // calls, launches, unknown ops: assume written
    }
  }
  return false;
}

LogicalResult CEmitter::emitFunction(func::FuncOp func) {
  currentFunction = func;
  names.clear();
  inlined.clear();
  usedNames.clear();
  analyzeInlining(func);

  if (func.getNumResults() > 1)
    return func.emitError("cannot emit function '")
           << func.getSymName() << "' with " << func.getNumResults()
           << " results";
  std::string returnType = "void";
  if (func.getNumResults() == 1) {
    FailureOr<std::string> type =
        getTypeName(func.getResultTypes()[0], func.getLoc());
    if (failed(type))
      return failure();
    returnType = *type;
  }

  std::string prefix = language.getFunctionPrefix(func);
  std::string infix = language.getFunctionInfix(func);
  *out << prefix << (prefix.empty() ? "" : " ") << returnType << " "
       << infix << (infix.empty() ? "" : " ") << func.getSymName() << "(";
  Block &entry = func.getBody().front();
  for (auto [index, arg] : llvm::enumerate(entry.getArguments())) {
    if (index)
      *out << ", ";
    std::string name = assignName(arg, ("arg" + llvm::Twine(index)).str());
    auto memref = dyn_cast<MemRefType>(arg.getType());
    if (memref && (!isArrayType(memref) || memref.getRank() <= 1)) {
      FailureOr<std::string> element =
          getTypeName(memref.getElementType(), arg.getLoc());
      if (failed(element))
        return failure();
      *out << (isWritten(arg) ? "" : "const ") << *element << " *" << name;
      continue;
    }
    FailureOr<std::string> declaration =
        getDeclaration(arg.getType(), name, arg.getLoc());
    if (failed(declaration))
      return failure();
    *out << *declaration;
  }
  *out << ") {\n";
  out->indent();
  if (failed(emitBlockBody(entry)))
    return failure();
  auto ret = cast<func::ReturnOp>(entry.getTerminator());
  if (ret.getNumOperands() == 1)
    statement("return " + operand(ret.getOperand(0)));
  out->unindent();
  *out << "}\n\n";
  return success();
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

void CEmitter::statement(StringRef text) { *out << text << ";\n"; }

LogicalResult CEmitter::emitBlockBody(Block &block) {
  for (Operation &op : block.without_terminator())
    if (failed(emitOperation(op)))
      return failure();
  return success();
}

LogicalResult CEmitter::emitRegionBody(Region &region) {
  *out << "{\n";
  out->indent();
  LogicalResult result = emitBlockBody(region.front());
  out->unindent();
  *out << "}";
  return result;
}

Expr CEmitter::getExpr(Value value) {
  auto it = inlined.find(value);
  if (it != inlined.end())
    return it->second;
  return {getName(value), kPrecPrimary};
}

std::string CEmitter::operand(Value value, int minPrec) {
  Expr expr = getExpr(value);
  if (expr.prec < minPrec)
    return "(" + expr.text + ")";
  return expr.text;
}

LogicalResult CEmitter::declare(Value result, const Expr &expr) {
  // A buffer computed from another (a view, a cast) is a pointer to it, or
  // a reference to a multi-dimensional array.
  if (auto memref = dyn_cast<MemRefType>(result.getType())) {
    std::string name = assignName(result);
    if (isArrayType(memref) && memref.getRank() >= 2) {
      statement("auto &" + name + " = " + expr.text);
      return success();
    }
    FailureOr<std::string> element =
        getTypeName(memref.getElementType(), result.getLoc());
    if (failed(element))
      return failure();
    // A view only read through is read-only (a const argument can only
    // initialise a pointer to const); one that flows into other variables
    // keeps their type.
    bool readOnly =
        !isWritten(result) && llvm::all_of(result.getUsers(), [](Operation *u) {
          return isa<memref::LoadOp, memref::DimOp, memref::SubViewOp,
                     memref::CastOp, memref::ReinterpretCastOp>(u);
        });
    statement((readOnly ? "const " : "") + *element + " *" + name + " = " +
              expr.text);
    return success();
  }
  FailureOr<std::string> declaration =
      getDeclaration(result.getType(), assignName(result), result.getLoc());
  if (failed(declaration))
    return failure();
  statement(*declaration + " = " + expr.text);
  return success();
}

LogicalResult CEmitter::declareUninitialized(Value value, StringRef hint) {
  FailureOr<std::string> declaration = getDeclaration(
      value.getType(), assignName(value, hint), value.getLoc());
  if (failed(declaration))
    return failure();
  statement(*declaration);
  return success();
}

LogicalResult CEmitter::bind(Value result, Expr expr) {
  Operation *def = result.getDefiningOp();
  if (def && inlinable.contains(def)) {
    inlined[result] = std::move(expr);
    return success();
  }
  return declare(result, expr);
}

LogicalResult CEmitter::emitOperation(Operation &op) {
  if (sizeOnly.contains(&op))
    return success();
  if (isa<scf::ForOp>(op))
    return emitFor(op);
  if (isa<scf::WhileOp>(op))
    return emitWhile(op);
  if (isa<scf::IfOp>(op))
    return emitIf(op);
  if (auto call = dyn_cast<func::CallOp>(op)) {
    std::string text = call.getCallee().str() + "(";
    for (auto [index, arg] : llvm::enumerate(call.getOperands())) {
      if (index)
        text += ", ";
      text += isa<MemRefType>(arg.getType()) ? getPointer(arg) : operand(arg);
    }
    text += ")";
    if (call.getNumResults() == 0) {
      statement(text);
      return success();
    }
    if (call.getNumResults() > 1)
      return call.emitError("cannot emit a call with several results");
    return declare(call.getResult(0), {text, kPrecPostfix});
  }
  if (op.getNumResults() == 1 && op.getNumRegions() == 0) {
    // An expression that reported an error is not an unknown op.
    bool reported = false;
    ScopedDiagnosticHandler handler(op.getContext(), [&](Diagnostic &diag) {
      reported |= diag.getSeverity() == DiagnosticSeverity::Error;
      return failure(); // and pass it on
    });
    if (std::optional<Expr> expr = getStandardExpr(op))
      return bind(op.getResult(0), *expr);
    if (reported)
      return failure();
    if (std::optional<Expr> expr = language.getExpr(*this, op))
      return bind(op.getResult(0), *expr);
    if (reported)
      return failure();
  }
  bool handled = false;
  if (failed(emitStandardOp(op, handled)))
    return failure();
  if (handled)
    return success();
  if (std::optional<LogicalResult> result = language.emitOp(*this, op))
    return *result;
  return op.emitError("cannot emit '")
         << op.getName() << "' as " << language.getName() << " source";
}

LogicalResult CEmitter::emitAssignments(ValueRange targets, ValueRange values) {
  SmallVector<std::pair<std::string, Value>> pending;
  for (auto [target, value] : llvm::zip(targets, values)) {
    std::string name = getName(target);
    if (getExpr(value).text == name)
      continue;
    pending.push_back({name, value});
  }
  // Parallel assignment: a value that reads a variable assigned before it
  // goes through a temporary.
  bool needTemporaries = false;
  for (unsigned i = 0; i < pending.size() && !needTemporaries; ++i)
    for (unsigned j = 0; j < i && !needTemporaries; ++j)
      needTemporaries = readsVariable(pending[i].second, pending[j].first);
  if (!needTemporaries) {
    for (auto &[name, value] : pending)
      statement(name + " = " + operand(value, kPrecAssign));
    return success();
  }
  SmallVector<std::string> temporaries;
  for (auto &[name, value] : pending) {
    std::string temporary = uniqueName("next_" + name);
    FailureOr<std::string> declaration =
        getDeclaration(value.getType(), temporary, value.getLoc());
    if (failed(declaration))
      return failure();
    statement(*declaration + " = " + operand(value, kPrecAssign));
    temporaries.push_back(temporary);
  }
  for (auto [pendingItem, temporary] : llvm::zip(pending, temporaries))
    statement(pendingItem.first + " = " + temporary);
  return success();
}

/// The shape of a `while` loop that reads as a `for`: the condition only
/// tests the loop variables, and the body ends by stepping one of them,
/// `i = i + s` or `i = i - s`, with `s` defined outside the loop.
struct ForShape {
  unsigned index;        // the stepped loop variable
  Operation *increment;  // arith.addi / arith.subi in the body
  Value step;
  bool subtract;
};

static std::optional<ForShape>
matchForShape(scf::WhileOp loop, const llvm::DenseSet<Operation *> &inlinable) {
  Block &before = loop.getBefore().front();
  Block &after = loop.getAfter().front();
  auto condition = cast<scf::ConditionOp>(before.getTerminator());
  if (condition.getArgs().size() != before.getNumArguments())
    return std::nullopt;
  for (auto [forwarded, argument] :
       llvm::zip(condition.getArgs(), before.getArguments()))
    if (forwarded != argument)
      return std::nullopt;
  if (!llvm::all_of(before.without_terminator(), [&](Operation &nested) {
        return inlinable.contains(&nested);
      }))
    return std::nullopt;
  auto yield = cast<scf::YieldOp>(after.getTerminator());
  auto isInvariant = [&](Value value) {
    Region *region = value.getParentRegion();
    return region != &loop.getBefore() && region != &loop.getAfter() &&
           !loop->isAncestor(value.getParentBlock()->getParentOp());
  };
  for (auto [index, next] : llvm::enumerate(yield.getOperands())) {
    Operation *def = next.getDefiningOp();
    if (!def || def->getBlock() != &after || !next.hasOneUse() ||
        !inlinable.contains(def) || !isa<arith::AddIOp, arith::SubIOp>(def))
      continue;
    Value variable = after.getArgument(index);
    Value lhs = def->getOperand(0), rhs = def->getOperand(1);
    bool subtract = isa<arith::SubIOp>(def);
    Value step;
    if (lhs == variable && isInvariant(rhs))
      step = rhs;
    else if (!subtract && rhs == variable && isInvariant(lhs))
      step = lhs;
    else
      continue;
    // The condition tests this variable.
    Operation *test = condition.getCondition().getDefiningOp();
    if (!test || !llvm::is_contained(test->getOperands(),
                                     before.getArgument(index)))
      continue;
    return ForShape{static_cast<unsigned>(index), def, step, subtract};
  }
  return std::nullopt;
}

/// `#pragma omp parallel for ...` for a loop's `xpl.omp_parallel_for`.
static std::string getOmpPragma(DictionaryAttr clauses) {
  std::string text = "#pragma omp parallel for";
  if (auto collapse = clauses.getAs<IntegerAttr>("collapse");
      collapse && collapse.getInt() > 1)
    text += " collapse(" + std::to_string(collapse.getInt()) + ")";
  if (auto schedule = clauses.getAs<StringAttr>("schedule")) {
    text += " schedule(" + schedule.getValue().str();
    if (auto chunk = clauses.getAs<IntegerAttr>("chunk"))
      text += ", " + std::to_string(chunk.getInt());
    text += ")";
  }
  return text;
}

LogicalResult CEmitter::emitFor(Operation &op) {
  auto loop = cast<scf::ForOp>(op);
  for (auto [init, arg, result] : llvm::zip(
           loop.getInitArgs(), loop.getRegionIterArgs(), loop.getResults())) {
    if (failed(declare(arg, getExpr(init))))
      return failure();
    std::string variable = getName(arg);
    names[result] = variable;
  }
  Value iv = loop.getInductionVar();
  static const char *const kLoopNames[] = {"i", "j", "k", "l", "m"};
  unsigned depth = 0;
  for (Operation *parent = op.getParentOp(); parent;
       parent = parent->getParentOp())
    depth += isa<scf::ForOp, scf::WhileOp>(parent);
  std::string name = assignName(iv, kLoopNames[std::min(depth, 4u)]);
  FailureOr<std::string> type = getTypeName(iv.getType(), loop.getLoc());
  if (failed(type))
    return failure();
  std::string step = operand(loop.getStep(), kPrecAssign);
  std::string compare = loop.getUnsignedCmp()
                            ? "(uint64_t)" + name + " < (uint64_t)" +
                                  operand(loop.getUpperBound(), kPrecUnary)
                            : name + " < " +
                                  operand(loop.getUpperBound(), kPrecRel + 1);
  if (auto omp = op.getAttrOfType<DictionaryAttr>("xpl.omp_parallel_for")) {
    auto collapse = omp.getAs<IntegerAttr>("collapse");
    if (failed(checkOmpLoopNest(op, collapse ? collapse.getInt() : 1)))
      return failure();
    *out << getOmpPragma(omp) << "\n";
  }
  *out << "for (" << *type << " " << name << " = "
       << operand(loop.getLowerBound(), kPrecAssign) << "; " << compare << "; "
       << name << (step == "1" ? "++" : " += " + step) << ") {\n";
  out->indent();
  if (failed(emitBlockBody(*loop.getBody())))
    return failure();
  auto yield = cast<scf::YieldOp>(loop.getBody()->getTerminator());
  if (failed(emitAssignments(loop.getRegionIterArgs(), yield.getOperands())))
    return failure();
  out->unindent();
  *out << "}\n";
  // Sibling loops reuse `i`.
  if (usedNames.lookup(name) == 1)
    usedNames.erase(name);
  return success();
}

LogicalResult CEmitter::checkOmpLoopNest(Operation &op, int64_t depth) {
  // Each of the `depth` loops must be a canonical for with nothing carried
  // from one iteration to the next, and each but the last must hold only
  // the next (collapse needs perfectly nested loops).
  Operation *loop = &op;
  for (int64_t level = 0; level < depth; ++level) {
    auto fail = [&](const Twine &why) {
      return loop->emitError("cannot emit '#pragma omp parallel for' on this "
                             "loop: ")
             << why;
    };
    Block *body = nullptr;
    Operation *increment = nullptr;
    if (auto forOp = dyn_cast<scf::ForOp>(loop)) {
      if (!forOp.getInitArgs().empty())
        return fail("it carries values from one iteration to the next");
      body = forOp.getBody();
    } else if (auto whileOp = dyn_cast<scf::WhileOp>(loop)) {
      std::optional<ForShape> shape = matchForShape(whileOp, inlinable);
      if (!shape)
        return fail("it is not a canonical for loop");
      if (whileOp.getInits().size() != 1)
        return fail("it carries values from one iteration to the next");
      if (!whileOp.getResult(0).use_empty())
        return fail("its loop variable is used after it");
      body = &whileOp.getAfter().front();
      increment = shape->increment;
    } else {
      return fail("it is not a loop");
    }
    if (level + 1 == depth)
      break;
    Operation *inner = nullptr;
    for (Operation &nested : body->without_terminator()) {
      if (&nested == increment || inlinable.contains(&nested) ||
          sizeOnly.contains(&nested))
        continue;
      if (inner || !isa<scf::ForOp, scf::WhileOp>(nested))
        return fail("collapse(" + Twine(depth) +
                    ") needs perfectly nested loops");
      inner = &nested;
    }
    if (!inner)
      return fail("collapse(" + Twine(depth) +
                  ") needs perfectly nested loops");
    loop = inner;
  }
  return success();
}

LogicalResult CEmitter::emitWhile(Operation &op) {
  auto loop = cast<scf::WhileOp>(op);
  Block &before = loop.getBefore().front();
  Block &after = loop.getAfter().front();
  auto condition = cast<scf::ConditionOp>(before.getTerminator());
  auto omp =
      op.getAttrOfType<DictionaryAttr>("xpl.omp_parallel_for");
  std::optional<ForShape> shape = matchForShape(loop, inlinable);

  // `for (T i = init; cond; i += step)`, the other loop variables declared
  // before it.
  if (shape) {
    unsigned k = shape->index;
    Value variable = before.getArgument(k);
    for (auto [index, init, arg] :
         llvm::enumerate(loop.getInits(), before.getArguments()))
      if (index != k && failed(declare(arg, getExpr(init))))
        return failure();
    for (auto [beforeArg, afterArg, result] :
         llvm::zip(before.getArguments(), after.getArguments(),
                   loop.getResults())) {
      if (beforeArg == variable)
        continue;
      std::string shared = getName(beforeArg);
      names[afterArg] = shared;
      names[result] = shared;
    }
    static const char *const kLoopNames[] = {"i", "j", "k", "l", "m"};
    unsigned depth = 0;
    for (Operation *parent = op.getParentOp(); parent;
         parent = parent->getParentOp())
      depth += isa<scf::ForOp, scf::WhileOp>(parent);
    std::string name = assignName(variable, kLoopNames[std::min(depth, 4u)]);
    names[after.getArgument(k)] = name;
    names[loop.getResult(k)] = name;
    FailureOr<std::string> declaration =
        getDeclaration(variable.getType(), name, loop.getLoc());
    if (failed(declaration))
      return failure();
    std::string init = operand(loop.getInits()[k], kPrecAssign);
    if (omp) {
      auto collapse = omp.getAs<IntegerAttr>("collapse");
      if (failed(checkOmpLoopNest(op, collapse ? collapse.getInt() : 1)))
        return failure();
      *out << getOmpPragma(omp) << "\n";
    }
    std::string header;
    if (loop.getResult(k).use_empty()) {
      header = "for (" + *declaration + " = " + init + "; ";
    } else {
      statement(*declaration + " = " + init);
      header = "for (; ";
    }
    if (failed(emitBlockBody(before)))
      return failure();
    std::string step = operand(shape->step, kPrecAssign);
    std::string increment =
        !shape->subtract && step == "1"   ? name + "++"
        : shape->subtract && step == "1" ? name + "--"
                                          : name +
                                                (shape->subtract ? " -= "
                                                                 : " += ") +
                                                step;
    *out << header << operand(condition.getCondition()) << "; " << increment
         << ") {\n";
    out->indent();
    if (failed(emitBlockBody(after)))
      return failure();
    auto yield = cast<scf::YieldOp>(after.getTerminator());
    SmallVector<Value> targets, values;
    for (auto [index, arg, value] :
         llvm::enumerate(before.getArguments(), yield.getOperands()))
      if (index != k) {
        targets.push_back(arg);
        values.push_back(value);
      }
    if (failed(emitAssignments(targets, values)))
      return failure();
    out->unindent();
    *out << "}\n";
    return success();
  }
  if (omp)
    return checkOmpLoopNest(op, 1);

  for (auto [init, arg] : llvm::zip(loop.getInits(), before.getArguments()))
    if (failed(declare(arg, getExpr(init))))
      return failure();
  // The usual `while (cond(x)) { x = f(x); }`: the condition forwards the
  // loop variables unchanged, so the body and the results share them.
  bool forwardsArguments =
      condition.getArgs().size() == before.getNumArguments() &&
      llvm::all_of(llvm::zip(condition.getArgs(), before.getArguments()),
                   [](auto pair) {
                     return std::get<0>(pair) == std::get<1>(pair);
                   });
  if (forwardsArguments) {
    for (auto [beforeArg, afterArg, result] :
         llvm::zip(before.getArguments(), after.getArguments(),
                   loop.getResults())) {
      std::string variable = getName(beforeArg);
      names[afterArg] = variable;
      names[result] = variable;
    }
  } else {
    for (auto [afterArg, result] :
         llvm::zip(after.getArguments(), loop.getResults())) {
      if (failed(declareUninitialized(afterArg, "value")))
        return failure();
      std::string variable = getName(afterArg);
      names[result] = variable;
    }
  }
  bool simpleCondition =
      forwardsArguments &&
      llvm::all_of(before.without_terminator(), [&](Operation &nested) {
        return inlinable.contains(&nested) || sizeOnly.contains(&nested);
      });
  if (simpleCondition) {
    if (failed(emitBlockBody(before)))
      return failure();
    *out << "while (" << operand(condition.getCondition()) << ") {\n";
    out->indent();
  } else {
    *out << "while (true) {\n";
    out->indent();
    if (failed(emitBlockBody(before)))
      return failure();
    if (!forwardsArguments &&
        failed(emitAssignments(after.getArguments(), condition.getArgs())))
      return failure();
    *out << "if (!" << operand(condition.getCondition(), kPrecUnary)
         << ")\n";
    out->indent();
    statement("break");
    out->unindent();
  }
  if (failed(emitBlockBody(after)))
    return failure();
  auto yield = cast<scf::YieldOp>(after.getTerminator());
  if (failed(emitAssignments(before.getArguments(), yield.getOperands())))
    return failure();
  out->unindent();
  *out << "}\n";
  return success();
}

/// Whether a region holds nothing but inlined values and its yield.
static bool onlyYields(Region &region, llvm::DenseSet<Operation *> &inlinable) {
  return llvm::all_of(region.front().without_terminator(),
                      [&](Operation &op) { return inlinable.contains(&op); });
}

LogicalResult CEmitter::emitIf(Operation &op) {
  auto ifOp = cast<scf::IfOp>(op);
  std::string condition = operand(ifOp.getCondition(), kPrecNone);

  // `c ? a : b` for a one-value if whose branches are expressions.
  if (ifOp.getNumResults() == 1 && !ifOp.getElseRegion().empty() &&
      onlyYields(ifOp.getThenRegion(), inlinable) &&
      onlyYields(ifOp.getElseRegion(), inlinable)) {
    if (failed(emitBlockBody(*ifOp.thenBlock())) ||
        failed(emitBlockBody(*ifOp.elseBlock())))
      return failure();
    Value thenValue = ifOp.thenYield().getOperand(0);
    Value elseValue = ifOp.elseYield().getOperand(0);
    // Short-circuit `||` and `&&` as the source wrote them.
    if (getExpr(thenValue).text == "true")
      return declare(ifOp.getResult(0),
                     {operand(ifOp.getCondition(), kPrecLogOr) + " || " +
                          operand(elseValue, kPrecLogOr + 1),
                      kPrecLogOr});
    if (getExpr(elseValue).text == "false")
      return declare(ifOp.getResult(0),
                     {operand(ifOp.getCondition(), kPrecLogAnd) + " && " +
                          operand(thenValue, kPrecLogAnd + 1),
                      kPrecLogAnd});
    std::string text = operand(ifOp.getCondition(), kPrecLogOr) + " ? " +
                       operand(thenValue, kPrecCond + 1) + " : " +
                       operand(elseValue, kPrecCond + 1);
    return declare(ifOp.getResult(0), {text, kPrecCond});
  }

  for (Value result : ifOp.getResults())
    if (failed(declareUninitialized(result, "value")))
      return failure();
  bool thenEmpty = ifOp.thenBlock()->without_terminator().empty() &&
                   ifOp.getNumResults() == 0;
  bool hasElse = !ifOp.getElseRegion().empty() &&
                 (!ifOp.elseBlock()->without_terminator().empty() ||
                  ifOp.getNumResults() > 0);
  if (thenEmpty && !hasElse)
    return success();
  auto emitBranch = [&](Block *block) -> LogicalResult {
    out->indent();
    if (failed(emitBlockBody(*block)))
      return failure();
    auto yield = cast<scf::YieldOp>(block->getTerminator());
    if (failed(emitAssignments(ifOp.getResults(), yield.getOperands())))
      return failure();
    out->unindent();
    return success();
  };
  if (thenEmpty) {
    *out << "if (!" << operand(ifOp.getCondition(), kPrecUnary) << ") {\n";
    if (failed(emitBranch(ifOp.elseBlock())))
      return failure();
    *out << "}\n";
    return success();
  }
  *out << "if (" << condition << ") {\n";
  if (failed(emitBranch(ifOp.thenBlock())))
    return failure();
  if (hasElse) {
    *out << "} else {\n";
    if (failed(emitBranch(ifOp.elseBlock())))
      return failure();
  }
  *out << "}\n";
  return success();
}
