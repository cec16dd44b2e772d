//===- Importer.h - the Clang AST to MLIR importer (internal) ---*- C++ -*-===//
//
// One ModuleImporter per translation unit, one FunctionImporter per function
// body. Expressions and statements are emitted as an unstructured CFG (cf)
// over memref.alloca slots, exactly as C means them; `simplifyImportedModule`
// then promotes the slots to SSA values and lifts the CFG to scf.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_LIB_FRONTEND_IMPORTER_H
#define XPILER_LIB_FRONTEND_IMPORTER_H

#include "xpiler/Frontend/Import.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/GlobalDecl.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/TargetInfo.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <array>
#include <map>
#include <vector>

namespace clang {
class ASTContext;
class OMPExecutableDirective;
class SourceManager;
} // namespace clang

namespace xpiler {

mlir::Location getLocation(const clang::SourceManager &sm,
                           clang::SourceLocation loc,
                           mlir::MLIRContext *context);

/// Imports every function defined in the main file of `astContext`.
mlir::LogicalResult importTranslationUnit(clang::ASTContext &astContext,
                                          const ImportOptions &options,
                                          mlir::ModuleOp module);

/// Promotes slots to SSA values, lifts the CFG to scf and canonicalizes.
mlir::LogicalResult simplifyImportedModule(mlir::ModuleOp module);

/// The function whose calls mark, in the imported CFG, where a loop under
/// `#pragma omp parallel for` starts (its `kOmpMarkerAttrName` attribute
/// holds the clauses). A CFG has no loop op to carry an attribute; the call
/// (which no cleanup removes or moves) stands right before the loop's
/// header, and simplifyImportedModule moves its clauses onto the structured
/// loop with the same location as `xpl.omp_parallel_for`, then erases it.
inline constexpr llvm::StringLiteral kOmpMarkerName = "__xpl_omp_parallel_for";
inline constexpr llvm::StringLiteral kOmpMarkerAttrName = "omp_clauses";

/// Where a function runs: decides the memory space of its pointers.
enum class FunctionSide { Host, Kernel, Device };

/// A C pointer: a buffer and an element offset into it.
struct Pointer {
  mlir::Value base;   // memref; null until e.g. cudaMalloc defines it
  mlir::Value offset; // index
};

/// What an expression evaluates to.
struct ExprValue {
  enum class Kind { Scalar, Pointer, Dim3, None } kind = Kind::None;
  mlir::Value scalar;
  Pointer pointer;
  std::array<mlir::Value, 3> dim3; // index values
  static ExprValue ofScalar(mlir::Value v) {
    ExprValue r;
    r.kind = Kind::Scalar;
    r.scalar = v;
    return r;
  }
  static ExprValue ofPointer(Pointer p) {
    ExprValue r;
    r.kind = Kind::Pointer;
    r.pointer = p;
    return r;
  }
  static ExprValue ofDim3(std::array<mlir::Value, 3> d) {
    ExprValue r;
    r.kind = Kind::Dim3;
    r.dim3 = d;
    return r;
  }
};

/// Storage of a local variable or parameter.
struct Variable {
  enum class Kind { Scalar, Array, Pointer, Dim3, Stream } kind;
  mlir::Value slot;  // Scalar: memref<T>; Array: the array; Pointer: memref<index>;
                     // Stream: the stream value
                     // or null when the pointer is never reassigned
  mlir::Value base;  // Pointer: the buffer it points into
  std::array<mlir::Value, 3> dim3;
  mlir::Value offset; // Pointer without a slot: its fixed offset
  /// Pointer declared null (`T *p = nullptr;`) on the host: the op standing
  /// for the null device pointer (a 0-byte allocation), null otherwise.
  mlir::Operation *nullBase = nullptr;
  /// Pointer whose buffer differs by path (allocated conditionally): a
  /// memref<memref<...>> slot holding the buffer; `base` is then unused.
  mlir::Value baseSlot;
  /// Control-flow depth of the declaration: a buffer allocated at the same
  /// depth has no other path to account for.
  unsigned declDepth = 0;
};

/// An assignable location: one element of a memref, or one lane of a
/// vector stored there (`v[i]` on an `__attribute__((vector_size))` value).
struct LValue {
  mlir::Value memref;
  llvm::SmallVector<mlir::Value> indices;
  mlir::Value lane; // index; null when the element itself is assigned
};

class ModuleImporter;

class FunctionImporter {
public:
  /// Statements and expressions are imported recursively; deeper nesting is
  /// an error rather than a stack overflow.
  static constexpr unsigned kMaxNesting = 1000;

  FunctionImporter(ModuleImporter &module, const clang::FunctionDecl *decl,
                   FunctionSide side, mlir::func::FuncOp func = {});
  mlir::LogicalResult import();

  // Helpers the per-language builtin tables use.
  mlir::Location loc(const clang::Stmt *s);
  mlir::Location loc(const clang::Decl *d);
  mlir::OpBuilder &builder() { return b; }
  mlir::FailureOr<ExprValue> emitExpr(const clang::Expr *e);
  mlir::FailureOr<mlir::Value> emitScalar(const clang::Expr *e);
  mlir::FailureOr<mlir::Value> emitIndex(const clang::Expr *e);
  mlir::FailureOr<Pointer> emitPointer(const clang::Expr *e);
  mlir::FailureOr<mlir::Value> emitBuffer(const clang::Expr *e);
  /// The memref a pointer designates from its offset on (a subview when the
  /// offset is not 0); `c ? p : q` is a select of the two views.
  mlir::FailureOr<mlir::Value> emitView(const clang::Expr *e);
  mlir::FailureOr<mlir::Value> makeView(const Pointer &p,
                                        const clang::Expr *where);
  mlir::FailureOr<LValue> emitElementAddress(const clang::Expr *e);
  mlir::FailureOr<std::array<mlir::Value, 3>> emitDim3(const clang::Expr *e);
  /// The arguments of a kernel launch, checked against the kernel's
  /// parameters: buffers must come from `allocator` (cudaMalloc, ...).
  mlir::FailureOr<llvm::SmallVector<mlir::Value>>
  emitLaunchArguments(const clang::CUDAKernelCallExpr *e,
                      mlir::func::FuncOp kernel, llvm::StringRef allocator);
  /// A cudaStream_t / hipStream_t variable's value.
  mlir::FailureOr<mlir::Value> emitStream(const clang::Expr *e);
  mlir::Value toIndex(mlir::Value v, bool isUnsigned, mlir::Location l);
  mlir::Value castScalar(mlir::Value v, clang::QualType from,
                         clang::QualType to, mlir::Location l);
  mlir::Value constantIndex(int64_t v, mlir::Location l);
  mlir::InFlightDiagnostic error(const clang::Stmt *s);
  mlir::InFlightDiagnostic error(const clang::Decl *d);
  /// `loc(d)` named after the declaration (a NameLoc around the
  /// FileLineColLoc), for the values that hold a variable or parameter.
  mlir::Location namedLoc(const clang::NamedDecl *d);
  /// Defines pointer variable `var` as buffer `buffer` at offset 0 (an
  /// allocation): fixed for good outside control flow, through a slot of
  /// buffers when `var` was declared null and is allocated conditionally.
  mlir::LogicalResult definePointerBuffer(const clang::ValueDecl *var,
                                          mlir::Value buffer,
                                          const clang::Stmt *s);
  Variable *lookup(const clang::ValueDecl *d);
  void defineVariable(const clang::ValueDecl *d, Variable v) {
    v.declDepth = controlDepth;
    vars[d] = v;
  }
  FunctionSide getSide() const { return side; }
  /// Whether code being emitted runs conditionally or repeatedly (inside an
  /// if, a loop or a short-circuit operand): buffers must not be defined
  /// there, since later code would not be dominated by them.
  bool isInControlFlow() const { return controlDepth != 0; }
  ModuleImporter &getModule() { return module; }
  mlir::Type convertType(clang::QualType t, const clang::Stmt *where);

private:
  // Statements.
  mlir::LogicalResult emitStmt(const clang::Stmt *s);
  mlir::LogicalResult emitDecl(const clang::VarDecl *v);
  mlir::LogicalResult emitIf(const clang::IfStmt *s);
  mlir::LogicalResult emitLoop(const clang::Stmt *init, const clang::Expr *cond,
                               const clang::Expr *inc, const clang::Stmt *body,
                               bool testFirst, const clang::Stmt *where);
  mlir::LogicalResult emitReturn(const clang::ReturnStmt *s);
  mlir::LogicalResult emitOmpDirective(const clang::OMPExecutableDirective *d);
  mlir::LogicalResult emitBranchCondition(const clang::Expr *cond,
                                          mlir::Block *trueBlock,
                                          mlir::Block *falseBlock);
  mlir::LogicalResult emitArrayInit(const clang::VarDecl *v, mlir::Value array);

  // Expressions.
  mlir::FailureOr<ExprValue> emitCast(const clang::CastExpr *e);
  mlir::FailureOr<ExprValue> emitBinary(const clang::BinaryOperator *e);
  mlir::FailureOr<ExprValue> emitUnary(const clang::UnaryOperator *e);
  mlir::FailureOr<ExprValue> emitLogical(const clang::BinaryOperator *e);
  mlir::FailureOr<ExprValue>
  emitConditional(const clang::AbstractConditionalOperator *e);
  mlir::FailureOr<ExprValue> emitAssign(const clang::BinaryOperator *e);
  mlir::FailureOr<ExprValue> emitDeclRef(const clang::DeclRefExpr *e);
  mlir::FailureOr<ExprValue> emitMember(const clang::MemberExpr *e);
  mlir::FailureOr<ExprValue> emitCall(const clang::CallExpr *e);
  mlir::FailureOr<ExprValue> emitConstant(const clang::Expr *e);
  mlir::FailureOr<mlir::Value> emitArith(clang::BinaryOperatorKind op,
                                         mlir::Value lhs, mlir::Value rhs,
                                         clang::QualType type,
                                         mlir::Location l);
  mlir::FailureOr<ExprValue> emitPointerArith(clang::BinaryOperatorKind op,
                                              const clang::Expr *ptr,
                                              const clang::Expr *amount,
                                              mlir::Location l);
  mlir::LogicalResult store(const LValue &lv, mlir::Value v, mlir::Location l);
  mlir::Value load(const LValue &lv, mlir::Location l);
  mlir::FailureOr<ExprValue> emitIncDec(const clang::UnaryOperator *e);
  mlir::FailureOr<ExprValue>
  emitPointerComparison(const clang::BinaryOperator *e);
  mlir::FailureOr<ExprValue> emitAddressOf(const clang::UnaryOperator *e);
  mlir::LogicalResult assignPointerVar(const clang::ValueDecl *var,
                                       const Pointer &p, const clang::Stmt *s);

  // Control flow.
  mlir::Block *newBlock();
  /// Slots of locals live in the entry block, ahead of its branch.
  void setInsertionPointToAllocas();
  void setBlock(mlir::Block *block);
  void branchTo(mlir::Block *dest, mlir::Location l);
  bool blockIsTerminated();

  ModuleImporter &module;
  const clang::FunctionDecl *decl;
  FunctionSide side;
  mlir::func::FuncOp target; // the function to fill (null: the default one)
  mlir::OpBuilder b;
  mlir::Region *body = nullptr;
  mlir::Block *allocaBlock = nullptr;
  mlir::Block *exitBlock = nullptr;
  llvm::DenseMap<const clang::ValueDecl *, Variable> vars;
  /// Pointer variables the body reassigns; the others keep the buffer and
  /// offset they were initialized with, so their offsets stay visible.
  llvm::DenseSet<const clang::ValueDecl *> mutatedPointers;
  struct LoopTargets {
    mlir::Block *breakTo, *continueTo;
  };
  llvm::SmallVector<LoopTargets> loops;
  /// The loop a `#pragma omp parallel for` applies to and its clauses
  /// (`xpl.omp_parallel_for`): emitLoop marks it (see kOmpMarkerName).
  const clang::Stmt *ompLoop = nullptr;
  mlir::DictionaryAttr ompClauses;
  /// The null buffers of null-declared pointers (Variable::nullBase), erased
  /// at the end when no allocation needed them.
  llvm::SmallVector<mlir::Operation *> nullBases;
  unsigned controlDepth = 0;
  unsigned nesting = 0;
  struct NestingGuard {
    unsigned &depth;
    explicit NestingGuard(unsigned &d) : depth(d) { ++depth; }
    ~NestingGuard() { --depth; }
  };
};

class ModuleImporter {
public:
  ModuleImporter(clang::ASTContext &ast, const ImportOptions &options,
                 mlir::ModuleOp module);
  mlir::LogicalResult importAll();

  clang::ASTContext &getAST() { return ast; }
  const ImportOptions &getOptions() { return options; }
  mlir::ModuleOp getModule() { return module; }
  mlir::MLIRContext *getContext() { return module.getContext(); }
  mlir::Location loc(clang::SourceLocation l);

  /// The MLIR type of a C type; pointers become memrefs in `space`.
  mlir::FailureOr<mlir::Type> convertType(clang::QualType t,
                                          mlir::Attribute space,
                                          clang::SourceLocation where);
  mlir::Attribute getGlobalSpace();
  mlir::Attribute getSharedSpace();
  FunctionSide getSide(const clang::FunctionDecl *f);
  /// The func.func a function becomes (declared on first use).
  mlir::FailureOr<mlir::func::FuncOp> getFunction(const clang::FunctionDecl *f);
  /// A device function specialized for pointer arguments in other memory
  /// spaces (e.g. a helper called on __shared__ and global buffers), like a
  /// template instantiated per call signature.
  mlir::FailureOr<mlir::func::FuncOp>
  getSpecializedFunction(const clang::FunctionDecl *f,
                         llvm::ArrayRef<mlir::Type> inputs);
  std::string getName(const clang::FunctionDecl *f);

private:
  clang::ASTContext &ast;
  const ImportOptions &options;
  mlir::ModuleOp module;
  llvm::DenseMap<const clang::FunctionDecl *, mlir::func::FuncOp> functions;
  std::map<std::pair<const clang::FunctionDecl *, std::vector<const void *>>,
           mlir::func::FuncOp>
      specializations;
  llvm::StringMap<unsigned> usedNames;
  llvm::StringSet<> takenNames;
};

/// Per-language builtins: returns std::nullopt when `callee` is not one of
/// the language's builtins, the result (or failure, already reported)
/// otherwise.
std::optional<mlir::FailureOr<ExprValue>>
emitSimtBuiltin(FunctionImporter &f, const clang::CallExpr *call,
                llvm::StringRef callee);
std::optional<mlir::FailureOr<ExprValue>>
emitMathBuiltin(FunctionImporter &f, const clang::CallExpr *call,
                llvm::StringRef callee);
mlir::FailureOr<ExprValue> emitKernelLaunch(FunctionImporter &f,
                                            const clang::CUDAKernelCallExpr *e);
/// C++/VNNI intrinsics (BuiltinsVnni.cpp) and BANG built-ins, CNRT calls
/// and `<<<dim, type, queue>>>` launches (BuiltinsBang.cpp).
std::optional<mlir::FailureOr<ExprValue>>
emitVnniBuiltin(FunctionImporter &f, const clang::CallExpr *call,
                llvm::StringRef callee);
std::optional<mlir::FailureOr<ExprValue>>
emitBangBuiltin(FunctionImporter &f, const clang::CallExpr *call,
                llvm::StringRef callee);
mlir::FailureOr<ExprValue>
emitBangKernelLaunch(FunctionImporter &f, const clang::CUDAKernelCallExpr *e);
/// The vnni dialect type of an intrinsic vector typedef (__m512i, __m512,
/// ...), or std::nullopt for other types.
std::optional<mlir::Type> convertVnniType(clang::QualType t,
                                          mlir::MLIRContext *context);
/// The `vnni.target_features` of a function (the AVX-512 features Clang
/// enables for it).
std::string getVnniTargetFeatures(clang::ASTContext &ast,
                                  const clang::FunctionDecl *fd);
/// `std::vector<T> v(n)` / `v(n, x)` in C++ with intrinsics: a heap buffer
/// (memref.alloc, filled); std::nullopt for other declarations.
std::optional<mlir::LogicalResult> emitVnniStdVector(FunctionImporter &f,
                                                     const clang::VarDecl *v);
/// Frees the std::vector buffers declared in block `c`, at its end.
void endVnniScope(FunctionImporter &f, const clang::CompoundStmt *c);
/// BANG's task indices (`taskId`, `coreDim`, ...) and file-scope on-chip
/// arrays referenced from a function; std::nullopt for other declarations.
std::optional<mlir::FailureOr<ExprValue>>
emitBangBuiltinVariable(FunctionImporter &f, const clang::DeclRefExpr *e);
/// The memory space of a BANG array declaration (`__nram__`, `__wram__`,
/// `__mlu_shared__`), or null for a plain local array.
mlir::Attribute getBangArraySpace(const clang::VarDecl *v,
                                  mlir::MLIRContext *context);

/// nvcuda::wmma (BuiltinsWmma.cpp): the fragment type, and the calls.
std::optional<mlir::Type> convertWmmaType(clang::QualType t,
                                          mlir::MLIRContext *context);
std::optional<mlir::FailureOr<ExprValue>>
emitWmmaBuiltin(FunctionImporter &f, const clang::CallExpr *call,
                llvm::StringRef callee);

/// `threadIdx.x` and friends; std::nullopt when `e` is not one.
std::optional<mlir::FailureOr<ExprValue>>
emitBuiltinVariable(FunctionImporter &f, const clang::MemberExpr *e);

} // namespace xpiler

#endif // XPILER_LIB_FRONTEND_IMPORTER_H
