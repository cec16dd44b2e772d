//===- BangOps.td - bang operations -------------------------*- tablegen -*-===//

#ifndef XPILER_DIALECT_BANG_BANGOPS_TD
#define XPILER_DIALECT_BANG_BANGOPS_TD

include "bang/BangDialect.td"

#endif // XPILER_DIALECT_BANG_BANGOPS_TD
