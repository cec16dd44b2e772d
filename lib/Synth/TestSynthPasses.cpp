//===- TestSynthPasses.cpp - lit hooks for the synthesiser ----------------===//
//
// `xpiler-opt --test-synth-repair` repairs the function `proposal` of a
// module against the function `reference` and reports each change as a
// remark; `--test-synth-coverage` reports whether Z3 proves that
// `proposal`'s statements run exactly `reference`'s iterations, each once.
// Like upstream MLIR's test passes, they exist for tests only.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Synth/Repair.h"
#include "xpiler/Synth/TestPasses.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassRegistry.h"

using namespace mlir;

namespace {

/// Options shared by both test passes.
template <typename Derived>
struct SynthTestPass : public PassWrapper<Derived, OperationPass<ModuleOp>> {
  SynthTestPass() = default;
  SynthTestPass(const SynthTestPass &other) : PassWrapper<Derived, OperationPass<ModuleOp>>(other) {}

  Pass::Option<std::string> referenceName{
      *this, "reference", llvm::cl::desc("the reference function"),
      llvm::cl::init("reference")};
  Pass::Option<std::string> proposalName{
      *this, "proposal", llvm::cl::desc("the function to repair or check"),
      llvm::cl::init("proposal")};
  Pass::Option<unsigned> maxChanges{
      *this, "max-changes", llvm::cl::desc("most constants/terms changed"),
      llvm::cl::init(2)};
  Pass::Option<int64_t> maxParam{
      *this, "max-param",
      llvm::cl::desc("integer parameters range over [1, max-param]"),
      llvm::cl::init(256)};
  Pass::ListOption<unsigned> buffers{
      *this, "buffers",
      llvm::cl::desc("argument numbers of the buffers to localise to")};

  /// The two functions, or failure after an error.
  LogicalResult lookup(func::FuncOp &reference, func::FuncOp &proposal) {
    ModuleOp module = this->getOperation();
    reference = module.lookupSymbol<func::FuncOp>(referenceName);
    proposal = module.lookupSymbol<func::FuncOp>(proposalName);
    if (!reference || !proposal)
      return module.emitError("expected functions @")
             << referenceName.getValue() << " and @" << proposalName.getValue();
    return success();
  }

  xpiler::synth::RepairOptions repairOptions() {
    xpiler::synth::RepairOptions options;
    options.maxChanges = maxChanges;
    options.maxParam = maxParam;
    options.buffers.assign(buffers.begin(), buffers.end());
    return options;
  }
};

struct TestSynthRepairPass : public SynthTestPass<TestSynthRepairPass> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(TestSynthRepairPass)
  StringRef getArgument() const final { return "test-synth-repair"; }
  StringRef getDescription() const final {
    return "repair @proposal's loop bounds and index arithmetic against "
           "@reference with Z3 (test hook)";
  }
  void runOnOperation() override {
    func::FuncOp reference, proposal;
    if (failed(lookup(reference, proposal)))
      return signalPassFailure();
    llvm::Expected<xpiler::synth::RepairResult> result =
        xpiler::synth::repairAccesses(reference, proposal, repairOptions());
    if (!result) {
      proposal.emitError("no repair: ") << llvm::toString(result.takeError());
      return signalPassFailure();
    }
    for (const xpiler::synth::RepairChange &change : result->changes)
      emitRemark(change.loc) << "repaired: " << change.description;
    proposal.emitRemark() << "repaired after " << result->iterations
                          << " candidate(s); every iteration runs once: "
                          << (result->exactlyOnce ? "proven" : "not proven")
                          << (result->provenForAllParameters
                                  ? " (every parameter value in range)"
                                  : " (on the parameter grid)");
  }
};

struct TestSynthCoveragePass : public SynthTestPass<TestSynthCoveragePass> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(TestSynthCoveragePass)
  StringRef getArgument() const final { return "test-synth-coverage"; }
  StringRef getDescription() const final {
    return "prove with Z3 that @proposal runs @reference's iterations "
           "exactly once (test hook)";
  }
  void runOnOperation() override {
    func::FuncOp reference, proposal;
    if (failed(lookup(reference, proposal)))
      return signalPassFailure();
    llvm::Expected<bool> same =
        xpiler::synth::provesSameCoverage(reference, proposal, repairOptions());
    if (!same) {
      proposal.emitError("undecided: ") << llvm::toString(same.takeError());
      return signalPassFailure();
    }
    proposal.emitRemark() << (*same ? "covers every iteration exactly once"
                                    : "does not cover the same iterations "
                                      "exactly once");
  }
};

} // namespace

void xpiler::synth::registerTestSynthPasses() {
  PassRegistration<TestSynthRepairPass>();
  PassRegistration<TestSynthCoveragePass>();
}
