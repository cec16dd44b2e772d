//===- BangDialect.td - bang dialect ------------------------*- tablegen -*-===//

#ifndef XPILER_DIALECT_BANG_BANGDIALECT_TD
#define XPILER_DIALECT_BANG_BANGDIALECT_TD

include "mlir/IR/OpBase.td"

def Bang_Dialect : Dialect {
  let name = "bang";
  let cppNamespace = "::xpiler::bang";
  let summary = "the Cambricon BANG C programming model";
  let description = [{
    TODO
  }];
}

class Bang_Op<string mnemonic, list<Trait> traits = []>
    : Op<Bang_Dialect, mnemonic, traits>;

#endif // XPILER_DIALECT_BANG_BANGDIALECT_TD
