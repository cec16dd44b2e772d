//===- XplOps.td - xpl operations --------------------------*- tablegen -*-===//

#ifndef XPILER_DIALECT_XPL_XPLOPS_TD
#define XPILER_DIALECT_XPL_XPLOPS_TD

include "xpl/XplDialect.td"
include "xpl/XplAttributes.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Xpl_LaunchOp : Xpl_Op<"launch", [
    DeclareOpInterfaceMethods<SymbolUserOpInterface>,
    AttrSizedOperandSegments]> {
  let summary = "launch a kernel over a grid of blocks";
  let description = [{
    Target-neutral kernel launch: runs the `xpl.kernel` function `kernel` on
    `grid` × `block` workers with `args` as its arguments. On CUDA and HIP the
    grid and block are the launch's `gridDim` and `blockDim`; on BANG the grid
    is the task dimension (`cnrtDim3_t`), the block is 1 × 1 × 1 and
    `union_clusters` is the N of a `UnionN` launch (absent or 0: `Block`);
    VNNI runs the grid × block iterations on CPU threads. `shared` is the
    dynamic shared memory size in bytes.

    ```mlir
    xpl.launch @vecadd grid(%gx, %c1, %c1) block(%c256, %c1, %c1)
        args(%a, %b, %n : memref<?xf32>, memref<?xf32>, i32)
    ```
  }];
  let arguments = (ins
    FlatSymbolRefAttr:$kernel,
    Index:$gridX, Index:$gridY, Index:$gridZ,
    Index:$blockX, Index:$blockY, Index:$blockZ,
    Optional<Index>:$sharedMemorySize,
    Variadic<AnyType>:$args,
    OptionalAttr<I32Attr>:$union_clusters);
  let assemblyFormat = [{
    $kernel `grid` `(` $gridX `,` $gridY `,` $gridZ `)`
    `block` `(` $blockX `,` $blockY `,` $blockZ `)`
    (`shared` `(` $sharedMemorySize^ `)`)?
    (`args` `(` $args^ `:` type($args) `)`)? attr-dict
  }];
  let hasVerifier = 1;
}

#endif // XPILER_DIALECT_XPL_XPLOPS_TD
