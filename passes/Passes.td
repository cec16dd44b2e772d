//===- Passes.td - xpiler passes ---------------------------*- tablegen -*-===//

#ifndef XPILER_PASSES_TD
#define XPILER_PASSES_TD

include "mlir/Pass/PassBase.td"

def XplSetTarget : Pass<"xpl-set-target", "mlir::ModuleOp"> {
  let summary = "record the target language and architecture on a module";
  let description = [{
    Sets the module's `xpl.target` attribute, the piece of data every later
    pass and emitter reads to learn what it generates for (the target is
    data, never a build switch). The architecture defaults to the newest one
    xpiler knows for the language: `sm_90` (cuda), `gfx942` (hip), `mtp_592`
    (bang), `avx512vnni` (vnni). An unknown language or an architecture that
    does not belong to the language is an error. An existing target is
    replaced.

    ```
    xpiler-opt --xpl-set-target='language=hip arch=gfx90a' in.mlir
    ```
  }];
  let options = [
    Option<"language", "language", "std::string", /*default=*/"\"\"",
           "target language: cuda, hip, bang or vnni">,
    Option<"arch", "arch", "std::string", /*default=*/"\"\"",
           "architecture (default: the language's newest)">
  ];
  let dependentDialects = ["::xpiler::xpl::XplDialect"];
}

def XplDescribeLaunch : Pass<"xpl-describe-launch", "mlir::ModuleOp"> {
  let summary = "describe host launchers and kernels with xpl attributes";
  let description = [{
    Turns what a source's host code does into the `xpl` launch description
    (see the `xpl` dialect):

    * every function containing a `cuda.launch`, `hip.launch` or
      `bang.launch` becomes an `xpl.launcher`, and every kernel (`cuda.kernel`,
      `hip.kernel`, `bang.kernel`) an `xpl.kernel`;
    * each host memref argument of a launcher gets `xpl.buffer`: `in` if it
      is copied to the device, `out` if it is copied back, `inout` if both;
      its element count is the copies' byte count, followed back through
      `arith` integer arithmetic and casts to the launcher's arguments and
      constants (division by a constant or argument: `floordiv`; `ceildiv`,
      remainder: `mod`; shifts by constants), divided by the element size;
    * each launch gets `xpl.launch_shape` with its grid and block (BANG: task
      dimension and function type) as affine maps of the same arguments;
    * kernels that no launcher launches get `xpl.launch_shape` from the
      `grid` and `block` options, the block defaulting to the kernel's
      `__launch_bounds__` maximum.

    When a size or extent cannot be written that way, or copies disagree,
    the pass warns at the argument or launch (with a note at the value that
    stops it) and leaves that attribute out. Existing descriptions are
    replaced. Malformed `grid`/`block` values are errors.

    ```
    xpiler-opt --xpl-describe-launch='grid=64,2 block=256' in.mlir
    ```
  }];
  let options = [
    ListOption<"grid", "grid", "int64_t",
               "grid (BANG: task) extents x[,y[,z]] of kernels without a "
               "launcher">,
    ListOption<"block", "block", "int64_t",
               "block extents x[,y[,z]] of kernels without a launcher "
               "(default: __launch_bounds__)">
  ];
  let dependentDialects = ["::xpiler::xpl::XplDialect"];
}

#endif // XPILER_PASSES_TD
