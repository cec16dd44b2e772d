//===- HipDialect.td - hip dialect -------------------------*- tablegen -*-===//
//
// The `hip` dialect: the HIP programming model (AMD GPUs), one op, type or
// attribute per construct of the language that upstream MLIR lacks.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_DIALECT_HIP_HIPDIALECT_TD
#define XPILER_DIALECT_HIP_HIPDIALECT_TD

include "mlir/IR/OpBase.td"

def Hip_Dialect : Dialect {
  let name = "hip";
  let cppNamespace = "::xpiler::hip";
  let summary = "the HIP programming model: SIMT kernels, MFMA, host runtime";
  let description = [{
    The `hip` dialect holds HIP kernels and their host code as written, so
    that import from and emission to HIP source are one-to-one per op. It
    has the same SIMT surface as the `cuda` dialect under HIP's names, plus
    AMD's specifics (64-lane wavefronts, 64-bit lane masks, the MFMA
    matrix-core builtins).

    **Pointers** are memrefs of any rank. Their memory space is a
    `#hip.memory_space<...>` attribute: `global` (device memory from
    `hipMalloc`, kernel pointer arguments), `shared` (LDS: `__shared__`),
    `constant` (`__constant__`) and `local` (private scratch). A memref with
    no memory space is host memory.

    **Scalars** map to builtin types: C `int`/`unsigned` are signless `i32`
    (signedness, where it changes the meaning, is an attribute of the op),
    `long long` is `i64`, `float`/`double` are `f32`/`f64`, `__half`/`half`
    is `f16`, `__hip_bfloat16`/`__bf16` is `bf16`. Conversions between
    them need no op of this dialect: `__half2float`/`__bfloat162float` are
    `arith.extf`, `__float2half`/`__float2bfloat16` (round to nearest even)
    are `arith.truncf`, and half/bfloat16 arithmetic is `arith.addf` etc. on
    `f16`/`bf16`; these carry the conversions exactly.
    `__attribute__((vector_size(N)))` / `ext_vector_type` vectors (the MFMA
    operands) are `vector<NxT>`.

    **Upstream ops** carry the rest: `arith`, `math`, `scf`/`cf`, `memref`
    (loads, stores, `memref.alloca` for local arrays, `memref.global` +
    `memref.get_global` for `__device__`/`__constant__` variables in the
    `global`/`constant` spaces), `vector` (element access of vector types)
    and `func` (every HIP function is a `func.func`).

    **Function qualifiers** are discardable attributes on `func.func`,
    checked by the dialect: `hip.kernel` (`__global__`), `hip.device`
    (`__device__`), `hip.host` (`__host__`, together with `hip.device` for
    `__host__ __device__`) and `hip.launch_bounds`
    (`__launch_bounds__(MAX_THREADS, MIN_WAVES_PER_EU)`).

    **Wavefronts.** `warpSize` (`hip.warp_size`) is 64 on the gfx9 family
    (CDNA: gfx908, gfx90a, gfx942, gfx950) and 32 on RDNA in wave32 mode;
    hence lane masks (`__ballot`, the `*_sync` masks) are 64-bit `i64`.

    **Host side.** `hipMalloc`, `hipMemcpy`, `hipFree`,
    `hipDeviceSynchronize`, streams and kernel launches
    (`hipLaunchKernelGGL(...)` and `kernel<<<...>>>(...)`, both
    `hip.launch`) are ops; their `hipError_t` results are not modelled (the
    ops are assumed to succeed).
  }];

  let useDefaultAttributePrinterParser = 1;
  let useDefaultTypePrinterParser = 1;
  let hasOperationAttrVerify = 1;

  let extraClassDeclaration = [{
    void registerAttributes();
    void registerTypes();

    /// Discardable attribute names this dialect owns.
    static constexpr ::llvm::StringLiteral kKernelAttrName = "hip.kernel";
    static constexpr ::llvm::StringLiteral kDeviceAttrName = "hip.device";
    static constexpr ::llvm::StringLiteral kHostAttrName = "hip.host";
    static constexpr ::llvm::StringLiteral kLaunchBoundsAttrName =
        "hip.launch_bounds";
  }];
}

class Hip_Op<string mnemonic, list<Trait> traits = []>
    : Op<Hip_Dialect, mnemonic, traits>;

#endif // XPILER_DIALECT_HIP_HIPDIALECT_TD
