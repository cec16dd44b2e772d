//===- HipDialect.td - hip dialect ------------------------*- tablegen -*-===//

#ifndef XPILER_DIALECT_HIP_HIPDIALECT_TD
#define XPILER_DIALECT_HIP_HIPDIALECT_TD

include "mlir/IR/OpBase.td"

def Hip_Dialect : Dialect {
  let name = "hip";
  let cppNamespace = "::xpiler::hip";
  let summary = "the HIP programming model";
  let description = [{
    TODO
  }];
}

class Hip_Op<string mnemonic, list<Trait> traits = []>
    : Op<Hip_Dialect, mnemonic, traits>;

#endif // XPILER_DIALECT_HIP_HIPDIALECT_TD
