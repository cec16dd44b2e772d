//===- CudaOps.td - cuda operations -------------------------*- tablegen -*-===//
//
// Root of the cuda dialect's ODS: includes the dialect, attributes and types
// and defines the operations.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_DIALECT_CUDA_CUDAOPS_TD
#define XPILER_DIALECT_CUDA_CUDAOPS_TD

include "cuda/CudaDialect.td"
include "cuda/CudaAttributes.td"
include "cuda/CudaTypes.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Built-in variables
//===----------------------------------------------------------------------===//

class Cuda_BuiltinDimOp<string mnemonic, string var, string meaning>
    : Cuda_Op<mnemonic, [Pure]> {
  let summary = "`" # var # ".x/y/z`";
  let description = [{
    The `x`, `y` or `z` component of the built-in variable `}] # var # [{`:
    }] # meaning # [{. Its C type is `unsigned int`, hence the signless
    `i32` result.

    ```mlir
    %tx = cuda.}] # mnemonic # [{ x
    ```
  }];
  let arguments = (ins Cuda_DimensionAttr:$dimension);
  let results = (outs I32:$result);
  let assemblyFormat = "custom<Enum>($dimension) attr-dict";
}

def Cuda_ThreadIdxOp : Cuda_BuiltinDimOp<"thread_idx", "threadIdx",
    "the index of the calling thread within its block">;
def Cuda_BlockIdxOp : Cuda_BuiltinDimOp<"block_idx", "blockIdx",
    "the index of the calling thread's block within the grid">;
def Cuda_BlockDimOp : Cuda_BuiltinDimOp<"block_dim", "blockDim",
    "the number of threads of a block along that dimension">;
def Cuda_GridDimOp : Cuda_BuiltinDimOp<"grid_dim", "gridDim",
    "the number of blocks of the grid along that dimension">;

def Cuda_WarpSizeOp : Cuda_Op<"warp_size", [Pure]> {
  let summary = "`warpSize`";
  let description = [{
    The number of threads of a warp (the built-in `int warpSize`, 32 on
    every NVIDIA GPU so far).

    ```mlir
    %ws = cuda.warp_size
    ```
  }];
  let results = (outs I32:$result);
  let assemblyFormat = "attr-dict";
}

//===----------------------------------------------------------------------===//
// Synchronisation
//===----------------------------------------------------------------------===//

def Cuda_SyncThreadsOp : Cuda_Op<"syncthreads"> {
  let summary = "`__syncthreads()`";
  let description = [{
    Block-wide barrier: waits until every thread of the block has reached it
    and makes their global and shared memory writes before it visible to the
    block.

    ```mlir
    cuda.syncthreads
    ```
  }];
  let assemblyFormat = "attr-dict";
}

def Cuda_SyncWarpOp : Cuda_Op<"syncwarp"> {
  let summary = "`__syncwarp(mask)`";
  let description = [{
    Warp barrier over the lanes named in `mask` (an `unsigned`; the
    `__syncwarp()` default is `0xffffffff`, which the importer makes
    explicit).

    ```mlir
    %full = arith.constant -1 : i32
    cuda.syncwarp %full
    ```
  }];
  let arguments = (ins I32:$mask);
  let assemblyFormat = "$mask attr-dict";
}

def Cuda_ThreadFenceOp : Cuda_Op<"threadfence"> {
  let summary = "`__threadfence_block()`, `__threadfence()`, `__threadfence_system()`";
  let description = [{
    Memory fence: orders the calling thread's memory accesses before the
    fence before those after it, as observed by the threads of its block
    (`block`, `__threadfence_block`), of the device (`device`,
    `__threadfence`) or of the whole system including the host (`system`,
    `__threadfence_system`).

    ```mlir
    cuda.threadfence device
    ```
  }];
  let arguments = (ins Cuda_FenceScopeAttr:$scope);
  let assemblyFormat = "custom<Enum>($scope) attr-dict";
}

//===----------------------------------------------------------------------===//
// Warp-level primitives
//===----------------------------------------------------------------------===//

def Cuda_ShuffleValue : AnyTypeOf<[I32, I64, F16, BF16, F32, F64,
    VectorOfLengthAndType<[2], [F16, BF16]>],
    "int, long long, __half, __nv_bfloat16, float, double, __half2 or "
    "__nv_bfloat162 value">;

def Cuda_ShflSyncOp : Cuda_Op<"shfl_sync",
    [AllTypesMatch<["value", "result"]>]> {
  let summary = "`__shfl_sync`, `__shfl_up_sync`, `__shfl_down_sync`, `__shfl_xor_sync`";
  let description = [{
    Exchanges `value` between the lanes of a warp named in `mask`; the warp
    is split into groups of `width` lanes (a power of two up to 32; absent
    means `warpSize`) and each lane reads `value` of the lane of its group

    | kind   | builtin            | source lane               |
    |--------|--------------------|---------------------------|
    | `idx`  | `__shfl_sync`      | `offset` (`srcLane`)      |
    | `up`   | `__shfl_up_sync`   | own − `offset` (`delta`)  |
    | `down` | `__shfl_down_sync` | own + `offset` (`delta`)  |
    | `xor`  | `__shfl_xor_sync`  | own ^ `offset` (`laneMask`) |

    (`up`/`down` keep their own value when the source falls outside the
    group).

    ```mlir
    %v = cuda.shfl_sync down %mask, %sum, %c16 : f32
    %w = cuda.shfl_sync idx %mask, %x, %c0 width %c8 : i32
    ```
  }];
  let arguments = (ins Cuda_ShuffleKindAttr:$kind, I32:$mask,
                   Cuda_ShuffleValue:$value, I32:$offset,
                   Optional<I32>:$width);
  let results = (outs Cuda_ShuffleValue:$result);
  let assemblyFormat = [{
    custom<Enum>($kind) $mask `,` $value `,` $offset (`width` $width^)? attr-dict
    `:` type($value)
  }];
  let hasVerifier = 1;
}

def Cuda_VoteSyncOp : Cuda_Op<"vote_sync"> {
  let summary = "`__ballot_sync`, `__any_sync`, `__all_sync`";
  let description = [{
    Evaluates `predicate` (a C `int`, true when non-zero) on the lanes of
    the warp named in `mask` and returns, to each of them: the bit mask of
    lanes whose predicate is true (`ballot`, an `unsigned`), whether any is
    true (`any`) or whether all are (`all`), the latter two as `int` 0/1.

    ```mlir
    %b = cuda.vote_sync ballot %mask, %pred
    ```
  }];
  let arguments = (ins Cuda_VoteKindAttr:$kind, I32:$mask, I32:$predicate);
  let results = (outs I32:$result);
  let assemblyFormat = "custom<Enum>($kind) $mask `,` $predicate attr-dict";
}

//===----------------------------------------------------------------------===//
// Atomics
//===----------------------------------------------------------------------===//

def Cuda_AtomicRMWOp : Cuda_Op<"atomic_rmw", [
    TypesMatchWith<"value type matches the memref element type", "memref",
                   "value",
                   "::llvm::cast<::mlir::MemRefType>($_self).getElementType()">,
    TypesMatchWith<"result type matches the memref element type", "memref",
                   "result",
                   "::llvm::cast<::mlir::MemRefType>($_self).getElementType()">]> {
  let summary = "`atomicAdd`, `atomicSub`, `atomicExch`, `atomicMin`, `atomicMax`, `atomicInc`, `atomicDec`, `atomicAnd`, `atomicOr`, `atomicXor`";
  let description = [{
    Atomically reads the element `memref[indices]` (in global or shared
    memory), combines it with `value` and writes the result back; returns
    the old value. Kinds and the element types CUDA defines them for:

    | kind | builtin | new value | element types |
    |------|---------|-----------|---------------|
    | `add` | `atomicAdd` | old + v | `i32`, `i64`, `f32`, `f64`, `f16`, `bf16`, `vector<2xf16>`, `vector<2xbf16>` |
    | `sub` | `atomicSub` | old − v | `i32` |
    | `exch` | `atomicExch` | v | `i32`, `i64`, `f32` |
    | `min`, `max` | `atomicMin`, `atomicMax` on `int`/`long long` | signed min/max | `i32`, `i64` |
    | `umin`, `umax` | `atomicMin`, `atomicMax` on `unsigned`/`unsigned long long` | unsigned min/max | `i32`, `i64` |
    | `inc` | `atomicInc` (`unsigned`) | old >= v ? 0 : old + 1 | `i32` |
    | `dec` | `atomicDec` (`unsigned`) | old == 0 \|\| old > v ? v : old − 1 | `i32` |
    | `and`, `or`, `xor` | `atomicAnd`, `atomicOr`, `atomicXor` | bitwise | `i32`, `i64` |

    `scope` is `device` by default; `block` and `system` are the `_block`
    and `_system` variants (`atomicAdd_block` …).

    ```mlir
    %old = cuda.atomic_rmw add %v, %hist[%bin] : memref<256xi32, #cuda.memory_space<shared>>
    %o2 = cuda.atomic_rmw umax %u, %out[%c0] scope system : memref<?xi32, #cuda.memory_space<global>>
    ```
  }];
  let arguments = (ins
    Cuda_AtomicKindAttr:$kind,
    AnyType:$value,
    Arg<AnyMemRef, "the memory updated", [MemRead, MemWrite]>:$memref,
    Variadic<Index>:$indices,
    DefaultValuedAttr<Cuda_FenceScopeAttr,
                      "::xpiler::cuda::FenceScope::device">:$scope);
  let results = (outs AnyType:$result);
  let assemblyFormat = [{
    custom<Enum>($kind) $value `,` $memref `[` $indices `]`
    `` custom<AtomicScope>($scope) attr-dict
    `:` type($memref)
  }];
  let hasVerifier = 1;
}

def Cuda_AtomicCASOp : Cuda_Op<"atomic_cas", [
    TypesMatchWith<"compare type matches the memref element type", "memref",
                   "compare",
                   "::llvm::cast<::mlir::MemRefType>($_self).getElementType()">,
    TypesMatchWith<"value type matches the memref element type", "memref",
                   "value",
                   "::llvm::cast<::mlir::MemRefType>($_self).getElementType()">,
    TypesMatchWith<"result type matches the memref element type", "memref",
                   "result",
                   "::llvm::cast<::mlir::MemRefType>($_self).getElementType()">]> {
  let summary = "`atomicCAS`";
  let description = [{
    Atomic compare-and-swap on `memref[indices]` (global or shared memory):
    stores `value` if the old element equals `compare`, and returns the old
    element. Defined for `unsigned short` (`i16`), `int`/`unsigned` (`i32`)
    and `unsigned long long` (`i64`); `scope` as for `cuda.atomic_rmw`.

    ```mlir
    %old = cuda.atomic_cas %expected, %desired, %lock[%c0] : memref<1xi32, #cuda.memory_space<global>>
    ```
  }];
  let arguments = (ins
    AnyType:$compare, AnyType:$value,
    Arg<AnyMemRef, "the memory updated", [MemRead, MemWrite]>:$memref,
    Variadic<Index>:$indices,
    DefaultValuedAttr<Cuda_FenceScopeAttr,
                      "::xpiler::cuda::FenceScope::device">:$scope);
  let results = (outs AnyType:$result);
  let assemblyFormat = [{
    $compare `,` $value `,` $memref `[` $indices `]`
    `` custom<AtomicScope>($scope) attr-dict `:` type($memref)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Shared memory
//===----------------------------------------------------------------------===//

def Cuda_SharedArrayOp : Cuda_Op<"shared_array"> {
  let summary = "a `__shared__` variable declared in a kernel or device function";
  let description = [{
    `__shared__ T name[d0][d1]…;` (or a scalar, rank 0) declared in the body
    of a `cuda.kernel` or `cuda.device` function: one buffer per block,
    shared by its threads, with the lifetime of the block. `name` keeps the
    source name for emission. The result is a statically shaped memref with
    the identity layout in `#cuda.memory_space<shared>`.

    ```mlir
    %tile = cuda.shared_array "tile" : memref<32x33xf32, #cuda.memory_space<shared>>
    ```
  }];
  let arguments = (ins OptionalAttr<StrAttr>:$name);
  let results = (outs Res<AnyMemRef, "the shared buffer", [MemAlloc]>:$result);
  let assemblyFormat = "($name^)? attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Cuda_DynamicSharedOp : Cuda_Op<"dynamic_shared", [Pure]> {
  let summary = "an `extern __shared__` array (dynamic shared memory)";
  let description = [{
    `extern __shared__ T name[];`: the block's dynamic shared memory, whose
    size in bytes is the `shared` operand of the `cuda.launch` that started
    the kernel. Every `cuda.dynamic_shared` of a launch views the same
    buffer from its start, as `size / sizeof(T)` elements of its own element
    type. The result is a 1-D memref of unknown size with the identity
    layout in `#cuda.memory_space<shared>`.

    ```mlir
    %smem = cuda.dynamic_shared "smem" : memref<?xf32, #cuda.memory_space<shared>>
    ```
  }];
  let arguments = (ins OptionalAttr<StrAttr>:$name);
  let results = (outs AnyMemRef:$result);
  let assemblyFormat = "($name^)? attr-dict `:` type($result)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// nvcuda::wmma
//===----------------------------------------------------------------------===//

def Cuda_WmmaFillFragmentOp : Cuda_Op<"wmma.fill_fragment", [Pure]> {
  let summary = "`nvcuda::wmma::fill_fragment(frag, value)`";
  let description = [{
    A fragment whose every element is `value`, whose type is the fragment's
    storage type (`f32` for `tf32`, `i8` for `si8`/`ui8`).

    ```mlir
    %zero = arith.constant 0.0 : f32
    %acc = cuda.wmma.fill_fragment %zero : f32 -> !cuda.fragment<accumulator, 16x16x16, f32>
    ```
  }];
  let arguments = (ins AnyType:$value);
  let results = (outs Cuda_FragmentType:$result);
  let assemblyFormat = "$value attr-dict `:` type($value) `->` qualified(type($result))";
  let hasVerifier = 1;
}

def Cuda_WmmaLoadMatrixSyncOp : Cuda_Op<"wmma.load_matrix_sync"> {
  let summary = "`nvcuda::wmma::load_matrix_sync(frag, ptr, ldm[, layout])`";
  let description = [{
    Warp-collective load of a fragment from the tile whose first element is
    `memref[indices]` (global or shared memory, element type the fragment's
    storage type), with leading dimension `ldm` elements (an `unsigned`).
    `matrix_a`/`matrix_b` fragments take their layout from their type;
    accumulator loads take it as `mem_row_major`/`mem_col_major`
    (`nvcuda::wmma::layout_t`).

    ```mlir
    %a = cuda.wmma.load_matrix_sync %A[%row, %k], %lda
        : memref<?x?xf16, #cuda.memory_space<global>> -> !cuda.fragment<matrix_a, 16x16x16, f16, row_major>
    %c = cuda.wmma.load_matrix_sync %C[%row, %col], %ldc mem_row_major
        : memref<?x?xf32, #cuda.memory_space<global>> -> !cuda.fragment<accumulator, 16x16x16, f32>
    ```
  }];
  let arguments = (ins
    Arg<AnyMemRef, "the tile read", [MemRead]>:$memref,
    Variadic<Index>:$indices, I32:$ldm,
    OptionalAttr<Cuda_MemLayoutAttr>:$layout);
  let results = (outs Cuda_FragmentType:$result);
  let assemblyFormat = [{
    $memref `[` $indices `]` `,` $ldm `` custom<OptionalMemLayout>($layout)
    attr-dict
    `:` type($memref) `->` qualified(type($result))
  }];
  let hasVerifier = 1;
}

def Cuda_WmmaMmaSyncOp : Cuda_Op<"wmma.mma_sync", [Pure]> {
  let summary = "`nvcuda::wmma::mma_sync(d, a, b, c[, satf])`";
  let description = [{
    Warp-collective matrix multiply-accumulate `d = a * b + c` on tensor
    cores. `a` is a `matrix_a`, `b` a `matrix_b`, `c` and `d` accumulator
    fragments, all of the same shape; `a` and `b` have the same element
    type, and the accumulators the element type it accumulates into: `f16`
    or `f32` (each of `c` and `d`) for `f16`, `f32` for `bf16` and `tf32`,
    `i32` for `si8`/`ui8`, `f64` for `f64`. `satf` (integer multiplicands
    only) saturates the result to the range of `int`.

    ```mlir
    %d = cuda.wmma.mma_sync %a, %b, %c
        : !cuda.fragment<matrix_a, 16x16x16, f16, row_major>,
          !cuda.fragment<matrix_b, 16x16x16, f16, col_major>,
          !cuda.fragment<accumulator, 16x16x16, f32>
        -> !cuda.fragment<accumulator, 16x16x16, f32>
    ```
  }];
  let arguments = (ins Cuda_FragmentType:$a, Cuda_FragmentType:$b,
                   Cuda_FragmentType:$c, UnitAttr:$satf);
  let results = (outs Cuda_FragmentType:$d);
  let assemblyFormat = [{
    $a `,` $b `,` $c (`satf` $satf^)? attr-dict
    `:` qualified(type($a)) `,` qualified(type($b)) `,` qualified(type($c)) `->` qualified(type($d))
  }];
  let hasVerifier = 1;
}

def Cuda_WmmaStoreMatrixSyncOp : Cuda_Op<"wmma.store_matrix_sync"> {
  let summary = "`nvcuda::wmma::store_matrix_sync(ptr, frag, ldm, layout)`";
  let description = [{
    Warp-collective store of an accumulator fragment to the tile whose first
    element is `memref[indices]` (global or shared memory, element type the
    fragment's), with leading dimension `ldm` and memory layout `layout`.

    ```mlir
    cuda.wmma.store_matrix_sync %d, %C[%row, %col], %ldc mem_row_major
        : !cuda.fragment<accumulator, 16x16x16, f32>, memref<?x?xf32, #cuda.memory_space<global>>
    ```
  }];
  let arguments = (ins
    Cuda_FragmentType:$fragment,
    Arg<AnyMemRef, "the tile written", [MemWrite]>:$memref,
    Variadic<Index>:$indices, I32:$ldm, Cuda_MemLayoutAttr:$layout);
  let assemblyFormat = [{
    $fragment `,` $memref `[` $indices `]` `,` $ldm custom<Enum>($layout) attr-dict
    `:` qualified(type($fragment)) `,` type($memref)
  }];
  let hasVerifier = 1;
}

def Cuda_WmmaFragmentExtractOp : Cuda_Op<"wmma.fragment_extract", [Pure]> {
  let summary = "read `frag.x[i]`";
  let description = [{
    Element `index` of the calling thread's part of a fragment (`frag.x[i]`),
    of the fragment's storage type. Which matrix element it holds is
    unspecified by CUDA; `index` must be below `num_elements`.

    ```mlir
    %e = cuda.wmma.fragment_extract %acc[%i] : !cuda.fragment<accumulator, 16x16x16, f32> -> f32
    ```
  }];
  let arguments = (ins Cuda_FragmentType:$fragment, Index:$index);
  let results = (outs AnyType:$result);
  let assemblyFormat = [{
    $fragment `[` $index `]` attr-dict `:` qualified(type($fragment)) `->` qualified(type($result))
  }];
  let hasVerifier = 1;
}

def Cuda_WmmaFragmentInsertOp : Cuda_Op<"wmma.fragment_insert", [
    Pure, AllTypesMatch<["fragment", "result"]>]> {
  let summary = "write `frag.x[i] = value`";
  let description = [{
    The fragment with element `index` of the calling thread's part replaced
    by `value` (of the fragment's storage type).

    ```mlir
    %acc2 = cuda.wmma.fragment_insert %v, %acc[%i] : f32 -> !cuda.fragment<accumulator, 16x16x16, f32>
    ```
  }];
  let arguments = (ins AnyType:$value, Cuda_FragmentType:$fragment,
                   Index:$index);
  let results = (outs Cuda_FragmentType:$result);
  let assemblyFormat = [{
    $value `,` $fragment `[` $index `]` attr-dict `:` type($value) `->`
    qualified(type($fragment))
  }];
  let hasVerifier = 1;
}

def Cuda_WmmaNumElementsOp : Cuda_Op<"wmma.num_elements", [Pure]> {
  let summary = "`fragment<...>::num_elements`";
  let description = [{
    The number of elements `x[0 .. num_elements)` each thread holds of a
    fragment of type `fragment` (an `int` fixed by the architecture's
    `mma.h`, e.g. 8 for a 16x16x16 `f32` accumulator).

    ```mlir
    %n = cuda.wmma.num_elements !cuda.fragment<accumulator, 16x16x16, f32>
    ```
  }];
  let arguments = (ins TypeAttrOf<Cuda_FragmentType>:$fragment);
  let results = (outs I32:$result);
  let assemblyFormat = "qualified($fragment) attr-dict";
}

//===----------------------------------------------------------------------===//
// Host runtime
//===----------------------------------------------------------------------===//

def Cuda_MallocOp : Cuda_Op<"malloc"> {
  let summary = "`cudaMalloc(&ptr, size)`";
  let description = [{
    Allocates `size` bytes of device memory. The result is a 1-D memref of
    dynamic size (`size / sizeof(element)` elements) with the identity
    layout in `#cuda.memory_space<global>`.

    ```mlir
    %bytes = arith.muli %n, %c4 : index
    %d_a = cuda.malloc %bytes : memref<?xf32, #cuda.memory_space<global>>
    ```
  }];
  let arguments = (ins Index:$size);
  let results = (outs Res<AnyMemRef, "the device buffer", [MemAlloc]>:$result);
  let assemblyFormat = "$size attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Cuda_FreeOp : Cuda_Op<"free"> {
  let summary = "`cudaFree(ptr)`";
  let description = [{
    Frees device memory allocated by `cuda.malloc`.

    ```mlir
    cuda.free %d_a : memref<?xf32, #cuda.memory_space<global>>
    ```
  }];
  let arguments = (ins Arg<AnyMemRef, "the freed buffer", [MemFree]>:$memref);
  let assemblyFormat = "$memref attr-dict `:` type($memref)";
  let hasVerifier = 1;
}

def Cuda_MemcpyOp : Cuda_Op<"memcpy"> {
  let summary = "`cudaMemcpy(dst, src, count, kind)`";
  let description = [{
    Copies `count` bytes from `src` to `dst` (memrefs of the same element
    type). `kind` is the `cudaMemcpyKind` and must agree with where the
    buffers live: host memory is a memref without a memory space, device
    memory one in `#cuda.memory_space<global>`; `Default` (unified
    addressing) accepts either for both.

    ```mlir
    cuda.memcpy HostToDevice %d_a, %h_a, %bytes
        : memref<?xf32, #cuda.memory_space<global>>, memref<?xf32>
    ```
  }];
  let arguments = (ins
    Cuda_MemcpyKindAttr:$kind,
    Arg<AnyMemRef, "the destination", [MemWrite]>:$dst,
    Arg<AnyMemRef, "the source", [MemRead]>:$src,
    Index:$count);
  let assemblyFormat = [{
    custom<Enum>($kind) $dst `,` $src `,` $count attr-dict `:` type($dst) `,` type($src)
  }];
  let hasVerifier = 1;
}

def Cuda_DeviceSynchronizeOp : Cuda_Op<"device_synchronize"> {
  let summary = "`cudaDeviceSynchronize()`";
  let description = [{
    Waits until the device has finished all preceding work.

    ```mlir
    cuda.device_synchronize
    ```
  }];
  let assemblyFormat = "attr-dict";
}

def Cuda_StreamCreateOp : Cuda_Op<"stream_create"> {
  let summary = "`cudaStreamCreate(&stream)`";
  let description = [{
    Creates a stream.

    ```mlir
    %s = cuda.stream_create
    ```
  }];
  let results = (outs Cuda_StreamType:$stream);
  let assemblyFormat = "attr-dict";
}

def Cuda_StreamSynchronizeOp : Cuda_Op<"stream_synchronize"> {
  let summary = "`cudaStreamSynchronize(stream)`";
  let description = [{
    Waits until all work queued on `stream` has finished.

    ```mlir
    cuda.stream_synchronize %s
    ```
  }];
  let arguments = (ins Cuda_StreamType:$stream);
  let assemblyFormat = "$stream attr-dict";
}

def Cuda_StreamDestroyOp : Cuda_Op<"stream_destroy"> {
  let summary = "`cudaStreamDestroy(stream)`";
  let description = [{
    Destroys `stream` once its queued work has finished.

    ```mlir
    cuda.stream_destroy %s
    ```
  }];
  let arguments = (ins Cuda_StreamType:$stream);
  let assemblyFormat = "$stream attr-dict";
}

def Cuda_LaunchOp : Cuda_Op<"launch", [
    DeclareOpInterfaceMethods<SymbolUserOpInterface>,
    AttrSizedOperandSegments]> {
  let summary = "`kernel<<<grid, block, sharedBytes, stream>>>(args)`";
  let description = [{
    Launches the `cuda.kernel` function `kernel` on a grid of
    `grid` (x, y, z) blocks of `block` (x, y, z) threads with `args` as its
    arguments (same number and types as the kernel's parameters). `shared`
    is the dynamic shared memory size in bytes (absent: 0) and `stream` the
    stream (absent: the default stream). If the kernel has
    `cuda.launch_bounds` and the block size is constant, it must not exceed
    their `maxThreads`.

    ```mlir
    cuda.launch @vecadd grid(%gx, %c1, %c1) block(%c256, %c1, %c1)
        args(%d_a, %d_b, %n : memref<?xf32, #cuda.memory_space<global>>,
                              memref<?xf32, #cuda.memory_space<global>>, i32)
    cuda.launch @reduce grid(%gx, %c1, %c1) block(%c256, %c1, %c1)
        shared(%bytes) stream(%s) args(%d_a : memref<?xf32, #cuda.memory_space<global>>)
    ```
  }];
  let arguments = (ins
    FlatSymbolRefAttr:$kernel,
    Index:$gridX, Index:$gridY, Index:$gridZ,
    Index:$blockX, Index:$blockY, Index:$blockZ,
    Optional<Index>:$sharedBytes,
    Optional<Cuda_StreamType>:$stream,
    Variadic<AnyType>:$args);
  let assemblyFormat = [{
    $kernel `grid` `(` $gridX `,` $gridY `,` $gridZ `)`
    `block` `(` $blockX `,` $blockY `,` $blockZ `)`
    (`shared` `(` $sharedBytes^ `)`)?
    (`stream` `(` $stream^ `)`)?
    (`args` `(` $args^ `:` type($args) `)`)? attr-dict
  }];
}

#endif // XPILER_DIALECT_CUDA_CUDAOPS_TD
