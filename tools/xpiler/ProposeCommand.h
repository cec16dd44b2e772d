//===- ProposeCommand.h - `xpiler propose` ----------------------*- C++ -*-===//

#ifndef XPILER_TOOLS_XPILER_PROPOSECOMMAND_H
#define XPILER_TOOLS_XPILER_PROPOSECOMMAND_H

namespace xpiler {

/// Asks the LLM to perform one pass on a source file, imports each proposal
/// through the kernel-subset importer, verifies it against the source with
/// the oracle and writes the first equivalent one. Exit status 0: a proposal
/// was proven equivalent; 1: none was; 2: could not ask (no endpoint, an
/// offline cache miss, the endpoint failed) or could not run the oracle.
int runProposeCommand();

} // namespace xpiler

#endif // XPILER_TOOLS_XPILER_PROPOSECOMMAND_H
