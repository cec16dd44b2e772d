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

#endif // XPILER_PASSES_TD
