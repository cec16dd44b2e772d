//===- BangTypes.td - bang types ----------------------------*- tablegen -*-===//

#ifndef XPILER_DIALECT_BANG_BANGTYPES_TD
#define XPILER_DIALECT_BANG_BANGTYPES_TD

include "bang/BangDialect.td"
include "mlir/IR/AttrTypeBase.td"

class Bang_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<Bang_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

def Bang_QueueType : Bang_Type<"Queue", "queue"> {
  let summary = "a CNRT queue (cnrtQueue_t)";
  let description = [{
    An ordered stream of device work (`cnrtQueue_t`), created by
    `bang.queue_create` and passed to `bang.launch`.

    ```mlir
    %q = bang.queue_create : !bang.queue
    ```
  }];
}

def Bang_Dim3Type : Bang_Type<"Dim3", "dim3"> {
  let summary = "a launch dimension (cnrtDim3_t)";
  let description = [{
    The `cnrtDim3_t {x, y, z}` task dimension of a launch, built by
    `bang.dim3`. `taskDim = x * y * z`.

    ```mlir
    %d = bang.dim3 %x, %y, %z : !bang.dim3
    ```
  }];
}

#endif // XPILER_DIALECT_BANG_BANGTYPES_TD
