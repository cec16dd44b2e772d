//===- XplDialect.td - xpiler core dialect ------------------*- tablegen -*-===//
//
// The core (`xpl`) dialect: what every target needs and upstream MLIR lacks.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_DIALECT_XPL_XPLDIALECT_TD
#define XPILER_DIALECT_XPL_XPLDIALECT_TD

include "mlir/IR/OpBase.td"

def Xpl_Dialect : Dialect {
  let name = "xpl";
  let cppNamespace = "::xpiler::xpl";
  let summary = "xpiler's target-neutral core: axes, memory spaces, launches";
  let description = [{
    The `xpl` dialect is the small target-neutral core shared by every
    programming model xpiler translates between. Computation in the core form
    is written with upstream dialects (`scf`, `arith`, `math`, `memref`);
    `xpl` adds only what they lack:

    * parallel-axis binding attributes (`#xpl.axis<thread_x>`) that record
      which hardware axis a parallel loop runs on, attached to loops as
      `xpl.mapping`;
    * abstract memory spaces (`#xpl.memory_space<shared>`) kept as hints on
      memrefs once a target's own spaces have been raised away;
    * the target of a module (`xpl.target = #xpl.target<cuda, "sm_90">`),
      data rather than a build switch;
    * the kernel/launch description every target shares: kernels are
      `func.func` marked `xpl.kernel`; a host launcher is a `func.func` marked
      `xpl.launcher` whose memref arguments carry `xpl.buffer` (direction and
      element count as a function of the launcher's scalar arguments) and
      whose body computes the launch shape and issues `xpl.launch`;
    * `xpl.omp_parallel_for` on an `scf.for` or `scf.while` loop: the source
      ran the loop under `#pragma omp parallel for`. Its value is a
      dictionary of the clauses: `collapse` (an integer >= 1, the number of
      perfectly nested loops shared out, 1 when absent), `schedule` (one of
      `"static"`, `"dynamic"`, `"guided"`, `"auto"`, `"runtime"`) and
      `chunk` (an integer >= 1, only with `static`, `dynamic` or `guided`).
      The iterations are independent (the program's own promise), so
      running the loop sequentially is one valid execution.

    **Launch description.** The importer runs `xpl-describe-launch` on every
    module it makes, so that a source's `extern "C"` host launcher reads as
    a description any target can launch again:

    * the launcher is marked `xpl.launcher` and every kernel `xpl.kernel`
      (next to the language's own `cuda.kernel`, `hip.kernel`,
      `bang.kernel`);
    * each host buffer argument (a memref without memory space) carries
      `xpl.buffer`: the direction from the copies (copied to the device:
      `in`; copied back: `out`; both: `inout`) and the element count as an
      affine map of the launcher's arguments (symbol `si` is argument `i`),
      derived from the copies' byte counts divided by the element size. The
      element type is the memref's;
    * each launch op carries `xpl.launch_shape = #xpl.launch_shape<...>`:
      grid and block extents (BANG: the task dimension and the function
      type as `union_clusters`), one affine map of the same symbols per
      extent, whose value is the minimum of its results (a grid clamped
      with `std::min` or `if (g > M) g = M` has two);
    * a kernel that no launcher launches carries `xpl.launch_shape` with
      constant extents when `--grid`/`--block` or `__launch_bounds__(N)`
      (block = N) say what they are.

    The host code's integer arithmetic is read over the integers: casts
    keep the value, divisions of sizes are floor divisions (sizes are not
    negative) and overflow is not modelled. A size or extent that is not
    such a function (a `max`, a value computed in a loop, a copy of part of
    a buffer, copies of different sizes) is left out with a warning, never
    guessed.

    ```mlir
    func.func @softmax(
        %x: memref<?xf32> {xpl.buffer = #xpl.buffer<in, size = ()[s0, s1, s2, s3] -> (s2 * s3)>},
        %out: memref<?xf32> {xpl.buffer = #xpl.buffer<out, size = ()[s0, s1, s2, s3] -> (s2 * s3)>},
        %rows: i32, %cols: i32) attributes {xpl.launcher} {
      ...
      cuda.launch @softmax_kernel grid(%g, %c1, %c1) block(%c256, %c1, %c1)
          args(...) {xpl.launch_shape = #xpl.launch_shape<
              grid = [()[s0, s1, s2, s3] -> (s2)],
              block = [()[s0, s1, s2, s3] -> (256)]>}
      ...
    }
    ```
  }];

  let useDefaultAttributePrinterParser = 1;
  let hasOperationAttrVerify = 1;
  let hasRegionArgAttrVerify = 1;

  let extraClassDeclaration = [{
    void registerAttributes();

    /// Discardable attribute names this dialect owns.
    static constexpr ::llvm::StringLiteral kKernelAttrName = "xpl.kernel";
    static constexpr ::llvm::StringLiteral kLauncherAttrName = "xpl.launcher";
    static constexpr ::llvm::StringLiteral kTargetAttrName = "xpl.target";
    static constexpr ::llvm::StringLiteral kMappingAttrName = "xpl.mapping";
    static constexpr ::llvm::StringLiteral kBufferAttrName = "xpl.buffer";
    static constexpr ::llvm::StringLiteral kLaunchShapeAttrName =
        "xpl.launch_shape";
    static constexpr ::llvm::StringLiteral kOmpParallelForAttrName =
        "xpl.omp_parallel_for";
  }];
}

class Xpl_Op<string mnemonic, list<Trait> traits = []>
    : Op<Xpl_Dialect, mnemonic, traits>;

#endif // XPILER_DIALECT_XPL_XPLDIALECT_TD
