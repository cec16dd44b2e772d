//===- CEmitter.h - the C-family core shared by every emitter ---*- C++ -*-===//
//
// CEmitter writes what the four languages share: functions, structured
// control flow, arithmetic, math, memref accesses and vectors. Everything
// that belongs to one programming model (kernels, thread indices, barriers,
// intrinsics, the host API) is asked of a LanguageEmitter.
//
// Values become C expressions. A pure single-use value is inlined into its
// user (a load only when nothing between it and its user writes memory);
// every other value is declared as a variable named after the source
// variable when the importer kept its name (a NameLoc).
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_LIB_TARGET_CEMITTER_H
#define XPILER_LIB_TARGET_CEMITTER_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Operation.h"
#include "mlir/Support/IndentedOstream.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <map>
#include <memory>
#include <optional>
#include <string>


namespace xpiler::target {

/// C operator precedence, higher binds tighter.
enum Prec : int {
  kPrecNone = 0,
  kPrecAssign = 2,
  kPrecCond = 3,
  kPrecLogOr = 4,
  kPrecLogAnd = 5,
  kPrecBitOr = 6,
  kPrecBitXor = 7,
  kPrecBitAnd = 8,
  kPrecEq = 9,
  kPrecRel = 10,
  kPrecShift = 11,
  kPrecAdd = 12,
  kPrecMul = 13,
  kPrecUnary = 14,
  kPrecPostfix = 15,
  kPrecPrimary = 16,
};

/// A C expression and the precedence of its outermost operator.
struct Expr {
  std::string text;
  int prec = kPrecPrimary;
};

class CEmitter;

/// What one programming model adds to the C core.
class LanguageEmitter {
public:
  virtual ~LanguageEmitter();

  /// Includes, check macros and typedefs at the top of the file.
  virtual void emitPrelude(CEmitter &emitter, mlir::ModuleOp module) = 0;

  /// Declarations before the functions (file-scope arrays...); default none.
  virtual mlir::LogicalResult emitFileScope(CEmitter &emitter,
                                            mlir::ModuleOp module);

  /// The C spelling of `type` where the language differs from the core
  /// (half, bfloat16, intrinsic vector types, fragments); nullopt to use
  /// the core's.
  virtual std::optional<std::string> getTypeName(mlir::Type type);

  /// Text before the return type of `func` ("__global__", "static
  /// __device__ inline", "extern \"C\"") and after the parameter list.
  virtual std::string getFunctionPrefix(mlir::func::FuncOp func) = 0;
  /// Text between the return type and the name (`__launch_bounds__`).
  virtual std::string getFunctionInfix(mlir::func::FuncOp func) { return ""; }

  /// Whether `func` runs on the device (its memrefs are device pointers,
  /// a failing assertion traps).
  virtual bool isDeviceFunction(mlir::func::FuncOp func) = 0;

  /// Emits `op`, one of this language's ops. Returns failure after
  /// reporting an error; unknown ops are reported by the caller when this
  /// returns std::nullopt.
  virtual std::optional<mlir::LogicalResult> emitOp(CEmitter &emitter,
                                                    mlir::Operation &op) = 0;

  /// The expression of a pure one-result op of this language (thread
  /// indices...), so that it can be inlined; nullopt if `op` is not one.
  virtual std::optional<Expr> getExpr(CEmitter &emitter, mlir::Operation &op);

  /// Whether `op`, an op of this language with one result and no regions,
  /// may be inlined as an expression (getExpr gives its text); default no.
  virtual bool isExpression(mlir::Operation &op);

  /// The language's name for messages ("CUDA").
  virtual llvm::StringRef getName() = 0;

  /// A typedef declaring `name` as a vector of `lanes` `element`s
  /// (`bytes` in all); the default is GCC's vector_size.
  virtual std::string getVectorTypedef(llvm::StringRef name,
                                       llvm::StringRef element, int64_t lanes,
                                       int64_t bytes);

  /// Spelling of math function `name` ("expf", "sqrtf", "rsqrtf" ...) for
  /// the element type; the default is the C library's.
  virtual std::string getMathFunction(llvm::StringRef name, mlir::Type type);

  /// A statement that aborts the kernel (a failed device assertion).
  virtual std::string getTrap() { return "__builtin_trap()"; }

  /// Whether `op` (of this language, no operands) is known to produce a
  /// non-negative value (thread indices), so unsigned arithmetic on it can
  /// be written with signed operators.
  virtual bool isNonNegative(mlir::Operation &op) { return false; }

  /// The qualifier of a local array allocated in `memorySpace` (an
  /// attribute of this language's dialect) or "" for none.
  virtual std::string getArrayQualifier(mlir::Attribute memorySpace);
};

/// Writes one module as C-family source.
class CEmitter {
public:
  CEmitter(llvm::raw_ostream &os, LanguageEmitter &language);

  mlir::LogicalResult emitModule(mlir::ModuleOp module);

  //===--- Services for language emitters ------------------------------===//

  mlir::raw_indented_ostream &os() { return *out; }

  /// C spelling of a scalar, vector or memref (as a pointer) type; reports
  /// an error at `loc` and returns failure when there is none.
  mlir::FailureOr<std::string> getTypeName(mlir::Type type,
                                           mlir::Location loc);
  /// Declarator `type name` (arrays: `float buf[4][8]`).
  mlir::FailureOr<std::string> getDeclaration(mlir::Type type,
                                              llvm::StringRef name,
                                              mlir::Location loc);

  /// The expression of an operand, parenthesised if its precedence is
  /// below `minPrec`.
  std::string operand(mlir::Value value, int minPrec = kPrecNone);
  Expr getExpr(mlir::Value value);

  /// The variable that holds `value` (declaring nothing).
  std::string getName(mlir::Value value);
  /// Gives `value` a variable named after its NameLoc or `hint`.
  std::string assignName(mlir::Value value, llvm::StringRef hint = "v");

  /// Defines `result` as `expr`: inlined into its user when it may be,
  /// otherwise declared (`T name = expr;`).
  mlir::LogicalResult bind(mlir::Value result, Expr expr);
  /// Declares `result` as a variable initialised by `expr` regardless of
  /// inlining.
  mlir::LogicalResult declare(mlir::Value result, const Expr &expr);

  /// Emits a statement (`;` and newline added).
  void statement(llvm::StringRef text);

  /// Emits the ops of `block` (its terminator excluded).
  mlir::LogicalResult emitBlockBody(mlir::Block &block);
  /// `{ ... }` around a region's only block, terminator excluded.
  mlir::LogicalResult emitRegionBody(mlir::Region &region);

  /// Whether `value` is a memref that is an array in C (static identity
  /// shape, allocated here), indexed `a[i][j]`, rather than a pointer.
  static bool isArrayType(mlir::MemRefType type);
  /// `base[i][j]` or `base[linear]` for a memref access.
  mlir::FailureOr<std::string> getElement(mlir::Value memref,
                                          mlir::ValueRange indices,
                                          mlir::Location loc);
  /// An expression for the address of `memref[0]` (a pointer).
  std::string getPointer(mlir::Value memref);

  /// Keeps a file-scope name away from local variables.
  void reserveGlobalName(llvm::StringRef name) { globalNames.insert(name); }
  /// Names `value` `name` exactly, without making it unique: `value` stands
  /// for a file-scope declaration (reserved with reserveGlobalName).
  void setName(mlir::Value value, llvm::StringRef name) {
    names[value] = name.str();
  }

  /// Whether `value` (an integer) is known to be non-negative, so signed
  /// and unsigned operators agree on it.
  bool isNonNegative(mlir::Value value);

  /// The function being emitted.
  mlir::func::FuncOp getFunction() const { return currentFunction; }
  LanguageEmitter &getLanguage() { return language; }

  /// Literal for a constant attribute of type `type`.
  mlir::FailureOr<std::string> getLiteral(mlir::Attribute value,
                                          mlir::Type type, mlir::Location loc);

  /// Whether a memref function argument is written anywhere in the function.
  bool isWritten(mlir::Value memref);

  /// Math function `name` for `type` (through the language).
  std::string getMathFunction(llvm::StringRef name, mlir::Type type) {
    return language.getMathFunction(name, type);
  }

private:
  bool isExpressionOp(mlir::Operation &op);
  mlir::LogicalResult emitFunction(mlir::func::FuncOp func);
  mlir::LogicalResult emitOperation(mlir::Operation &op);
  mlir::LogicalResult emitStandardOp(mlir::Operation &op, bool &handled);
  std::optional<Expr> getStandardExpr(mlir::Operation &op);
  mlir::LogicalResult emitFor(mlir::Operation &op);
  mlir::LogicalResult emitWhile(mlir::Operation &op);
  /// Checks that `op` and the `depth - 1` loops nested in it can carry
  /// `#pragma omp parallel for collapse(depth)`.
  mlir::LogicalResult checkOmpLoopNest(mlir::Operation &op, int64_t depth);
  mlir::LogicalResult emitIf(mlir::Operation &op);
  mlir::LogicalResult emitAssignments(mlir::ValueRange targets,
                                      mlir::ValueRange values);
  mlir::LogicalResult declareUninitialized(mlir::Value value,
                                           llvm::StringRef hint);

  /// Decides, for every op of `func`, whether its result is inlined.
  void analyzeInlining(mlir::func::FuncOp func);
  bool readsVariable(mlir::Value value, llvm::StringRef variable);

  std::string uniqueName(llvm::StringRef base);

  llvm::raw_ostream &finalOutput;
  /// The output being written: the functions first, then the prelude that
  /// goes before them (it needs to know which typedefs they use).
  std::unique_ptr<mlir::raw_indented_ostream> out;
  LanguageEmitter &language;
  llvm::StringSet<> globalNames;
  std::map<std::string, std::string> vectorTypedefs;
  mlir::func::FuncOp currentFunction;

  llvm::DenseMap<mlir::Value, std::string> names;
  llvm::DenseMap<mlir::Value, Expr> inlined;
  llvm::DenseSet<mlir::Operation *> inlinable;
  /// Ops whose results only feed memref sizes (memref.dim and arithmetic
  /// on it): pointers in C carry no size, so they are not emitted.
  llvm::DenseSet<mlir::Operation *> sizeOnly;
  llvm::StringMap<unsigned> usedNames;
};

/// A C identifier made of `text` (other characters become `_`).
std::string sanitizeIdentifier(llvm::StringRef text);

/// Writes the `CHECK`-style macro that turns a failing host API call into
/// a message on stderr and exit status 1 (shared by the GPU launchers).
void emitCheckMacro(mlir::raw_indented_ostream &os, llvm::StringRef macro,
                    llvm::StringRef errorType, llvm::StringRef success,
                    llvm::StringRef getErrorString);

} // namespace xpiler::target

#endif // XPILER_LIB_TARGET_CEMITTER_H
