//===- HipOps.td - hip operations -------------------------*- tablegen -*-===//

#ifndef XPILER_DIALECT_HIP_HIPOPS_TD
#define XPILER_DIALECT_HIP_HIPOPS_TD

include "hip/HipDialect.td"

#endif // XPILER_DIALECT_HIP_HIPOPS_TD
