//===- EmbeddedHeaders.h - headers compiled into the importer ---*- C++ -*-===//

#ifndef XPILER_LIB_FRONTEND_EMBEDDEDHEADERS_H
#define XPILER_LIB_FRONTEND_EMBEDDEDHEADERS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace xpiler {
struct EmbeddedHeader {
  llvm::StringRef path;     // relative to the shipped include root
  llvm::StringRef contents;
};
/// The headers under lib/Frontend/headers/, so that the importer needs no
/// files at run time.
llvm::ArrayRef<EmbeddedHeader> getEmbeddedHeaders();
} // namespace xpiler

#endif // XPILER_LIB_FRONTEND_EMBEDDEDHEADERS_H
