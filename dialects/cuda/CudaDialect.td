//===- CudaDialect.td - cuda dialect ------------------------*- tablegen -*-===//

#ifndef XPILER_DIALECT_CUDA_CUDADIALECT_TD
#define XPILER_DIALECT_CUDA_CUDADIALECT_TD

include "mlir/IR/OpBase.td"

def Cuda_Dialect : Dialect {
  let name = "cuda";
  let cppNamespace = "::xpiler::cuda";
  let summary = "the CUDA C programming model";
  let description = [{
    TODO
  }];
}

class Cuda_Op<string mnemonic, list<Trait> traits = []>
    : Op<Cuda_Dialect, mnemonic, traits>;

#endif // XPILER_DIALECT_CUDA_CUDADIALECT_TD
