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
// CUDA/HIP -> VNNI (tr-gpu-vnni)
//===----------------------------------------------------------------------===//

def XplRaiseGpuLoops : Pass<"xpl-raise-gpu-loops", "mlir::ModuleOp"> {
  let summary = "turn CUDA/HIP kernels into loops over the launch shape";
  let description = [{
    Raises every `cuda.kernel`/`hip.kernel` function (device functions
    inlined) to a plain function whose body is `scf.for` loops over the
    launch: block loops (`xpl.mapping = [#xpl.axis<block_z/y/x>]`, extents of 1
    from the launch omitted) around thread loops
    (`#xpl.axis<thread_x>`, over the linear thread id). The kernel takes
    the grid and block extents (and the dynamic shared memory size in bytes
    when it uses dynamic shared memory) as extra `index` arguments; extents
    that every launch gives as the same constant become constants.

    * `__shared__` arrays become per-block `memref.alloca`s (dynamic shared
      memory a `memref.alloc` of the launch's byte count).
    * `__syncthreads()` splits the thread loop. A barrier inside `scf.if`,
      `scf.for` or `scf.while` hoists that op out of the thread loops; a
      uniformity analysis must show that its condition, bounds and kept
      loop-carried values are the same for every thread of the block, else
      the barrier is an error.
    * Warp shuffles split the thread loop one level down: a loop over the
      warps of the block around loops over lanes; control flow around a
      shuffle must be uniform over the warp (`threadIdx.x / warpSize` is,
      for one-dimensional blocks). Each lane stores its value, then reads
      its source lane's with the oracle's semantics (width segments, CUDA's
      low 5 bits of the offset, HIP's `ds_bpermute` modulo 64).
    * Values live from one thread loop to a later one are kept in
      per-thread arrays indexed by the linear thread id (sized by
      `__launch_bounds__` or the constant block), or recomputed when they are
      pure arithmetic; local arrays of a kernel with barriers get one copy
      per thread.
    * Host code: `cudaMalloc`/`hipMalloc` become `memref.alloc`, copies
      element loops, frees `memref.dealloc`, launches calls of the raised
      kernel; streams and synchronisation disappear.

    * wmma fragments become per-warp matrices and every wmma op a loop
      nest run once per warp (fill, tile load/store, D = A B + C); mfma
      (f32/f16 kinds) computes each lane's accumulator elements from every
      lane's A/B registers in the oracle's register layouts.

    Atomics, votes and other mfma kinds are not supported yet (an error
    naming the op).

    ```
    xpiler-opt --xpl-raise-gpu-loops in.mlir
    ```
  }];
  let options = [
    Option<"hipWarpSize", "hip-warp-size", "int64_t", /*default=*/"64",
           "wavefront size of HIP kernels (64 on gfx9)">
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::vector::VectorDialect",
                           "::xpiler::xpl::XplDialect"];
}

def XplBindOmp : Pass<"xpl-bind-omp", "mlir::ModuleOp"> {
  let summary = "run the outermost block loops as an OpenMP parallel for";
  let description = [{
    Gives every outermost `scf.for` bound to a block axis
    (`xpl.mapping = [#xpl.axis<block_x|y|z>]`) the attribute
    `xpl.omp_parallel_for`, with `collapse = n` when n block loops are
    perfectly nested in it; the VNNI emitter writes it as
    `#pragma omp parallel for`. Loops that carry values are left alone.

    ```
    xpiler-opt --xpl-bind-omp in.mlir
    ```
  }];
}

#endif // XPILER_PASSES_TD
