//===- CudaDialect.td - cuda dialect ------------------------*- tablegen -*-===//
//
// The `cuda` dialect: the constructs of CUDA C that upstream MLIR cannot
// express one to one.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_DIALECT_CUDA_CUDADIALECT_TD
#define XPILER_DIALECT_CUDA_CUDADIALECT_TD

include "mlir/IR/OpBase.td"

def Cuda_Dialect : Dialect {
  let name = "cuda";
  let cppNamespace = "::xpiler::cuda";
  let summary = "the CUDA C programming model";
  let description = [{
    The `cuda` dialect holds CUDA C (device and host code) at source level so
    that import from and emission to `.cu` files is one to one per construct.
    Plain C is written with upstream dialects; `cuda` adds what they cannot
    express exactly.

    **Functions.** Kernels and device functions are `func.func`s with
    discardable unit attributes: `cuda.kernel` (`__global__`), `cuda.device`
    (`__device__`) and `cuda.host` (`__host__`, only meaningful together with
    `cuda.device`); `cuda.launch_bounds = #cuda.launch_bounds<256, 2>` is
    `__launch_bounds__(256, 2)` on a kernel.

    **Memory.** Pointers are memrefs whose memory space is a
    `#cuda.memory_space<global|shared|constant|local>`; a memref without a
    memory space is host memory. `__shared__` arrays declared in a kernel
    body are `cuda.shared_array`, `extern __shared__` arrays are
    `cuda.dynamic_shared`; `__shared__`/`__constant__` variables at file
    scope are `memref.global`s in the corresponding space.

    **Scalars.** C `int`/`unsigned` are signless `i32` (`long long` `i64`),
    `__half`/`__nv_bfloat16` are `f16`/`bf16`, `__half2`/`__nv_bfloat162`
    are `vector<2xf16>`/`vector<2xbf16>`. Half-precision arithmetic and
    conversions are upstream ops, because they carry the CUDA builtins
    exactly:

    | CUDA builtin | upstream op |
    |--------------|-------------|
    | `__half2float`, `__bfloat162float` | `arith.extf` (exact) |
    | `__float2half`, `__float2half_rn`, `__float2bfloat16`, `__float2bfloat16_rn`, `__double2half` | `arith.truncf` (round to nearest even, the default) |
    | `__float2half_rz`/`_rd`/`_ru`, `__float2bfloat16_rz`/`_rd`/`_ru` | `arith.truncf` with `toward_zero`/`downward`/`upward` |
    | `__int2half_rn`, `__uint2half_rn` | `arith.sitofp`, `arith.uitofp` |
    | `__half2int_rz`, `__half2uint_rz` | `arith.fptosi`, `arith.fptoui` |
    | `__half_as_short`, `__short_as_half`, `__float_as_int`, `__int_as_float` | `arith.bitcast` |
    | `__hadd`, `__hsub`, `__hmul`, `__hdiv`, `__hneg`, `__hfma` | `arith.addf`/`subf`/`mulf`/`divf`/`negf`, `math.fma` |
    | `__floats2half2_rn`, `__low2half`, `__high2half` | `vector.from_elements` + `arith.truncf`, `vector.extract` |

    **Device builtins.** `threadIdx`/`blockIdx`/`blockDim`/`gridDim` and
    `warpSize` (`cuda.thread_idx` …), barriers and fences
    (`cuda.syncthreads`, `cuda.syncwarp`, `cuda.threadfence`), warp shuffles
    and votes (`cuda.shfl_sync`, `cuda.vote_sync`), atomics
    (`cuda.atomic_rmw`, `cuda.atomic_cas`), and the `nvcuda::wmma` API: the
    `!cuda.fragment` type and the `cuda.wmma.*` ops.

    **Host side.** `cudaMalloc`, `cudaFree`, `cudaMemcpy`,
    `cudaDeviceSynchronize`, streams (`!cuda.stream`) and the
    `kernel<<<grid, block, sharedBytes, stream>>>(args)` launch
    (`cuda.launch`). The `cudaError_t` results of the runtime API are not
    modelled.
  }];

  let useDefaultAttributePrinterParser = 1;
  let useDefaultTypePrinterParser = 1;
  let hasOperationAttrVerify = 1;

  let extraClassDeclaration = [{
    void registerAttributes();
    void registerTypes();

    /// Discardable attribute names this dialect owns.
    static constexpr ::llvm::StringLiteral kKernelAttrName = "cuda.kernel";
    static constexpr ::llvm::StringLiteral kDeviceAttrName = "cuda.device";
    static constexpr ::llvm::StringLiteral kHostAttrName = "cuda.host";
    static constexpr ::llvm::StringLiteral kLaunchBoundsAttrName =
        "cuda.launch_bounds";
  }];
}

class Cuda_Op<string mnemonic, list<Trait> traits = []>
    : Op<Cuda_Dialect, mnemonic, traits>;

#endif // XPILER_DIALECT_CUDA_CUDADIALECT_TD
