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

//===----------------------------------------------------------------------===//
// CUDA <-> HIP direct conversion
//===----------------------------------------------------------------------===//

def CudaConvertToHip : Pass<"cuda-convert-to-hip", "mlir::ModuleOp"> {
  let summary = "convert CUDA-level IR to HIP-level IR, keeping its structure";
  let description = [{
    Rewrites every `cuda` op into its `hip` counterpart one to one, and every
    `#cuda.memory_space` and `!cuda.stream` in types and attributes into the
    HIP ones, so that names, the launch shape, shared memory and loops stay
    as the author wrote them. Kernel attributes follow (`__launch_bounds__`
    keeps its thread count; CUDA's minimum-blocks argument means something
    else in HIP and is dropped).

    CUDA code is written for 32-lane warps. On a target whose wavefronts
    have 64 lanes (`gfx9*`), a CUDA warp is half a wavefront:
    * `warpSize` becomes the constant 32;
    * shuffles get an explicit `width` of 32 (or keep a smaller one), so
      that each half exchanges values within itself as on NVIDIA hardware;
    * `__ballot_sync` takes the 32 bits of the lane's half of the 64-bit
      ballot, and `__any_sync`/`__all_sync` are computed from those bits.
    Warp masks are dropped: HIP's shuffles and votes take the whole
    wavefront.

    What has no HIP equivalent is an error naming the op: `__syncwarp`,
    wmma fragments (tensor cores go through detensorize and mfma
    re-tensorization), system-scope atomics, and atomics or shuffles on
    types HIP does not define them for.

    ```
    xpiler-opt --cuda-convert-to-hip='arch=gfx90a' kernel.mlir
    ```
  }];
  let options = [
    Option<"arch", "arch", "std::string", /*default=*/"\"gfx942\"",
           "HIP architecture; gfx9* have 64-lane wavefronts, later ones 32">
  ];
  let dependentDialects = ["::xpiler::hip::HipDialect",
                           "::mlir::arith::ArithDialect"];
}

def HipConvertToCuda : Pass<"hip-convert-to-cuda", "mlir::ModuleOp"> {
  let summary = "convert HIP-level IR to CUDA-level IR, keeping its structure";
  let description = [{
    Rewrites every `hip` op into its `cuda` counterpart one to one, and HIP
    memory spaces and streams in types and attributes into CUDA ones.

    HIP code written against `warpSize` runs with 32-lane warps: `warpSize`
    stays `warpSize` (32 on NVIDIA GPUs); a shuffle whose width is the
    source's wavefront size (64 on `gfx9*`, `arch` option) or `warpSize`
    shuffles across the whole warp; a 64-bit ballot becomes the 32-bit
    `__ballot_sync` widened to 64 bits; votes become `__any_sync`/
    `__all_sync` over the full warp. Code that hard-codes 64 lanes is not
    recognised here: the oracle reports it as a difference.

    mfma builtins are an error naming the op (tensor-core code goes through
    detensorize and wmma re-tensorization).

    ```
    xpiler-opt --hip-convert-to-cuda kernel.mlir
    ```
  }];
  let options = [
    Option<"sourceArch", "source-arch", "std::string", /*default=*/"\"gfx942\"",
           "architecture the HIP source was written for (its wavefront size)">
  ];
  let dependentDialects = ["::xpiler::cuda::CudaDialect",
                           "::mlir::arith::ArithDialect"];
}

#endif // XPILER_PASSES_TD
