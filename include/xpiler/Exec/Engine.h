//===- Engine.h - JIT-compile a program and run it in a child ---*- C++ -*-===//
//
// A Program is one xpiler module lowered (Lowering.h) and JIT-compiled with
// MLIR's ExecutionEngine, with the signature of its entry function. Each
// run forks a child process after compilation: buffers live in shared
// memory, so the parent reads the outputs, and an out-of-bounds access, a
// division by zero, a fault, an abort or a hang in candidate code ends that
// run with a report instead of ending the tool.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_EXEC_ENGINE_H
#define XPILER_EXEC_ENGINE_H

#include "xpiler/Exec/Lowering.h"

#include "mlir/IR/AffineMap.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mlir {
namespace func {
class FuncOp;
} // namespace func
class ExecutionEngine;
} // namespace mlir

namespace xpiler::exec {

/// Element types the oracle can feed and compare.
enum class DType { I1, I8, I16, I32, I64, F16, BF16, F32, F64 };

llvm::StringRef getDTypeName(DType type);
size_t getDTypeBytes(DType type);
bool isFloatDType(DType type);

/// One parameter of the entry function.
struct EntryParam {
  std::string name; ///< source name, or "argN"
  bool isBuffer = false;
  DType dtype = DType::I32;
  /// Buffers: static element count, or (from `#xpl.buffer`) an affine map of
  /// the entry's arguments with one symbol per parameter.
  std::optional<int64_t> staticSize;
  std::optional<mlir::AffineMap> sizeMap;
  /// Buffers: `#xpl.buffer` direction; true when unknown.
  bool isInput = true;
  bool isOutput = true;
};

struct EntrySignature {
  std::string name;
  std::vector<EntryParam> params;
};

/// The value of one argument of a run: a buffer (bytes of `count` elements
/// of the parameter's dtype) or a scalar (its bits, sign-extended or as a
/// double for floats).
struct ArgValue {
  std::vector<uint8_t> bytes; ///< buffers
  int64_t count = 0;          ///< buffers: elements
  int64_t intValue = 0;       ///< integer scalars
  double floatValue = 0;      ///< float scalars
};

/// What one run produced.
struct RunResult {
  enum class Status { Ok, Trapped, Crashed, TimedOut, Failed };
  Status status = Status::Failed;
  /// Trapped/Crashed/TimedOut/Failed: what happened, with the op's location.
  std::string message;
  /// Ok (and Trapped: the state at the trap): every buffer after the run.
  std::vector<ArgValue> buffers;
};

struct RunOptions {
  /// Wall-clock limit of one run.
  double timeoutSeconds = 20;
};

class Program {
public:
  ~Program();

  /// Lowers a clone of `module` and JIT-compiles it; `entry` names the entry
  /// function (empty: the single `xpl.launcher`, or the single public
  /// function no other function calls). Errors are diagnostics already
  /// reported through the context, summarised in the returned error.
  static llvm::Expected<std::unique_ptr<Program>>
  compile(mlir::ModuleOp module, llvm::StringRef entry = "", int optLevel = 2);

  const EntrySignature &getSignature() const { return signature; }

  /// Runs the entry once on `args` (one per parameter) in a child process.
  RunResult run(const std::vector<ArgValue> &args,
                const RunOptions &options = {}) const;

private:
  Program() = default;
  EntrySignature signature;
  LocationTable locations;
  std::unique_ptr<mlir::ExecutionEngine> engine;
  void (*packedEntry)(void **) = nullptr;
};

/// Finds the entry function of `module` (see Program::compile).
llvm::Expected<mlir::func::FuncOp> findEntry(mlir::ModuleOp module,
                                             llvm::StringRef entry);

/// The signature of `fn` as the oracle sees it; an error names a parameter
/// of a type the oracle cannot feed.
llvm::Expected<EntrySignature> getEntrySignature(mlir::func::FuncOp fn);

} // namespace xpiler::exec

#endif // XPILER_EXEC_ENGINE_H
