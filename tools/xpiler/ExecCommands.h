//===- ExecCommands.h - `xpiler verify` and `xpiler run` --------*- C++ -*-===//

#ifndef XPILER_TOOLS_XPILER_EXECCOMMANDS_H
#define XPILER_TOOLS_XPILER_EXECCOMMANDS_H

#include "llvm/Support/CommandLine.h"

#include <string>

namespace xpiler::exec {
struct VerifyOptions;
struct VerifyReport;
} // namespace xpiler::exec

namespace xpiler {

extern llvm::cl::SubCommand verifyCommand;
extern llvm::cl::SubCommand runCommand;
/// `xpiler propose` (ProposeCommand.cpp).
extern llvm::cl::SubCommand proposeCommand;

/// Exit status 0/1/2: equivalent/different/could not run.
int runVerifyCommand();
/// Exit status 0: ran; 1: the program trapped or crashed; 2: could not run.
int runRunCommand();

/// Verification options from --arg/--range/--trials/--seed/--rtol/--atol/
/// --timeout (shared by `verify` and `xpiler FILE --to`); prints the error.
bool parseVerifyOptions(exec::VerifyOptions &options);
/// "equivalent (…)", "different: …" or "could not run: …".
std::string describeVerdict(const exec::VerifyReport &report);

} // namespace xpiler

#endif // XPILER_TOOLS_XPILER_EXECCOMMANDS_H
