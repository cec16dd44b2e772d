//===- TranslateCommand.h - `xpiler FILE --to LANG` -------------*- C++ -*-===//

#ifndef XPILER_TOOLS_XPILER_TRANSLATECOMMAND_H
#define XPILER_TOOLS_XPILER_TRANSLATECOMMAND_H

#include "xpiler/Frontend/Import.h"

#include <string>

namespace xpiler {

struct TranslateRequest {
  std::string inputFile;
  /// Import options; `language` is the source language.
  ImportOptions import;
  Language target = Language::Cuda;
  /// Target architecture (the pipeline's `arch` option); empty: default.
  std::string arch;
  std::string outputFile = "-";
  /// Check the output against the source with the oracle; without it the
  /// output says at its top that it is unverified.
  bool verify = true;
  /// Print the time each step took (stderr).
  bool printTimes = false;
};

/// Imports, runs the `<from>-to-<to>` pipeline, emits, and (by default)
/// proves the emitted source equivalent to the input with the oracle before
/// writing it. Exit status: 0 written (verified, or --no-verify); 1 not
/// equivalent, or an error in the input or the translation; 2 the
/// direction does not exist or the oracle could not run the programs.
int runTranslate(const TranslateRequest &request);

} // namespace xpiler

#endif // XPILER_TOOLS_XPILER_TRANSLATECOMMAND_H
