//===- TestPasses.h - lit hooks for the synthesiser -------------*- C++ -*-===//

#ifndef XPILER_SYNTH_TESTPASSES_H
#define XPILER_SYNTH_TESTPASSES_H

namespace xpiler::synth {
/// Registers --test-synth-repair and --test-synth-coverage (xpiler-opt).
void registerTestSynthPasses();
} // namespace xpiler::synth

#endif // XPILER_SYNTH_TESTPASSES_H
