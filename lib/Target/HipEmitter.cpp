//===- HipEmitter.cpp - the hip dialect as source ----------------------===//

#include "LanguageEmitters.h"

/// Not written yet: exportSource reports that emitting this language is not
/// implemented.
std::unique_ptr<xpiler::target::LanguageEmitter>
xpiler::target::createHipEmitter() {
  return nullptr;
}
