//===- HipTypes.td - hip types -----------------------------*- tablegen -*-===//

#ifndef XPILER_DIALECT_HIP_HIPTYPES_TD
#define XPILER_DIALECT_HIP_HIPTYPES_TD

include "hip/HipDialect.td"
include "mlir/IR/AttrTypeBase.td"

class Hip_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<Hip_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

def Hip_StreamType : Hip_Type<"Stream", "stream"> {
  let summary = "a hipStream_t";
  let description = [{
    An opaque handle to a HIP stream, created by `hip.stream_create`. The
    null (default) stream has no value: ops that take a stream leave it out.

    ```mlir
    %s = hip.stream_create : !hip.stream
    ```
  }];
}

#endif // XPILER_DIALECT_HIP_HIPTYPES_TD
