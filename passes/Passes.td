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

    Tensor-core code: 16x16x16 wmma fragments (f16 or bf16 multiplicands,
    f32 or f16 accumulators) become 8 registers per lane (`vector<8xT>`) in
    the layout of `mfma_f32_16x16x16f16` (element `e` of warp lane `l` is
    item `e % 4` of mfma lane `l + 32 (e / 4)`), so fills, loads, stores
    and element accesses are lane-local; each `mma_sync` becomes two
    `hip.mfma`, one per CUDA warp of the wavefront, fed and drained by 16
    `hip.shfl <xor> 32` (see WmmaToMfma.cpp). An `mma_sync` must be in a
    kernel whose every launch has a constant block of a multiple of 64
    threads, under control flow that is the same for every thread; the
    target must have mfma (gfx908, gfx90a, gfx94x, gfx950).

    What has no HIP equivalent is an error naming the op: `__syncwarp`,
    wmma fragments of other shapes and types, system-scope atomics, and
    atomics or shuffles on types HIP does not define them for.

    ```
    xpiler-opt --cuda-convert-to-hip='arch=gfx90a' kernel.mlir
    ```
  }];
  let options = [
    Option<"arch", "arch", "std::string", /*default=*/"\"gfx942\"",
           "HIP architecture; gfx9* have 64-lane wavefronts, later ones 32">
  ];
  let dependentDialects = ["::xpiler::hip::HipDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::vector::VectorDialect"];
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

    An mfma builtin (wavefront-wide: 64 lanes, two CUDA warps) exchanges its
    operands through per-wavefront `__shared__` scratch: every lane stores
    its A, B and C elements where AMD's register layout puts them (the
    oracle's reference layouts), `__syncthreads()`, the wavefront's two
    warps multiply the 16x16 tiles with `nvcuda::wmma` (f16 kinds; K padded
    to 16 with zeros), `__syncthreads()`, every lane reads its D elements
    back. fp32, xf32 and fp64 kinds have no exact tensor-core instruction
    (tf32 rounds the inputs): each lane computes its D elements with scalar
    FMAs from the scratch, with a remark. The scratch is sized from
    `__launch_bounds__` or the constant launches (a multiple of 64 threads).
    Errors name the mfma that cannot be translated: a multi-block, integer,
    bf16 or fp8 kind, cbsz/abid/blgp modifiers, an mfma in a device
    function, an unknown block size, or an mfma in thread-dependent control
    flow (the barriers need every thread of the block).

    ```mlir
    %d = hip.mfma <f32_16x16x16f16> %a, %b, %c cbsz = 0 abid = 0 blgp = 0
        : vector<4xf16>, vector<4xf16>, vector<4xf32>
    // becomes: stores to mfma_a/mfma_b/mfma_c, cuda.syncthreads,
    // cuda.wmma.load_matrix_sync/mma_sync/store_matrix_sync in the
    // wavefront's first warp, cuda.syncthreads, loads of d
    ```

    ```
    xpiler-opt --hip-convert-to-cuda kernel.mlir
    ```
  }];
  let options = [
    Option<"sourceArch", "source-arch", "std::string", /*default=*/"\"gfx942\"",
           "architecture the HIP source was written for (its wavefront size)">
  ];
  let dependentDialects = ["::xpiler::cuda::CudaDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::vector::VectorDialect"];
}

//===----------------------------------------------------------------------===//
// Loop transformations on the core form (scf.for, memref, arith)
//===----------------------------------------------------------------------===//

def XplNormalizeLoops : Pass<"xpl-normalize-loops", "mlir::ModuleOp"> {
  let summary = "turn counted scf.while loops into scf.for";
  let description = [{
    The importers turn a C `for` statement into `scf.while`. This pass
    rewrites the while loops that are provably counted loops into `scf.for`
    over `index`: the before region only compares one loop-carried value
    `iv` with a loop-invariant bound (`slt`, `sle`, `ult`, `ule`, or the
    mirrored `sgt`/`sge`/`ugt`/`uge` with the bound first) and forwards every
    carried value unchanged; the after region yields `iv + C` for a positive
    constant `C`. The other carried values become `iter_args`. The bound and
    start are cast to `index` (sign- or zero-extended as the comparison
    reads them) and the body sees `index_cast` of the new induction
    variable. The final value of `iv` after the loop, when used, is
    `max(start, bound)` (step 1 only; other steps leave the loop alone).
    Attributes of the while loop (`xpl.omp_parallel_for` ...) are kept. Loops
    that do not match stay as they are.

    ```
    xpiler-translate --import-vnni k.cpp | xpiler-opt --xpl-normalize-loops
    ```
  }];
  let dependentDialects = ["mlir::arith::ArithDialect",
                           "mlir::scf::SCFDialect"];
}

def XplNameLoops : Pass<"xpl-name-loops", "mlir::ModuleOp"> {
  let summary = "name every scf.for loop for the loop transformations";
  let description = [{
    Sets `xpl.loop_name` on every `scf.for` in preorder: the loops not nested
    in another `scf.for` are `L0`, `L1`, ... across the whole module (in
    function order), the loops directly nested in loop `X` are `X.0`, `X.1`,
    ... Existing names are replaced. The loop transformations
    (`xpl-loop-split`, `xpl-loop-reorder`, `xpl-loop-fuse`,
    `xpl-stmt-split`, `xpl-loop-contract`) pick their loop with the option
    `loop=NAME`; when no loop of the module has a name they run this naming
    first, so a tuner can drive them deterministically from the preorder
    position of a loop.

    ```
    xpiler-opt --xpl-name-loops in.mlir   // scf.for ... {xpl.loop_name = "L0.1"}
    ```
  }];
}

def XplLoopSplit : Pass<"xpl-loop-split", "mlir::ModuleOp"> {
  let summary = "tile (strip-mine) one loop by a factor";
  let description = [{
    Splits loop `loop` (`for i in [lb, ub) step s`) into an outer loop with
    step `s * factor` and an inner loop over one tile. With `remainder=false`
    (the default) the inner loop's upper bound is `min(io + s * factor, ub)`;
    with `remainder=true` the outer loop covers the full tiles only (the inner
    loop has the constant trip count `factor`) and a copy of the original
    loop runs the remaining iterations. Iteration arguments are threaded
    through. The order in which iterations run does not change, so the split
    is always legal: no dependence test is needed.

    Names: the outer loop keeps the loop's name, the inner loop is
    `NAME.in` and the remainder loop `NAME.rem` (the loops nested in the
    remainder copy are renamed from `NAME.*` to `NAME.rem.*`). All other
    attributes (`xpl.axis` ...) are kept on every resulting loop. A factor
    below 1 is an error; a factor of 1 leaves the loop alone.

    ```
    xpiler-opt --xpl-loop-split='loop=L0.1 factor=16 remainder=true' in.mlir
    ```
  }];
  let options = [
    Option<"loop", "loop", "std::string", /*default=*/"\"\"",
           "name (xpl.loop_name) of the loop to split">,
    Option<"factor", "factor", "int64_t", /*default=*/"0",
           "iterations per tile">,
    Option<"remainder", "remainder", "bool", /*default=*/"false",
           "full tiles plus a remainder loop instead of a min bound">
  ];
  let dependentDialects = ["mlir::arith::ArithDialect",
                           "mlir::scf::SCFDialect"];
}

def XplLoopReorder : Pass<"xpl-loop-reorder", "mlir::ModuleOp"> {
  let summary = "interchange the loops of a perfect nest";
  let description = [{
    Permutes the band of `order.size()` perfectly nested loops starting at
    loop `loop`: the loop at position `k` of the result iterates what loop
    `order[k]` of the band iterated (`order=1,0` swaps two loops). Each loop
    keeps its bounds, step and attributes (`xpl.axis`, `xpl.loop_name`): the
    attributes follow the iteration space. The band must be perfect (each
    loop's body is the next loop plus pure operations, which move into the
    innermost loop), rectangular (bounds and steps defined outside the band)
    and without iteration arguments. A loop with a parallel attribute
    (`xpl.axis`, `xpl.mapping`, `xpl.omp_parallel_for`) that carries a
    dependence at its new position loses the attribute (remark).

    Legality: the dependence analysis computes the direction vectors of every
    dependence between accesses in the band; the interchange is refused, with
    a remark naming the dependence, when a permuted vector becomes
    lexicographically negative (e.g. a `(<, >)` dependence under `order=1,0`),
    or when an operation in the band has unknown memory effects.

    ```
    xpiler-opt --xpl-loop-reorder='loop=L0 order=0,2,1' in.mlir
    ```
  }];
  let options = [
    Option<"loop", "loop", "std::string", /*default=*/"\"\"",
           "name (xpl.loop_name) of the outermost loop of the band">,
    ListOption<"order", "order", "unsigned",
               "new order of the band's loops (a permutation of 0..n-1)">
  ];
}

def XplLoopFuse : Pass<"xpl-loop-fuse", "mlir::ModuleOp"> {
  let summary = "fuse a loop with the next loop of equal bounds";
  let description = [{
    Fuses loop `loop` with the `scf.for` that follows it in the same block
    (only pure operations in between, which move before the first loop).
    Both loops must have the same lower bound, upper bound and step and no
    iteration arguments. The fused loop keeps the first loop's name and
    attributes; its parallel attributes (`xpl.axis`, `xpl.mapping`,
    `xpl.omp_parallel_for`) are dropped, with a remark, when the two loops
    did not have the same ones or a dependence between their bodies crosses
    iterations.

    Legality: refused, with a remark naming the two accesses, when a
    fusion-preventing dependence exists: an access of the second loop that
    conflicts with an access of the first loop made in a later iteration
    (after fusion the second would run first), or when an operation has
    unknown memory effects.

    ```
    xpiler-opt --xpl-loop-fuse=loop=L0 in.mlir
    ```
  }];
  let options = [
    Option<"loop", "loop", "std::string", /*default=*/"\"\"",
           "name (xpl.loop_name) of the first loop">
  ];
}

def XplStmtSplit : Pass<"xpl-stmt-split", "mlir::ModuleOp"> {
  let summary = "distribute a loop's body over two loops";
  let description = [{
    Loop distribution: the statements of loop `loop` (its body's top-level
    operations that write memory, themselves or in their regions: stores,
    nested loops, conditionals, calls; pure operations and loads are not
    counted) are cut
    before statement `at` (0-based); the first loop keeps statements
    `[0, at)` and a copy of the loop, named `NAME.d`, right after it runs
    the others. Pure operations and loads go where they are used (copied
    when both parts use them; a copied load is checked as an access of each
    part).

    Legality: refused, with a remark naming the accesses, when a statement
    after the cut and a statement before it conflict with the later one in
    an earlier iteration (a backward loop-carried dependence, `>` at the
    loop's level), when a value computed by a statement before the cut is
    used after it, when the loop has iteration arguments, or when an
    operation has unknown memory effects.

    ```
    xpiler-opt --xpl-stmt-split='loop=L0 at=1' in.mlir
    ```
  }];
  let options = [
    Option<"loop", "loop", "std::string", /*default=*/"\"\"",
           "name (xpl.loop_name) of the loop to distribute">,
    Option<"at", "at", "unsigned", /*default=*/"0",
           "index of the first statement of the second loop">
  ];
}

def XplLoopContract : Pass<"xpl-loop-contract", "mlir::ModuleOp"> {
  let summary = "merge a producer loop and its consumer, removing the buffer";
  let description = [{
    Loop `loop` (the producer) stores into a temporary buffer (a
    `memref.alloca`/`memref.alloc` of the function) and the next loop (the
    consumer, equal bounds) loads it at the same index in the same
    iteration. The pass fuses the two loops (with `xpl-loop-fuse`'s legality
    check), replaces each such load by the stored scalar and, when nothing
    else reads the buffer, erases the buffer, its stores and deallocations.
    A buffer also read elsewhere is kept (remark).

    Refused, with a remark: no such buffer (the producer stores it more than
    once per iteration, inside a nested region, or the consumer stores it
    too), or fusion is illegal.

    ```
    xpiler-opt --xpl-loop-contract=loop=L0 in.mlir
    ```
  }];
  let options = [
    Option<"loop", "loop", "std::string", /*default=*/"\"\"",
           "name (xpl.loop_name) of the producer loop">
  ];
}

def XplCleanup : Pass<"xpl-cleanup", "mlir::ModuleOp"> {
  let summary = "fold constants, simplify index arithmetic, drop dead code";
  let description = [{
    Makes raised and transformed code look like what a person would write:
    the canonicalization patterns of every loaded dialect (constant folding,
    index arithmetic, `index_cast` chains), CSE, and xpiler's own patterns:

    * dead buffers: a `memref.alloca`/`memref.alloc` that is only stored to
      (and deallocated) is erased with its stores;
    * dead loops: an `scf.for` whose results are unused and whose body has no
      memory effects is erased;
    * `index_cast(extsi x)` to `index` becomes `index_cast(x)` and
      `index_cast(extui x)` becomes `index_castui(x)`.

    The patterns run to a fixed point, then CSE and loop-invariant code
    motion (pure operations leave the loops), then the patterns again.

    ```
    xpiler-opt --xpl-normalize-loops --xpl-cleanup in.mlir
    ```
  }];
  let dependentDialects = ["mlir::arith::ArithDialect"];
}

//===----------------------------------------------------------------------===//
// BANG -> core form (bang-to-vnni)
//===----------------------------------------------------------------------===//

def BangDetensorize : Pass<"bang-detensorize", "mlir::ModuleOp"> {
  let summary = "rewrite __bang_* builtins and __memcpy as scalar loops";
  let description = [{
    Every vector builtin of the `bang` dialect (`bang.binary`,
    `binary_scalar`, `cycle`, `unary`, `reduce`, `pool`, `transpose`,
    `matmul`, `mlp`, `conv`, `fill`, `write_zero`) and every `bang.memcpy`
    becomes `scf.for` loops of scalar `memref.load`/`memref.store` with the
    reference semantics the oracle uses (lib/Exec/Runtime/BangRuntime.cpp and
    the `bang_emu` functors it shares): elementwise kinds compute in float
    (f16/bf16/f32) or int64 (i16/i32, wrapping) and round once; active
    functions compute in float (`gelu`/`gelup` in double); pooling, matmul,
    mlp and conv accumulate in double (fixed point: int64) and round once. A copy of `size`
    bytes is `size / sizeof(T)` element copies per segment: sizes and
    strides must provably be whole elements. Accesses through 1-D
    unit-stride subviews are folded into indices of the underlying buffer.

    Pool, transpose, matmul, mlp and conv, which the reference computes
    through a temporary, write their destination directly when it provably
    does not overlap a source (another memory space or another array), else
    a temporary NRAM array (a `bang.alloc` at the start of the function)
    copied to the destination afterwards.

    Matmul, mlp and conv with `fix_position` (i8/i16 inputs) accumulate
    exactly in int64 and scale by `2^fix_position`; an i16 destination
    rounds to nearest even and saturates.

    Errors (naming the op): `__memcpy_async`, copies into another cluster's
    SRAM or between element types, a possibly overlapping destination
    without a static size.

    ```
    xpiler-opt --bang-detensorize in.mlir
    ```
  }];
  let dependentDialects = ["mlir::arith::ArithDialect",
                           "mlir::math::MathDialect",
                           "mlir::memref::MemRefDialect",
                           "mlir::scf::SCFDialect"];
}

def BangRaiseLoops : Pass<"bang-raise-loops", "mlir::ModuleOp"> {
  let summary = "turn BANG kernels into loops over their tasks";
  let description = [{
    Every `bang.kernel` becomes a private function with three more `i32`
    arguments (the launch's `cnrtDim3_t`) whose body is
    `scf.for %t = 0 to taskDim {xpl.axis = #xpl.axis<task>}`;
    `taskId`/`taskIdX..Z`/`taskDim*`/`clusterId`/`coreId`/`clusterDim`/
    `coreDim` become arithmetic on `%t` with the oracle's launch model
    (Union: 4 cores per cluster, `clusterId = taskId / 4`; Block:
    `clusterId = coreId = 0`, `coreDim = 1`). `__nram__`/`__wram__` arrays
    are `memref.alloca`s at the start of the task loop's body;
    file-scope arrays that `__mlu_func__` helpers use are passed to them as
    arguments.

    A Union kernel with `__sync_cluster` or SRAM arrays becomes a cluster
    loop
    (`#xpl.axis<cluster>`) split at its barriers into core loops
    (`#xpl.axis<core>`); code and control flow that is the same on every
    core of the cluster stays outside them; NRAM arrays and values that
    differ per core and live across a barrier become per-core arrays
    (`memref<4x...>`), SRAM arrays are per cluster. A barrier under control
    flow that depends on the core, `__sync_all`, or a per-core array used
    other than by loads and stores is an error naming it. Barriers of Block
    launches and `__sync_compute` are no-ops and disappear.

    In launchers, `bang.launch` becomes `func.call` with the task dimension;
    a device buffer that is a whole copy of a launcher argument (copied from
    it before and/or back to it after the launches, nothing else using the
    argument) becomes that argument (a `memref.memory_space_cast`), other
    device buffers `memref.alloc`/`dealloc`; queues disappear; `xpl.buffer`
    argument attributes stay.

    ```
    xpiler-opt --bang-detensorize --bang-raise-loops in.mlir
    ```
  }];
  let dependentDialects = ["mlir::arith::ArithDialect",
                           "mlir::func::FuncDialect",
                           "mlir::memref::MemRefDialect",
                           "mlir::scf::SCFDialect",
                           "::xpiler::xpl::XplDialect"];
}

def BangDropMemorySpaces : Pass<"bang-drop-memory-spaces", "mlir::ModuleOp"> {
  let summary = "remove #bang.memory_space from memref types";
  let description = [{
    After `bang-detensorize` and `bang-raise-loops` no bang op is left and
    every buffer is host memory: the pass removes the bang memory spaces
    from all memref types (values, block arguments and function types) and
    folds `memref.memory_space_cast`s that become identities. A remaining
    bang op is an error.

    ```
    xpiler-opt --bang-detensorize --bang-raise-loops --bang-drop-memory-spaces in.mlir
    ```
  }];
  let dependentDialects = ["mlir::memref::MemRefDialect"];
}

def BangTasksToOmp : Pass<"bang-tasks-to-omp", "mlir::ModuleOp"> {
  let summary = "run raised BANG task loops on OpenMP threads";
  let description = [{
    Marks the outermost `scf.for` with `xpl.axis = #xpl.axis<task>` or
    `#xpl.axis<cluster>` (made by `bang-raise-loops`) with
    `xpl.omp_parallel_for = {}`, so that the VNNI emitter writes
    `#pragma omp parallel for` before it. Loops carrying values are left
    alone.

    ```
    xpiler-opt --bang-tasks-to-omp raised.mlir
    ```
  }];
  let dependentDialects = ["::xpiler::xpl::XplDialect"];
}

def BangForwardStaging : Pass<"bang-forward-staging", "mlir::ModuleOp"> {
  let summary = "forward NRAM staging copies to global memory accesses";
  let description = [{
    After `bang-detensorize` and `bang-raise-loops` (and before
    `bang-drop-memory-spaces`), a sequence in one block of copy-in loops
    (`S[k] = G[o + k]`), elementwise loops (every access an NRAM array at
    `[k]`) and one copy-out loop (`G'[o' + k] = S[k]`), all from 0 step 1
    with only side-effect-free ops between them, becomes one loop over the
    copy-out's lanes that computes each element from global memory.

    Legal, and only then done, when the copy loops share their trip count
    `n` and each elementwise loop runs `n` or `((n + a - 1) / a) * a` times;
    the NRAM arrays are used nowhere else in the function; every NRAM element
    read at lane `k` was written at lane `k` earlier in the sequence; and a
    global buffer read by a copy-in is another kernel argument than the one
    written (distinct `xpl.buffer` launcher arguments do not overlap) or
    the same buffer at the same offset.

    ```
    xpiler-opt --bang-detensorize --bang-raise-loops --canonicalize --cse --bang-forward-staging in.mlir
    ```
  }];
  let dependentDialects = ["mlir::scf::SCFDialect"];
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

//===----------------------------------------------------------------------===//
// Core form -> AVX-512 (the VNNI pipelines)
//===----------------------------------------------------------------------===//

def XplVectorizeAvx512 : Pass<"xpl-vectorize-avx512", "mlir::ModuleOp"> {
  let summary = "vectorize innermost loops with AVX-512 vnni ops";
  let description = [{
    Rewrites every innermost `scf.for` (constant positive step, `index`
    induction variable, no control flow in the body) that it can prove
    vectorizable into a loop of 16-lane `vnni` ops, which the C++ emitter
    writes as `_mm512_*` intrinsics, followed by a masked tail
    (`_mm512_maskz_loadu_ps`/`_mm512_mask_storeu_ps` under the mask
    `(1 << rest) - 1`) or, with `masked-tail=false`, the scalar loop over the
    remaining iterations:

    * f32 lane-wise arithmetic: `addf`, `subf`, `mulf`, `divf`, `negf`,
      `math.fma` (`vnni.binary`, `vnni.fmadd`), `maxnumf`/`minnumf`
      (`_mm512_max_ps`/`min_ps` plus a blend that gives C's `fmaxf`/`fminf`
      result for a NaN operand), `cmpf` + `select` (`vnni.cmp` +
      `vnni.blend`); no other op (`math.exp`, conversions, integer data)
      has an AVX-512 form in the dialect, and such loops stay scalar;
    * loads and stores of 1-D f32 memrefs whose subscript is
      `base + c * iv` (read through integer add/sub/mul-by-constant/shift/
      casts): lane stride 1 is a contiguous `vnni.load`/`vnni.store`;
      another constant stride loads with `vnni.gather` (option `gather`); a
      store with another stride, or to a loop-invariant address, stays
      scalar; loads whose subscripts do not move with the loop stay scalar
      and are broadcast (`vnni.set1`), as are loop-invariant scalars.
      Multi-dimensional memrefs stay scalar: the C++ importer, which checks
      every VNNI translation, takes the address of 1-D buffers only;
    * f32 reductions in `iter_args` (`acc = acc + x`, `*`, `maxnumf`,
      `minnumf`): a vector accumulator starting at the identity, masked-off
      tail lanes kept by a blend, and `init <op> vnni.reduce(acc)` after the
      loop. The summation order changes (16 partial sums, then a tree): the
      oracle's f32 tolerance accepts it;
    * dot products `acc += ext(a[i]) * ext(b[i])` with an i32 `acc`:
      `a` u8 (`extui`) and `b` s8 (`extsi`), either order, become
      `vnni.dp <dpbusd>` over 64 bytes per iteration; `a`, `b` both s16
      (`extsi`) become `vnni.dp <dpwssd>` over 32 words (wrapping, exactly
      like the IR's `addi`), or `<dpwssds>` with `saturate-words` (C's
      signed overflow is undefined, so the saturating form is a valid
      translation of the C source, but not of wrapping IR); the tail uses
      byte/word masked loads (zeros add nothing). Only integer arithmetic of
      that width is matched: float products are never truncated to int8.

    Legality: the dependence analysis (`xpiler/Analysis/Dependence.h`) of
    the loop must find no dependence between iterations (only the
    recognised reductions cross them); distinct buffers are assumed not to
    alias, as everywhere in xpiler. Loops that an enclosing
    `xpl.omp_parallel_for` collapses are left alone. A loop that stays scalar
    gets a remark `xpl-vectorize-avx512: not vectorized: <reason>` (and a
    vectorized one `vectorized: ...`) when `remarks` is set. Functions with
    vectorized loops get `vnni.target_features` (`avx512f`, plus `avx512bw`
    and `avx512vnni` for dot products).

    ```
    xpiler-opt --xpl-vectorize-avx512 in.mlir
    xpiler-opt --xpl-vectorize-avx512='masked-tail=false gather=false' in.mlir
    ```
  }];
  let options = [
    Option<"vectorWidth", "vector-width", "int64_t", /*default=*/"16",
           "f32 lanes per vector (16: one 512-bit vector; the only value)">,
    Option<"maskedTail", "masked-tail", "bool", /*default=*/"true",
           "run the last (trip count mod 16) iterations as one masked vector "
           "iteration instead of a scalar loop">,
    Option<"gather", "gather", "bool", /*default=*/"true",
           "load with _mm512_i32gather_ps where the lane stride is a "
           "constant other than 1">,
    Option<"dotProducts", "dot-products", "bool", /*default=*/"true",
           "rewrite int8/int16 dot products as _mm512_dpbusd_epi32/"
           "_mm512_dpwssd_epi32">,
    Option<"saturateWords", "saturate-words", "bool", /*default=*/"false",
           "use the saturating _mm512_dpwssds_epi32 for s16 dot products">,
    Option<"remarks", "remarks", "bool", /*default=*/"true",
           "emit a remark for every innermost loop (vectorized or why not)">
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::scf::SCFDialect",
                           "::xpiler::vnni::VnniDialect"];
}

#endif // XPILER_PASSES_TD
