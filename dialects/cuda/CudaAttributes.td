//===- CudaAttributes.td - cuda attributes and enums -------*- tablegen -*-===//

#ifndef XPILER_DIALECT_CUDA_CUDAATTRIBUTES_TD
#define XPILER_DIALECT_CUDA_CUDAATTRIBUTES_TD

include "cuda/CudaDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

class Cuda_I32Enum<string name, string summary, list<I32EnumAttrCase> cases>
    : I32EnumAttr<name, summary, cases> {
  let cppNamespace = "::xpiler::cuda";
  let genSpecializedAttr = 0;
}

def Cuda_MemorySpace : Cuda_I32Enum<"MemorySpace", "CUDA memory space", [
  I32EnumAttrCase<"global", 0>, I32EnumAttrCase<"shared", 1>,
  I32EnumAttrCase<"constant", 2>, I32EnumAttrCase<"local", 3>
]>;

def Cuda_Dimension : Cuda_I32Enum<"Dimension",
    "component of a dim3/uint3 built-in variable", [
  I32EnumAttrCase<"x", 0>, I32EnumAttrCase<"y", 1>, I32EnumAttrCase<"z", 2>
]>;

def Cuda_FenceScope : Cuda_I32Enum<"FenceScope",
    "scope of a memory fence or atomic", [
  I32EnumAttrCase<"block", 0>, I32EnumAttrCase<"device", 1>,
  I32EnumAttrCase<"system", 2>
]>;

def Cuda_ShuffleKind : Cuda_I32Enum<"ShuffleKind", "warp shuffle variant", [
  I32EnumAttrCase<"idx", 0>, I32EnumAttrCase<"up", 1>,
  I32EnumAttrCase<"down", 2>,
  // `xor` is a C++ operator name; the C++ enumerator is `butterfly`.
  I32EnumAttrCase<"butterfly", 3, "xor">
]>;

def Cuda_VoteKind : Cuda_I32Enum<"VoteKind", "warp vote variant", [
  I32EnumAttrCase<"ballot", 0>, I32EnumAttrCase<"any", 1>,
  I32EnumAttrCase<"all", 2>
]>;

def Cuda_AtomicKind : Cuda_I32Enum<"AtomicKind",
    "read-modify-write atomic function", [
  I32EnumAttrCase<"add", 0>, I32EnumAttrCase<"sub", 1>,
  I32EnumAttrCase<"exch", 2>, I32EnumAttrCase<"min", 3>,
  I32EnumAttrCase<"max", 4>, I32EnumAttrCase<"umin", 5>,
  I32EnumAttrCase<"umax", 6>, I32EnumAttrCase<"inc", 7>,
  I32EnumAttrCase<"dec", 8>,
  // `and`, `or`, `xor` are C++ operator names: the enumerators are bit_*.
  I32EnumAttrCase<"bit_and", 9, "and">, I32EnumAttrCase<"bit_or", 10, "or">,
  I32EnumAttrCase<"bit_xor", 11, "xor">
]>;

def Cuda_MemcpyKind : Cuda_I32Enum<"MemcpyKind",
    "cudaMemcpyKind: direction of a cudaMemcpy", [
  I32EnumAttrCase<"HostToHost", 0>, I32EnumAttrCase<"HostToDevice", 1>,
  I32EnumAttrCase<"DeviceToHost", 2>, I32EnumAttrCase<"DeviceToDevice", 3>,
  I32EnumAttrCase<"Default", 4>
]>;

def Cuda_FragmentUse : Cuda_I32Enum<"FragmentUse",
    "nvcuda::wmma fragment use", [
  I32EnumAttrCase<"matrix_a", 0>, I32EnumAttrCase<"matrix_b", 1>,
  I32EnumAttrCase<"accumulator", 2>
]>;

def Cuda_FragmentLayout : Cuda_I32Enum<"FragmentLayout",
    "nvcuda::wmma fragment layout (a template argument)", [
  I32EnumAttrCase<"row_major", 0>, I32EnumAttrCase<"col_major", 1>,
  I32EnumAttrCase<"none", 2>
]>;

def Cuda_MemLayout : Cuda_I32Enum<"MemLayout",
    "nvcuda::wmma::layout_t: memory layout of an accumulator tile", [
  I32EnumAttrCase<"mem_row_major", 0>, I32EnumAttrCase<"mem_col_major", 1>
]>;

//===----------------------------------------------------------------------===//
// Enum attributes
//===----------------------------------------------------------------------===//

def Cuda_MemorySpaceAttr : EnumAttr<Cuda_Dialect, Cuda_MemorySpace,
                                    "memory_space"> {
  let summary = "a CUDA memory space";
  let description = [{
    Memory space of a memref: `global` (device memory: `cudaMalloc`, kernel
    pointer arguments, `__device__` variables), `shared` (`__shared__`,
    per block), `constant` (`__constant__`) and `local` (per-thread memory:
    local arrays that the compiler spills). A memref without a memory space
    is host memory.

    ```mlir
    memref<32x33xf32, #cuda.memory_space<shared>>
    ```
  }];
  let assemblyFormat = "`<` $value `>`";
}

// The enums below are only used inside operations, whose custom assembly
// prints them as bare keywords (`cuda.thread_idx x`); the generic form
// prints them as `#cuda<dim x>`.

def Cuda_DimensionAttr : EnumAttr<Cuda_Dialect, Cuda_Dimension, "dim">;
def Cuda_FenceScopeAttr : EnumAttr<Cuda_Dialect, Cuda_FenceScope, "scope">;
def Cuda_ShuffleKindAttr : EnumAttr<Cuda_Dialect, Cuda_ShuffleKind, "shfl">;
def Cuda_VoteKindAttr : EnumAttr<Cuda_Dialect, Cuda_VoteKind, "vote">;
def Cuda_AtomicKindAttr : EnumAttr<Cuda_Dialect, Cuda_AtomicKind, "atomic">;
def Cuda_MemcpyKindAttr : EnumAttr<Cuda_Dialect, Cuda_MemcpyKind,
                                   "memcpy_kind">;
def Cuda_MemLayoutAttr : EnumAttr<Cuda_Dialect, Cuda_MemLayout, "layout">;

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

class Cuda_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<Cuda_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

def Cuda_LaunchBoundsAttr : Cuda_Attr<"LaunchBounds", "launch_bounds"> {
  let summary = "__launch_bounds__(maxThreads[, minBlocks])";
  let description = [{
    The arguments of a kernel's `__launch_bounds__` qualifier, attached as
    `cuda.launch_bounds` to a `cuda.kernel` function: the maximum number of
    threads per block the kernel is launched with (1 to 1024) and,
    optionally, the minimum number of resident blocks per multiprocessor
    (positive).

    ```mlir
    func.func @k(...) attributes {cuda.kernel,
                                  cuda.launch_bounds = #cuda.launch_bounds<256, 2>}
    ```
  }];
  let parameters = (ins
    "int32_t":$maxThreads,
    OptionalParameter<"std::optional<int32_t>">:$minBlocks);
  let assemblyFormat = "`<` $maxThreads (`,` $minBlocks^)? `>`";
  let genVerifyDecl = 1;
}

#endif // XPILER_DIALECT_CUDA_CUDAATTRIBUTES_TD
