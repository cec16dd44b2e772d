//===- CudaOps.td - cuda operations -------------------------*- tablegen -*-===//

#ifndef XPILER_DIALECT_CUDA_CUDAOPS_TD
#define XPILER_DIALECT_CUDA_CUDAOPS_TD

include "cuda/CudaDialect.td"

#endif // XPILER_DIALECT_CUDA_CUDAOPS_TD
