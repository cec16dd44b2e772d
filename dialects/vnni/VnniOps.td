//===- VnniOps.td - vnni operations -------------------------*- tablegen -*-===//

#ifndef XPILER_DIALECT_VNNI_VNNIOPS_TD
#define XPILER_DIALECT_VNNI_VNNIOPS_TD

include "vnni/VnniDialect.td"

#endif // XPILER_DIALECT_VNNI_VNNIOPS_TD
