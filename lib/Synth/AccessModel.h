//===- AccessModel.h - statements as Z3 formulas ----------------*- C++ -*-===//
//
// Encodes the iteration domain and access tuple of a store (see Repair.h)
// into Z3 integer arithmetic, optionally with holes: uses of integer
// constants and of loop variables or parameters whose value Z3 may choose.
// Private to lib/Synth.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_LIB_SYNTH_ACCESSMODEL_H
#define XPILER_LIB_SYNTH_ACCESSMODEL_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Error.h"

#include <z3++.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace xpiler::synth {

/// One use Z3 may change: an integer constant (the value is the hole), or a
/// loop variable / parameter (the hole selects one of `candidates`).
struct Hole {
  mlir::OpOperand *use;
  bool selector;
  /// The constant, or the index of the original value in `candidates`.
  int64_t original;
  std::vector<mlir::Value> candidates;
};

/// The holes of one proposal, numbered in discovery order.
struct HoleTable {
  std::vector<Hole> holes;
  llvm::DenseMap<mlir::OpOperand *, unsigned> byUse;
};

/// The stores to buffer arguments of `func`, per argument number, in walk
/// order.
std::map<unsigned, std::vector<mlir::memref::StoreOp>>
collectStatements(mlir::func::FuncOp func);

/// What a statement means: `domain` holds exactly for the iteration vectors
/// that run it, and `tuple` is its access tuple there.
struct StatementFormula {
  z3::expr domain;
  std::vector<z3::expr> tuple;
  /// The loop variables, outermost first (free in domain and tuple).
  std::vector<z3::expr> ivs;
};

/// Encodes statements of one function. Parameters are given expressions
/// (variables or numerals); loop variables are fresh constants named with
/// `prefix`. With a hole table, uses of constants and of loop variables or
/// parameters become holes: when `holeValues` is null, as the Z3 variables
/// `holeVars` (extended as holes are discovered), else as those fixed
/// values.
class AccessEncoder {
public:
  AccessEncoder(z3::context &ctx, mlir::func::FuncOp func,
                std::vector<std::optional<z3::expr>> params, std::string prefix,
                HoleTable *holes = nullptr, bool discoverHoles = false,
                std::vector<z3::expr> *holeVars = nullptr,
                const std::vector<int64_t> *holeValues = nullptr);

  llvm::Expected<StatementFormula> encode(mlir::memref::StoreOp store);

private:
  llvm::Expected<z3::expr> value(mlir::Value v);
  llvm::Expected<z3::expr> operand(mlir::OpOperand &use, bool access);
  llvm::Expected<z3::expr> opResult(mlir::OpResult result);
  llvm::Expected<z3::expr> holeExpr(unsigned index);
  llvm::Error collectLoads(mlir::Value v, std::vector<mlir::memref::LoadOp> &loads,
                           llvm::DenseSet<mlir::Operation *> &seen);
  std::optional<unsigned> findOrCreateHole(mlir::OpOperand &use, bool access);

  z3::context &ctx;
  mlir::func::FuncOp func;
  std::vector<std::optional<z3::expr>> params;
  std::string prefix;
  HoleTable *holes;
  bool discoverHoles;
  std::vector<z3::expr> *holeVars;
  const std::vector<int64_t> *holeValues;
  llvm::DenseMap<mlir::Value, unsigned> memo;
  std::vector<z3::expr> exprs;
  std::vector<z3::expr> ivs;
  unsigned nextIv = 0;
  /// Whether the value being encoded computes a load or store index (only
  /// there may a loop variable or parameter be replaced by another).
  bool inAccess = false;
};

/// A location and op name for messages: "operand 1 of arith.subi".
std::string describeUse(mlir::OpOperand &use);

} // namespace xpiler::synth

#endif // XPILER_LIB_SYNTH_ACCESSMODEL_H
