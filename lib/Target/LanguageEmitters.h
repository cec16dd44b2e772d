//===- LanguageEmitters.h - one LanguageEmitter per language ----*- C++ -*-===//

#ifndef XPILER_LIB_TARGET_LANGUAGEEMITTERS_H
#define XPILER_LIB_TARGET_LANGUAGEEMITTERS_H

#include "CEmitter.h"

#include <memory>

namespace xpiler::target {

std::unique_ptr<LanguageEmitter> createCudaEmitter();
std::unique_ptr<LanguageEmitter> createHipEmitter();
std::unique_ptr<LanguageEmitter> createBangEmitter();
std::unique_ptr<LanguageEmitter> createVnniEmitter();

} // namespace xpiler::target

#endif // XPILER_LIB_TARGET_LANGUAGEEMITTERS_H
