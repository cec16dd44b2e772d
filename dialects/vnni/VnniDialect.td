//===- VnniDialect.td - vnni dialect ------------------------*- tablegen -*-===//

#ifndef XPILER_DIALECT_VNNI_VNNIDIALECT_TD
#define XPILER_DIALECT_VNNI_VNNIDIALECT_TD

include "mlir/IR/OpBase.td"

def Vnni_Dialect : Dialect {
  let name = "vnni";
  let cppNamespace = "::xpiler::vnni";
  let summary = "the C++ with Intel AVX-512 / DL Boost (VNNI) intrinsics";
  let description = [{
    TODO
  }];
}

class Vnni_Op<string mnemonic, list<Trait> traits = []>
    : Op<Vnni_Dialect, mnemonic, traits>;

#endif // XPILER_DIALECT_VNNI_VNNIDIALECT_TD
