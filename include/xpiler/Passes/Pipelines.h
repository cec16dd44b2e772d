//===- Pipelines.h - translation pipelines ----------------------*- C++ -*-===//
//
// Every direction of translation is a pass pipeline registered under the name
// "<from>-to-<to>" (`xpiler-opt --cuda-to-hip`). The `xpiler` driver finds a
// direction's pipeline by that name, so a direction exists exactly when its
// pipeline is registered.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_PASSES_PIPELINES_H
#define XPILER_PASSES_PIPELINES_H

#include "xpiler/Support/Language.h"

#include <string>

namespace xpiler {

/// "cuda-to-hip" for (Cuda, Hip).
std::string getTranslationPipelineName(Language from, Language to);

/// Registers every translation pipeline, the identities `--X-to-X` included.
void registerTranslationPipelines();

/// `--cuda-to-hip` and `--hip-to-cuda` (CudaHipPipelines.cpp).
void registerCudaHipPipelines();

/// Registers `bang-to-vnni` (passes/BangToVnniPipeline.cpp).
void registerBangToVnniPipelines();

} // namespace xpiler

#endif // XPILER_PASSES_PIPELINES_H
