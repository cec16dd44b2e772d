//===- HipAttributes.td - hip attributes and enums ---------*- tablegen -*-===//

#ifndef XPILER_DIALECT_HIP_HIPATTRIBUTES_TD
#define XPILER_DIALECT_HIP_HIPATTRIBUTES_TD

include "hip/HipDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def Hip_MemorySpace : I32EnumAttr<"MemorySpace", "HIP memory space", [
  I32EnumAttrCase<"global", 0>, I32EnumAttrCase<"shared", 1>,
  I32EnumAttrCase<"constant", 2>, I32EnumAttrCase<"local", 3>
]> {
  let cppNamespace = "::xpiler::hip";
  let genSpecializedAttr = 0;
}

def Hip_Dim : I32EnumAttr<"Dim", "a dimension of a dim3", [
  I32EnumAttrCase<"x", 0>, I32EnumAttrCase<"y", 1>, I32EnumAttrCase<"z", 2>
]> {
  let cppNamespace = "::xpiler::hip";
  let genSpecializedAttr = 0;
}

def Hip_FenceScope : I32EnumAttr<"FenceScope",
    "scope of a memory fence", [
  I32EnumAttrCase<"block", 0>, I32EnumAttrCase<"device", 1>,
  I32EnumAttrCase<"system", 2>
]> {
  let cppNamespace = "::xpiler::hip";
  let genSpecializedAttr = 0;
}

def Hip_ShuffleKind : I32EnumAttr<"ShuffleKind",
    "lane selection of a warp shuffle", [
  I32EnumAttrCase<"idx", 0>, I32EnumAttrCase<"up", 1>,
  I32EnumAttrCase<"down", 2>, I32EnumAttrCase<"Xor", 3, "xor">
]> {
  let cppNamespace = "::xpiler::hip";
  let genSpecializedAttr = 0;
}

def Hip_VoteKind : I32EnumAttr<"VoteKind", "a warp vote reduction", [
  I32EnumAttrCase<"any", 0>, I32EnumAttrCase<"all", 1>
]> {
  let cppNamespace = "::xpiler::hip";
  let genSpecializedAttr = 0;
}

def Hip_AtomicKind : I32EnumAttr<"AtomicKind",
    "read-modify-write operation of an atomic", [
  I32EnumAttrCase<"add", 0>, I32EnumAttrCase<"sub", 1>,
  I32EnumAttrCase<"exch", 2>, I32EnumAttrCase<"min", 3>,
  I32EnumAttrCase<"max", 4>, I32EnumAttrCase<"inc", 5>,
  I32EnumAttrCase<"dec", 6>, I32EnumAttrCase<"And", 7, "and">,
  I32EnumAttrCase<"Or", 8, "or">, I32EnumAttrCase<"Xor", 9, "xor">
]> {
  let cppNamespace = "::xpiler::hip";
  let genSpecializedAttr = 0;
}

def Hip_MemcpyKind : I32EnumAttr<"MemcpyKind",
    "direction of a hipMemcpy (hipMemcpyKind)", [
  I32EnumAttrCase<"host_to_host", 0>, I32EnumAttrCase<"host_to_device", 1>,
  I32EnumAttrCase<"device_to_host", 2>,
  I32EnumAttrCase<"device_to_device", 3>, I32EnumAttrCase<"Default", 4, "default">
]> {
  let cppNamespace = "::xpiler::hip";
  let genSpecializedAttr = 0;
}

def Hip_MfmaKind : I32EnumAttr<"MfmaKind",
    "an AMD matrix-core builtin __builtin_amdgcn_mfma_<kind>", [
  // CDNA1 (gfx908) and later.
  I32EnumAttrCase<"f32_32x32x1f32", 0>,
  I32EnumAttrCase<"f32_16x16x1f32", 1>,
  I32EnumAttrCase<"f32_4x4x1f32", 2>,
  I32EnumAttrCase<"f32_32x32x2f32", 3>,
  I32EnumAttrCase<"f32_16x16x4f32", 4>,
  I32EnumAttrCase<"f32_32x32x4f16", 5>,
  I32EnumAttrCase<"f32_16x16x4f16", 6>,
  I32EnumAttrCase<"f32_4x4x4f16", 7>,
  I32EnumAttrCase<"f32_32x32x8f16", 8>,
  I32EnumAttrCase<"f32_16x16x16f16", 9>,
  I32EnumAttrCase<"i32_32x32x4i8", 10>,
  I32EnumAttrCase<"i32_16x16x4i8", 11>,
  I32EnumAttrCase<"i32_4x4x4i8", 12>,
  I32EnumAttrCase<"i32_32x32x8i8", 13>,
  I32EnumAttrCase<"i32_16x16x16i8", 14>,
  I32EnumAttrCase<"f32_32x32x2bf16", 15>,
  I32EnumAttrCase<"f32_16x16x2bf16", 16>,
  I32EnumAttrCase<"f32_4x4x2bf16", 17>,
  I32EnumAttrCase<"f32_32x32x4bf16", 18>,
  I32EnumAttrCase<"f32_16x16x8bf16", 19>,
  // CDNA2 (gfx90a) and later.
  I32EnumAttrCase<"f32_32x32x4bf16_1k", 20>,
  I32EnumAttrCase<"f32_16x16x4bf16_1k", 21>,
  I32EnumAttrCase<"f32_4x4x4bf16_1k", 22>,
  I32EnumAttrCase<"f32_32x32x8bf16_1k", 23>,
  I32EnumAttrCase<"f32_16x16x16bf16_1k", 24>,
  I32EnumAttrCase<"f64_16x16x4f64", 25>,
  I32EnumAttrCase<"f64_4x4x4f64", 26>,
  // CDNA3 (gfx940, gfx942).
  I32EnumAttrCase<"i32_16x16x32_i8", 27>,
  I32EnumAttrCase<"i32_32x32x16_i8", 28>,
  I32EnumAttrCase<"f32_16x16x8_xf32", 29>,
  I32EnumAttrCase<"f32_32x32x4_xf32", 30>,
  I32EnumAttrCase<"f32_16x16x32_bf8_bf8", 31>,
  I32EnumAttrCase<"f32_16x16x32_bf8_fp8", 32>,
  I32EnumAttrCase<"f32_16x16x32_fp8_bf8", 33>,
  I32EnumAttrCase<"f32_16x16x32_fp8_fp8", 34>,
  I32EnumAttrCase<"f32_32x32x16_bf8_bf8", 35>,
  I32EnumAttrCase<"f32_32x32x16_bf8_fp8", 36>,
  I32EnumAttrCase<"f32_32x32x16_fp8_bf8", 37>,
  I32EnumAttrCase<"f32_32x32x16_fp8_fp8", 38>,
  // CDNA4 (gfx950).
  I32EnumAttrCase<"f32_16x16x32_f16", 39>,
  I32EnumAttrCase<"f32_32x32x16_f16", 40>,
  I32EnumAttrCase<"f32_16x16x32_bf16", 41>,
  I32EnumAttrCase<"f32_32x32x16_bf16", 42>,
  I32EnumAttrCase<"i32_16x16x64_i8", 43>,
  I32EnumAttrCase<"i32_32x32x32_i8", 44>
]> {
  let cppNamespace = "::xpiler::hip";
  let genSpecializedAttr = 0;
}

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

def Hip_MemorySpaceAttr : EnumAttr<Hip_Dialect, Hip_MemorySpace,
                                   "memory_space"> {
  let summary = "a HIP memory space";
  let description = [{
    The memory space of a memref: `global` (device memory: `hipMalloc`
    results, kernel pointer arguments, `__device__` variables), `shared`
    (the LDS of a workgroup: `__shared__`), `constant` (`__constant__`) or
    `local` (private per-thread scratch). Host memory has no memory space.

    ```mlir
    memref<256xf32, #hip.memory_space<shared>>
    ```
  }];
  let assemblyFormat = "`<` $value `>`";
}

def Hip_DimAttr : EnumAttr<Hip_Dialect, Hip_Dim, "dim"> {
  let summary = "a dimension (x, y or z) of a dim3";
  let assemblyFormat = "`<` $value `>`";
}

def Hip_FenceScopeAttr : EnumAttr<Hip_Dialect, Hip_FenceScope,
                                  "fence_scope"> {
  let summary = "scope of a __threadfence";
  let description = [{
    `block` is `__threadfence_block()`, `device` is `__threadfence()`,
    `system` is `__threadfence_system()`.
  }];
  let assemblyFormat = "`<` $value `>`";
}

def Hip_ShuffleKindAttr : EnumAttr<Hip_Dialect, Hip_ShuffleKind,
                                   "shuffle_kind"> {
  let summary = "lane selection of a shuffle";
  let description = [{
    `idx` is `__shfl` (read lane `src`), `up` is `__shfl_up` (lane
    `id - delta`), `down` is `__shfl_down` (lane `id + delta`), `xor` is
    `__shfl_xor` (lane `id ^ mask`).
  }];
  let assemblyFormat = "`<` $value `>`";
}

def Hip_VoteKindAttr : EnumAttr<Hip_Dialect, Hip_VoteKind, "vote_kind"> {
  let summary = "reduction of a warp vote: `__any` or `__all`";
  let assemblyFormat = "`<` $value `>`";
}

def Hip_AtomicKindAttr : EnumAttr<Hip_Dialect, Hip_AtomicKind,
                                  "atomic_kind"> {
  let summary = "operation of an atomic<Kind> builtin";
  let description = [{
    `add`, `sub`, `exch`, `min`, `max`, `inc`, `dec`, `and`, `or`, `xor`
    are `atomicAdd`, `atomicSub`, `atomicExch`, `atomicMin`, `atomicMax`,
    `atomicInc`, `atomicDec`, `atomicAnd`, `atomicOr`, `atomicXor`.
  }];
  let assemblyFormat = "`<` $value `>`";
}

def Hip_MemcpyKindAttr : EnumAttr<Hip_Dialect, Hip_MemcpyKind,
                                  "memcpy_kind"> {
  let summary = "a hipMemcpyKind";
  let description = [{
    `hipMemcpyHostToHost`, `hipMemcpyHostToDevice`,
    `hipMemcpyDeviceToHost`, `hipMemcpyDeviceToDevice` and
    `hipMemcpyDefault` (direction inferred from the pointers at run time).
  }];
  let assemblyFormat = "`<` $value `>`";
}

def Hip_MfmaKindAttr : EnumAttr<Hip_Dialect, Hip_MfmaKind, "mfma_kind"> {
  let summary = "which __builtin_amdgcn_mfma_* builtin";
  let description = [{
    The suffix of the builtin's name, e.g. `f32_32x32x8f16` for
    `__builtin_amdgcn_mfma_f32_32x32x8f16`. See `hip.mfma` for the operand
    types of each.
  }];
  let assemblyFormat = "`<` $value `>`";
}

#endif // XPILER_DIALECT_HIP_HIPATTRIBUTES_TD
