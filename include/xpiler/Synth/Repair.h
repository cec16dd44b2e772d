//===- Repair.h - Z3 repair of index arithmetic and loop bounds -*- C++ -*-===//
//
// Symbolic repair of an almost-right proposal. Each statement (a store to a
// buffer argument) is modelled by its iteration domain (the bounds and steps
// of the enclosing loops, the conditions of the enclosing ifs) and its
// access tuple (the store's indices, then the indices of the loads its
// value reads). A proposal agrees with the reference when, for every value
// of the integer parameters in range, each statement produces the same set
// of access tuples as the matching reference statement. Z3 finds the
// fewest changes to the proposal's integer constants and index terms (a
// use of a loop variable or parameter, which may become another one in
// scope) that make every set agree, counterexample-guided: a candidate is
// checked over the whole domain and each disagreement becomes a constraint.
// The result only says that the accesses agree; callers re-verify the
// repaired code with the oracle.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_SYNTH_REPAIR_H
#define XPILER_SYNTH_REPAIR_H

#include "mlir/IR/Location.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace mlir::func {
class FuncOp;
} // namespace mlir::func

namespace xpiler::synth {

struct RepairOptions {
  /// Every integer parameter ranges over [minParam, maxParam] in the checks.
  int64_t minParam = 1, maxParam = 256;
  /// Give up beyond this many changed constants and terms.
  unsigned maxChanges = 2;
  /// Candidates Z3 may propose in all.
  unsigned maxIterations = 64;
  /// Per Z3 query: Z3's deterministic resource limit (a symbolic check over
  /// all parameters gets a tenth of it before falling back to the grid) and
  /// a wall-clock safety net in milliseconds.
  unsigned resourceLimit = 200000000;
  unsigned timeoutMs = 120000;
  /// The argument numbers of the buffers to localise to (the buffer the
  /// oracle reported first); empty: every buffer the functions write.
  std::vector<unsigned> buffers;
};

struct RepairChange {
  mlir::Location loc;
  /// E.g. "constant 1 -> 0 in operand 1 of arith.subi".
  std::string description;
};

struct RepairResult {
  std::vector<RepairChange> changes;
  /// Candidates Z3 proposed before one agreed everywhere.
  unsigned iterations = 0;
  /// Z3 proved that every repaired statement runs each of its reference
  /// iterations exactly once (checked when the reference's are distinct).
  bool exactlyOnce = false;
  /// Whether every check covered all parameter values in range; false when
  /// non-linear index arithmetic made some check fall back to a grid of 8
  /// values per parameter (at most 256 points).
  bool provenForAllParameters = false;
};

/// Whether `func` stores to any of its buffer arguments (has statements to
/// repair or compare).
bool writesBuffers(mlir::func::FuncOp func);

/// Repairs `proposal` in place so that its statements' domains and access
/// tuples agree with `reference`'s. Both functions must have the same
/// parameters and only scf.for/scf.if control flow (run
/// xpl-normalize-loops first). An error says why no repair was found (the
/// accesses already agree, a construct Z3 cannot model, no repair within
/// maxChanges); `proposal` is then unchanged.
llvm::Expected<RepairResult> repairAccesses(mlir::func::FuncOp reference,
                                            mlir::func::FuncOp proposal,
                                            const RepairOptions &options = {});

/// Whether `proposal`'s statements cover exactly the iterations of
/// `reference`'s, each exactly once (e.g. a split or a binding): true or
/// false as proven by Z3, an error when it cannot be decided.
llvm::Expected<bool> provesSameCoverage(mlir::func::FuncOp reference,
                                        mlir::func::FuncOp proposal,
                                        const RepairOptions &options = {});

} // namespace xpiler::synth

#endif // XPILER_SYNTH_REPAIR_H
