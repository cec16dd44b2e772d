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
    static constexpr ::llvm::StringLiteral kOmpParallelForAttrName =
        "xpl.omp_parallel_for";
  }];
}

class Xpl_Op<string mnemonic, list<Trait> traits = []>
    : Op<Xpl_Dialect, mnemonic, traits>;

#endif // XPILER_DIALECT_XPL_XPLDIALECT_TD
