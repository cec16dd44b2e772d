//===- Dependence.h - memory dependences in scf.for nests -------*- C++ -*-===//
//
// A dependence analysis for the core form (scf.for loops, memref loads and
// stores, integer index arithmetic). Subscripts are read as polynomials of
// loop induction variables and loop-invariant values; the dependence
// question for a pair of accesses is an integer feasibility problem that
// MLIR's Presburger library (mlir/Analysis/Presburger) answers exactly.
// Whatever cannot be described is assumed dependent.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_ANALYSIS_DEPENDENCE_H
#define XPILER_ANALYSIS_DEPENDENCE_H

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Operation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <map>
#include <optional>
#include <string>

namespace xpiler {

/// A polynomial with integer coefficients over "atoms": loop induction
/// variables and loop-invariant values. A monomial is the sorted list of its
/// atom ids; the empty monomial is the constant term.
class IndexPoly {
public:
  using Monomial = llvm::SmallVector<unsigned, 2>;

  static IndexPoly getConstant(int64_t value);
  static IndexPoly getAtom(unsigned id);

  /// `this + scale * other`; nullopt on overflow.
  std::optional<IndexPoly> add(const IndexPoly &other, int64_t scale = 1) const;
  /// `this * other`; nullopt on overflow.
  std::optional<IndexPoly> mul(const IndexPoly &other) const;

  /// The constant value when the polynomial has no atom.
  std::optional<int64_t> getConstantValue() const;
  bool operator==(const IndexPoly &other) const { return terms == other.terms; }

  /// Terms with non-zero coefficients, ordered by monomial.
  std::map<Monomial, int64_t> terms;
};

/// One memory access of the analysed scope.
struct MemoryAccess {
  mlir::Operation *op = nullptr;
  /// The memref accessed and its root (through view-like ops).
  mlir::Value memref, root;
  bool isWrite = false;
  /// False when the subscripts are unknown (an op other than memref.load/
  /// store, or an index the analysis cannot read as a polynomial).
  bool known = false;
  llvm::SmallVector<IndexPoly> indices;
  /// The scf.for loops of the scope enclosing the access, outermost first.
  llvm::SmallVector<mlir::scf::ForOp> loops;
};

/// The relation of the source's and the sink's induction variables at one
/// loop level.
enum class Direction { Lt, Eq, Gt };
using DirectionVector = llvm::SmallVector<Direction, 4>;

/// Renders a direction vector as `(<, =, >)`.
std::string toString(llvm::ArrayRef<Direction> directions);

/// A dependence of `sink` on `source` (at least one of them writes the same
/// element), with the direction of each loop level of a band.
struct Dependence {
  const MemoryAccess *source = nullptr, *sink = nullptr;
  DirectionVector directions;
  /// False when the pair was assumed dependent (unknown subscripts/aliasing).
  bool exact = true;
};

/// Memory accesses of a scope (a list of operations and everything nested in
/// them) and the dependence tests between them. Values defined outside the
/// scope, and pure operations computed from them only, are symbols that keep
/// one value throughout the scope. Distinct function arguments and distinct
/// allocations are assumed not to alias (kernel buffers are `__restrict__`
/// in all but name); views of one root are compared only when they are the
/// same value.
class DependenceAnalysis {
public:
  explicit DependenceAnalysis(llvm::ArrayRef<mlir::Operation *> scope);

  /// The accesses of the scope, in program (pre-)order.
  llvm::ArrayRef<MemoryAccess> getAccesses() const { return accesses; }
  /// The accesses nested in `op` (or `op` itself).
  llvm::SmallVector<const MemoryAccess *>
  getAccessesIn(mlir::Operation *op) const;

  /// The first operation of the scope whose memory effects are unknown (a
  /// call, an op without an effect interface), or null.
  mlir::Operation *getUnknownEffectOp() const { return unknownOp; }

  /// The direction vectors for which `a` (source instance) and `b` (sink
  /// instance) may touch the same element. `levels[k]` pairs a loop
  /// enclosing `a` with a loop enclosing `b` (the same loop for a common
  /// loop; two loops for a fusion candidate); entry k of a vector relates
  /// their induction variables (`Lt`: a's is smaller). Enclosing loops not
  /// named in `levels` are free. Pairs that cannot conflict (two reads,
  /// different buffers) give no vector; unknown pairs give every vector and
  /// clear `exact` when it is given.
  llvm::SmallVector<DirectionVector> getDirections(
      const MemoryAccess &a, const MemoryAccess &b,
      llvm::ArrayRef<std::pair<mlir::scf::ForOp, mlir::scf::ForOp>> levels,
      bool *exact = nullptr);

  /// The dependences between accesses nested in the perfect band `band`
  /// (outermost first), oriented from the earlier instance to the later one,
  /// so every vector is lexicographically non-negative. Loop-independent
  /// dependences (all `=`) are included.
  llvm::SmallVector<Dependence>
  getBandDependences(llvm::ArrayRef<mlir::scf::ForOp> band);

  /// `value` as a polynomial of the scope's atoms, or nullopt.
  std::optional<IndexPoly> getPoly(mlir::Value value);

  /// Whether `value` is invariant in the scope (defined outside it, or a
  /// pure computation of such values).
  bool isInvariant(mlir::Value value);

private:
  bool inScope(mlir::Operation *op) const;
  unsigned getAtomId(mlir::Value value);
  void collect(mlir::Operation *op);

  llvm::SmallVector<mlir::Operation *> scope;
  llvm::SmallVector<MemoryAccess> accesses;
  mlir::Operation *unknownOp = nullptr;
  llvm::SmallVector<mlir::Value> atoms;
  llvm::DenseMap<mlir::Value, unsigned> atomIds;
  llvm::DenseMap<mlir::Value, std::optional<IndexPoly>> polyCache;
  llvm::DenseMap<mlir::Value, bool> invariantCache;

  friend class DependenceSystem;
};

} // namespace xpiler

#endif // XPILER_ANALYSIS_DEPENDENCE_H
