//===- Verify.h - differential testing of two programs ----------*- C++ -*-===//
//
// `verifyEquivalent` runs a reference and a candidate program (same entry
// signature) on the same random inputs over several trials and compares
// every buffer: exactly for integers, with a dtype-aware tolerance for
// floats. Programs are compiled once and reused across trials, so passes
// and the translation loop can call it in-process.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_EXEC_VERIFY_H
#define XPILER_EXEC_VERIFY_H

#include "xpiler/Exec/Engine.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace xpiler::exec {

/// How the inputs of a run are chosen.
struct InputOptions {
  /// `name=value` for scalars; for buffers, the element count as an integer
  /// expression of the scalars (`M*K`). Names are the source's parameter
  /// names or `argN`.
  std::map<std::string, std::string> args;
  /// Value ranges [lo, hi) of buffers' random elements, by name.
  std::map<std::string, std::pair<double, double>> ranges;
  /// Buffer contents from files (`xpiler run --input`), by name.
  std::map<std::string, ArgValue> contents;
  uint64_t seed = 1;
};

/// The arguments of trial `trial`: scalars from `options.args` (integers
/// default to 64, floats to 0.75), buffer sizes from `options.args`, the
/// launch description (`#xpl.buffer`) or a static shape, elements random
/// (a different value profile per trial: small, with zeros, wide
/// magnitudes, positive) and output-only buffers filled with 0xff bytes.
/// `notes` receives one line per default that was used.
llvm::Expected<std::vector<ArgValue>>
makeInputs(const EntrySignature &signature, const InputOptions &options,
           unsigned trial, std::vector<std::string> *notes = nullptr);

/// Reads the element `index` of a buffer of `dtype` as a double.
double readElement(const ArgValue &buffer, DType dtype, int64_t index);

struct VerifyOptions {
  InputOptions inputs;
  unsigned trials = 4;
  /// Overrides of the dtype's default tolerances.
  std::optional<double> rtol, atol;
  RunOptions run;
};

struct VerifyReport {
  enum class Verdict { Equivalent, Different, CouldNotRun };
  Verdict verdict = Verdict::CouldNotRun;
  /// Different: the first mismatch (buffer, index, expected, actual) or the
  /// candidate's trap; CouldNotRun: why.
  std::string message;
  /// Over every compared float element (finite pairs).
  double maxAbsError = 0, maxRelError = 0;
  unsigned trials = 0;
  int64_t elementsCompared = 0;
  /// Defaults the inputs used (scalars not given, ...).
  std::vector<std::string> notes;
};

/// Runs `reference` and `candidate` on the same inputs and compares them.
VerifyReport verifyEquivalent(const Program &reference,
                              const Program &candidate,
                              const VerifyOptions &options);

/// Compiles both modules (`entry` as in Program::compile) and compares them.
VerifyReport verifyEquivalent(mlir::ModuleOp reference,
                              mlir::ModuleOp candidate,
                              const VerifyOptions &options,
                              llvm::StringRef referenceEntry = "",
                              llvm::StringRef candidateEntry = "");

/// Writes/reads one buffer as a NumPy .npy file (bfloat16 as float32).
llvm::Error writeNpy(llvm::StringRef path, const ArgValue &buffer, DType dtype);
llvm::Expected<ArgValue> readNpy(llvm::StringRef path, DType dtype);

} // namespace xpiler::exec

#endif // XPILER_EXEC_VERIFY_H
