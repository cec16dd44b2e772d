//===- Verify.cpp - run two programs on the same inputs and compare -------===//

#include "xpiler/Exec/Verify.h"

#include "llvm/Support/FormatVariadic.h"

#include <cmath>
#include <cstdio>

using namespace xpiler::exec;

/// %g with enough digits to tell float values apart.
static std::string num(double v) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.9g", v);
  return text;
}

/// Default tolerances per dtype: a few units in the last place of the
/// element type, for reductions summed in another order.
static std::pair<double, double> defaultTolerance(DType dtype) {
  switch (dtype) {
  case DType::F64:
    return {1e-9, 1e-12};
  case DType::F32:
    return {1e-4, 1e-5};
  case DType::F16:
    return {1e-2, 1e-3};
  case DType::BF16:
    return {4e-2, 1e-2};
  default:
    return {0, 0};
  }
}

static std::string formatValue(double v, DType dtype) {
  if (!isFloatDType(dtype))
    return std::to_string((int64_t)v);
  return num(v);
}

namespace {
struct Comparison {
  bool equal = true;
  std::string message;
};
} // namespace

/// Compares buffer `i` of two runs; fills the first mismatch.
static Comparison compareBuffer(const EntryParam &param, const ArgValue &want,
                                const ArgValue &got, double rtol, double atol,
                                VerifyReport &report) {
  Comparison result;
  if (want.count != got.count) {
    result.equal = false;
    result.message = llvm::formatv("buffer '{0}': {1} elements, expected {2}",
                                   param.name, got.count, want.count);
    return result;
  }
  bool isFloat = isFloatDType(param.dtype);
  double scale = 0;
  if (isFloat)
    for (int64_t e = 0; e < want.count; ++e) {
      double a = readElement(want, param.dtype, e);
      if (std::isfinite(a))
        scale = std::max(scale, std::fabs(a));
    }
  int64_t mismatches = 0, first = -1;
  double firstWant = 0, firstGot = 0;
  for (int64_t e = 0; e < want.count; ++e) {
    double a = readElement(want, param.dtype, e);
    double b = readElement(got, param.dtype, e);
    bool ok;
    if (!isFloat) {
      ok = a == b;
    } else if (std::isnan(a) || std::isnan(b)) {
      ok = std::isnan(a) && std::isnan(b);
    } else if (std::isinf(a) || std::isinf(b)) {
      ok = a == b;
    } else {
      double diff = std::fabs(a - b);
      // Elements near zero (sums that cancel) are judged against the size
      // of the buffer's values.
      double allowed = atol + rtol * std::max(std::fabs(a), scale / 100);
      ok = diff <= allowed;
      report.maxAbsError = std::max(report.maxAbsError, diff);
      if (a != 0)
        report.maxRelError = std::max(report.maxRelError, diff / std::fabs(a));
    }
    ++report.elementsCompared;
    if (ok)
      continue;
    if (mismatches++ == 0) {
      first = e;
      firstWant = a;
      firstGot = b;
    }
  }
  if (mismatches) {
    result.equal = false;
    result.message = llvm::formatv(
        "buffer '{0}' index {1}: expected {2}, got {3} ({4} of {5} elements "
        "differ)",
        param.name, first, formatValue(firstWant, param.dtype),
        formatValue(firstGot, param.dtype), mismatches, want.count);
  }
  return result;
}

VerifyReport xpiler::exec::verifyEquivalent(const Program &reference,
                                            const Program &candidate,
                                            const VerifyOptions &options) {
  VerifyReport report;
  const EntrySignature &sigA = reference.getSignature();
  const EntrySignature &sigB = candidate.getSignature();
  if (sigA.params.size() != sigB.params.size()) {
    report.message = llvm::formatv("the entry signatures differ: '{0}' has {1} "
                                   "parameters, '{2}' has {3}",
                                   sigA.name, sigA.params.size(), sigB.name,
                                   sigB.params.size());
    return report;
  }
  for (auto [a, b] : llvm::zip(sigA.params, sigB.params))
    if (a.isBuffer != b.isBuffer || a.dtype != b.dtype) {
      report.message = llvm::formatv(
          "the entry signatures differ at parameter '{0}': {1}{2} vs {3}{4}",
          a.name, getDTypeName(a.dtype), a.isBuffer ? "*" : "",
          getDTypeName(b.dtype), b.isBuffer ? "*" : "");
      return report;
    }

  for (unsigned trial = 0; trial < options.trials; ++trial) {
    llvm::Expected<std::vector<ArgValue>> args = makeInputs(
        sigA, options.inputs, trial, trial == 0 ? &report.notes : nullptr);
    if (!args) {
      report.message = llvm::toString(args.takeError());
      return report;
    }
    RunResult want = reference.run(*args, options.run);
    if (want.status != RunResult::Status::Ok) {
      report.verdict = VerifyReport::Verdict::CouldNotRun;
      report.message = llvm::formatv(
          "trial {0}: the reference did not run: {1}", trial, want.message);
      return report;
    }
    RunResult got = candidate.run(*args, options.run);
    ++report.trials;
    if (got.status != RunResult::Status::Ok) {
      report.verdict = VerifyReport::Verdict::Different;
      report.message = llvm::formatv(
          "trial {0}: the candidate {1}: {2}", trial,
          got.status == RunResult::Status::Trapped ? "trapped" : "failed",
          got.message);
      return report;
    }
    for (auto [i, param] : llvm::enumerate(sigA.params)) {
      if (!param.isBuffer)
        continue;
      auto [rtol, atol] = defaultTolerance(param.dtype);
      if (options.rtol)
        rtol = *options.rtol;
      if (options.atol)
        atol = *options.atol;
      Comparison c = compareBuffer(param, want.buffers[i], got.buffers[i], rtol,
                                   atol, report);
      if (!c.equal) {
        report.verdict = VerifyReport::Verdict::Different;
        report.message = llvm::formatv("trial {0}: {1}", trial, c.message);
        return report;
      }
    }
  }
  report.verdict = VerifyReport::Verdict::Equivalent;
  return report;
}

VerifyReport xpiler::exec::verifyEquivalent(mlir::ModuleOp reference,
                                            mlir::ModuleOp candidate,
                                            const VerifyOptions &options,
                                            llvm::StringRef referenceEntry,
                                            llvm::StringRef candidateEntry) {
  VerifyReport report;
  auto a = Program::compile(reference, referenceEntry);
  if (!a) {
    report.message = "the reference: " + llvm::toString(a.takeError());
    return report;
  }
  auto b = Program::compile(candidate, candidateEntry);
  if (!b) {
    report.message = "the candidate: " + llvm::toString(b.takeError());
    return report;
  }
  return verifyEquivalent(**a, **b, options);
}
