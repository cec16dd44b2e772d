//===- BangDialect.td - bang dialect ------------------------*- tablegen -*-===//
//
// The `bang` dialect: Cambricon BANG C (MLU kernels and the CNRT host API).
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_DIALECT_BANG_BANGDIALECT_TD
#define XPILER_DIALECT_BANG_BANGDIALECT_TD

include "mlir/IR/OpBase.td"

def Bang_Dialect : Dialect {
  let name = "bang";
  let cppNamespace = "::xpiler::bang";
  let summary = "the Cambricon BANG C programming model";
  let description = [{
    The `bang` dialect models Cambricon BANG C, the C/C++ extension in which
    MLU kernels are written, and the CNRT runtime calls a host program uses
    to launch them. Import from and emission to `.mlu` source are 1:1 per op.

    **Functions.** A `__mlu_global__` kernel is a `func.func` marked
    `bang.kernel`; a `__mlu_func__` helper is marked `bang.func` and a
    `__mlu_device__` helper `bang.device` (unit attributes, verified by the
    dialect). Kernels return nothing.

    **Memory.** Pointers are memrefs whose memory space is
    `#bang.memory_space<gdram|nram|wram|sram|ldram>`; a memref with no memory
    space is host memory. Kernel pointer arguments live in `gdram`. On-chip
    arrays (`__nram__`, `__wram__`, `__mlu_shared__` = SRAM) are declared with
    `bang.alloc`. An offset pointer `buf + k` is a `memref.subview` /
    `memref.reinterpret_cast` of the buffer; a builtin reads or writes from
    the first element of its memref operand on, exactly as the C pointer.
    Scalar loads and stores through pointers are `memref.load` /
    `memref.store`.

    **Indices and synchronisation.** `taskId`, `taskIdX/Y/Z`, `taskDim`,
    `taskDimX/Y/Z`, `clusterId`, `clusterDim`, `coreId`, `coreDim` are pure
    ops returning `i32`; `__sync_*` barriers are `bang.sync`.

    **Builtins.** `__memcpy`/`__memcpy_async` (all forms) are `bang.memcpy`
    with the `mluMemcpyDirection_t` as an attribute; the `__bang_*` vector,
    pooling, matrix and convolution builtins each map to one op (plus a
    `kind` attribute where a family of builtins shares one signature). Each
    op's documentation gives the C signature it stands for, parameter by
    parameter, and its reference semantics.

    **Types.** C `int`/`unsigned` are signless `i32`, `size_t` is `i64`,
    `half` is `f16`, `bfloat16_t` is `bf16`, `int8_t`/`int16_t` are
    `i8`/`i16`. Plain C arithmetic, math functions and control flow use
    upstream `arith`, `math`, `scf` and `func`.

    **Host side.** `cnrtQueue_t` is `!bang.queue`, `cnrtDim3_t` is
    `!bang.dim3`, `cnrtFunctionType_t` is `#bang.func_type<...>`;
    `cnrtQueueCreate/Sync/Destroy`, `cnrtMalloc`, `cnrtMemcpy`, `cnrtFree`
    and the `kernel<<<dim, type, queue>>>(args)` launch each have an op.
  }];

  let useDefaultAttributePrinterParser = 1;
  let useDefaultTypePrinterParser = 1;
  let hasOperationAttrVerify = 1;

  let extraClassDeclaration = [{
    void registerAttributes();
    void registerTypes();

    /// Discardable attribute names this dialect owns.
    static constexpr ::llvm::StringLiteral kKernelAttrName = "bang.kernel";
    static constexpr ::llvm::StringLiteral kFuncAttrName = "bang.func";
    static constexpr ::llvm::StringLiteral kDeviceAttrName = "bang.device";
  }];
}

class Bang_Op<string mnemonic, list<Trait> traits = []>
    : Op<Bang_Dialect, mnemonic, traits>;

#endif // XPILER_DIALECT_BANG_BANGDIALECT_TD
