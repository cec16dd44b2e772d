//===- HipOps.td - hip operations --------------------------*- tablegen -*-===//

#ifndef XPILER_DIALECT_HIP_HIPOPS_TD
#define XPILER_DIALECT_HIP_HIPOPS_TD

include "hip/HipDialect.td"
include "hip/HipAttributes.td"
include "hip/HipTypes.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Type constraints
//===----------------------------------------------------------------------===//

def Hip_ShuffleValue : AnyTypeOf<[I32, I64, F16, F32, F64],
    "a 32- or 64-bit integer or a half, float or double">;
def Hip_AtomicValue : AnyTypeOf<[I32, I64, F32, F64],
    "int, unsigned, unsigned long long, float or double">;
def Hip_CASValue : AnyTypeOf<[I32, I64], "int, unsigned or unsigned long long">;
def Hip_MfmaSource : AnyTypeOf<[F32, F64, I32, I64,
    VectorOfRankAndType<[1], [F16, BF16, I16, F32, I32]>],
    "an MFMA A/B operand (scalar or vector)">;
def Hip_MfmaAccumulator : AnyTypeOf<[F64,
    VectorOfRankAndType<[1], [F32, F64, I32]>],
    "an MFMA accumulator (vector, or f64 for f64_4x4x4f64)">;

class Hip_MatchesElementType<string name>
    : TypesMatchWith<name # " type matches the memref element type",
                     "memref", name,
                     "::llvm::cast<::mlir::MemRefType>($_self).getElementType()">;

//===----------------------------------------------------------------------===//
// Thread hierarchy
//===----------------------------------------------------------------------===//

class Hip_DimQueryOp<string mnemonic, string builtin, string hipName,
                     string what>
    : Hip_Op<mnemonic, [Pure]> {
  let summary = builtin # ".{x,y,z}: " # what;
  let description = !strconcat([{
    Returns `}], builtin, [{.x`, `.y` or `.z` (}], what, [{) as an
    `i32`. HIP's older spellings `}], hipName, [{_x`, `_y`, `_z` are the
    same op. Its C type is `unsigned int`, hence the signless `i32` result
    (the same as the cuda dialect's, so CUDA ↔ HIP maps these ops 1:1).

    ```mlir
    %tx = hip.}], mnemonic, [{ <x>
    ```
  }]);
  let arguments = (ins Hip_DimAttr:$dim);
  let results = (outs I32:$result);
  let assemblyFormat = "$dim attr-dict";
}

def Hip_ThreadIdxOp : Hip_DimQueryOp<"thread_idx", "threadIdx", "hipThreadIdx",
    "the thread's index in its block">;
def Hip_BlockIdxOp : Hip_DimQueryOp<"block_idx", "blockIdx", "hipBlockIdx",
    "the block's index in the grid">;
def Hip_BlockDimOp : Hip_DimQueryOp<"block_dim", "blockDim", "hipBlockDim",
    "the number of threads of a block">;
def Hip_GridDimOp : Hip_DimQueryOp<"grid_dim", "gridDim", "hipGridDim",
    "the number of blocks of the grid">;

def Hip_WarpSizeOp : Hip_Op<"warp_size", [Pure]> {
  let summary = "warpSize: lanes of a wavefront";
  let description = [{
    The number of lanes of a wavefront: 64 on every gfx9 target (CDNA:
    gfx908, gfx90a, gfx942, gfx950), 32 on RDNA compiled for wave32. It is
    not a compile-time constant of the HIP language, so it stays an op until
    the module's target (`xpl.target`) is known.

    ```mlir
    %ws = hip.warp_size
    ```
  }];
  let results = (outs I32:$result);
  let assemblyFormat = "attr-dict";
}

//===----------------------------------------------------------------------===//
// Synchronisation
//===----------------------------------------------------------------------===//

def Hip_SyncThreadsOp : Hip_Op<"syncthreads"> {
  let summary = "__syncthreads(): workgroup barrier";
  let description = [{
    Waits until every thread of the block has reached this point and makes
    their global and shared memory writes visible to the block.

    ```mlir
    hip.syncthreads
    ```
  }];
  let assemblyFormat = "attr-dict";
}

def Hip_ThreadFenceOp : Hip_Op<"threadfence"> {
  let summary = "__threadfence{_block,,_system}(): memory fence";
  let description = [{
    Orders the calling thread's memory accesses as seen by the block
    (`__threadfence_block`), the device (`__threadfence`) or the whole
    system including the host (`__threadfence_system`).

    ```mlir
    hip.threadfence <device>
    ```
  }];
  let arguments = (ins Hip_FenceScopeAttr:$scope);
  let assemblyFormat = "$scope attr-dict";
}

//===----------------------------------------------------------------------===//
// Cross-lane operations
//===----------------------------------------------------------------------===//

def Hip_ShflOp : Hip_Op<"shfl", [NoMemoryEffect, AttrSizedOperandSegments,
                                 AllTypesMatch<["value", "result"]>]> {
  let summary = "__shfl{,_up,_down,_xor}[_sync]: read another lane's value";
  let description = [{
    Returns `value` as held by another lane of the wavefront: lane `offset`
    (`idx`: `__shfl(var, srcLane, width)`), `id - offset` (`up`:
    `__shfl_up(var, delta, width)`), `id + offset` (`down`:
    `__shfl_down`) or `id ^ offset` (`xor`: `__shfl_xor(var, laneMask,
    width)`), within segments of `width` lanes (default `warpSize`). With a
    64-bit `mask` it is the `*_sync` form (`__shfl_down_sync(mask, var,
    delta, width)`), whose mask names the participating lanes.

    `width` must be a power of two no larger than the wavefront (64); the
    verifier checks it when it is a constant.

    ```mlir
    %r = hip.shfl <down> %v, %c16 : f32
    %s = hip.shfl <xor> %v, %c1 width(%c32) mask(%full) : f32
    ```
  }];
  let arguments = (ins Hip_ShuffleKindAttr:$kind, Hip_ShuffleValue:$value,
                       I32:$offset, Optional<I32>:$width,
                       Optional<I64>:$mask);
  let results = (outs Hip_ShuffleValue:$result);
  let assemblyFormat = [{
    $kind $value `,` $offset (`width` `(` $width^ `)`)?
    (`mask` `(` $mask^ `)`)? attr-dict `:` type($value)
  }];
  let hasVerifier = 1;
}

def Hip_VoteOp : Hip_Op<"vote", [NoMemoryEffect]> {
  let summary = "__any / __all [_sync]: wavefront vote";
  let description = [{
    Whether `predicate` holds for any (`__any(pred)`) or all (`__all(pred)`)
    active lanes; with `mask`, the `__any_sync(mask, pred)` /
    `__all_sync(mask, pred)` forms. The C predicate and result are `int`;
    here they are `i1` (`pred != 0`), which the importer and emitter
    convert.

    ```mlir
    %any = hip.vote <any> %p : i1
    ```
  }];
  let arguments = (ins Hip_VoteKindAttr:$kind, I1:$predicate,
                       Optional<I64>:$mask);
  let results = (outs I1:$result);
  let assemblyFormat = [{
    $kind $predicate (`mask` `(` $mask^ `)`)? attr-dict `:` type($result)
  }];
}

def Hip_BallotOp : Hip_Op<"ballot", [NoMemoryEffect]> {
  let summary = "__ballot[_sync]: 64-bit mask of lanes whose predicate holds";
  let description = [{
    Returns a 64-bit mask (`unsigned long long`) whose bit `i` is set when
    lane `i` is active and its `predicate` holds: `__ballot(pred)`, or with
    `mask` `__ballot_sync(mask, pred)`. On wave32 targets the upper half is
    zero.

    ```mlir
    %bits = hip.ballot %p : i64
    ```
  }];
  let arguments = (ins I1:$predicate, Optional<I64>:$mask);
  let results = (outs I64:$result);
  let assemblyFormat = [{
    $predicate (`mask` `(` $mask^ `)`)? attr-dict `:` type($result)
  }];
}

//===----------------------------------------------------------------------===//
// Atomics
//===----------------------------------------------------------------------===//

def Hip_AtomicOp : Hip_Op<"atomic", [
    Hip_MatchesElementType<"value">, Hip_MatchesElementType<"result">]> {
  let summary = "atomic{Add,Sub,Exch,Min,Max,Inc,Dec,And,Or,Xor}";
  let description = [{
    Atomically replaces `memref[indices]` (a `global` or `shared` memref)
    with `old <kind> value` and returns `old`:

    | kind | builtin | element types |
    |------|---------|---------------|
    | `add`, `sub`, `exch`, `min`, `max` | `atomicAdd` ... `atomicMax` | i32, i64, f32, f64 |
    | `and`, `or`, `xor` | `atomicAnd`, `atomicOr`, `atomicXor` | i32, i64 |
    | `inc`, `dec` | `atomicInc`, `atomicDec` (`unsigned`, wrapping at `value`) | i32 |

    `unsigned` marks the `unsigned int`/`unsigned long long` overloads of
    integer atomics; it changes the meaning of `min` and `max`.

    ```mlir
    %old = hip.atomic <add> %x, %sum[%c0] : memref<1xf32, #hip.memory_space<global>>
    %m = hip.atomic <max> unsigned %u, %hist[%i] : memref<256xi32, #hip.memory_space<shared>>
    ```
  }];
  let arguments = (ins Hip_AtomicKindAttr:$kind,
                       Arg<AnyMemRef, "the updated buffer",
                           [MemRead, MemWrite]>:$memref,
                       Variadic<Index>:$indices, Hip_AtomicValue:$value,
                       UnitAttr:$is_unsigned);
  let results = (outs Hip_AtomicValue:$result);
  let assemblyFormat = [{
    $kind (`unsigned` $is_unsigned^)? $value `,` $memref `[` $indices `]`
    attr-dict `:` type($memref)
  }];
  let hasVerifier = 1;
}

def Hip_AtomicCASOp : Hip_Op<"atomic_cas", [
    Hip_MatchesElementType<"compare">, Hip_MatchesElementType<"value">,
    Hip_MatchesElementType<"result">]> {
  let summary = "atomicCAS: compare and swap";
  let description = [{
    `atomicCAS(address, compare, val)`: atomically stores `value` to
    `memref[indices]` if it holds `compare`, and returns the old value in
    either case. `memref` is `global` or `shared`.

    ```mlir
    %old = hip.atomic_cas %lock[%c0], %c0_i32, %c1_i32 : memref<1xi32, #hip.memory_space<global>>
    ```
  }];
  let arguments = (ins Arg<AnyMemRef, "the updated buffer",
                           [MemRead, MemWrite]>:$memref,
                       Variadic<Index>:$indices, Hip_CASValue:$compare,
                       Hip_CASValue:$value);
  let results = (outs Hip_CASValue:$result);
  let assemblyFormat = [{
    $memref `[` $indices `]` `,` $compare `,` $value attr-dict `:`
    type($memref)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Shared memory
//===----------------------------------------------------------------------===//

def Hip_SharedAllocOp : Hip_Op<"shared_alloc"> {
  let summary = "a __shared__ array";
  let description = [{
    A statically sized `__shared__` array of the enclosing kernel or device
    function: one instance per workgroup, alive for the whole launch. The
    result is a statically shaped memref in the `shared` memory space with
    the identity layout.

    ```mlir
    // __shared__ float tile[16][17];
    %tile = hip.shared_alloc : memref<16x17xf32, #hip.memory_space<shared>>
    ```
  }];
  let results = (outs Res<AnyStaticShapeMemRef, "the shared array",
                          [MemAlloc]>:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Hip_DynamicSharedOp : Hip_Op<"dynamic_shared", [Pure]> {
  let summary = "an extern __shared__ array (dynamic shared memory)";
  let description = [{
    `extern __shared__ T buf[];` (or `HIP_DYNAMIC_SHARED(T, buf)`): the
    dynamic shared memory of the workgroup, whose size in bytes is the
    launch's `shared` operand. The result is a rank-1 memref of dynamic size
    in the `shared` memory space; every such declaration aliases the same
    base.

    ```mlir
    %buf = hip.dynamic_shared : memref<?xf32, #hip.memory_space<shared>>
    ```
  }];
  let results = (outs AnyMemRef:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Matrix cores
//===----------------------------------------------------------------------===//

def Hip_MfmaOp : Hip_Op<"mfma", [NoMemoryEffect,
                                 AllTypesMatch<["c", "result"]>]> {
  let summary = "__builtin_amdgcn_mfma_*: matrix fused multiply-add";
  let description = [{
    `d = __builtin_amdgcn_mfma_<kind>(a, b, c, cbsz, abid, blgp)`: one
    wavefront (64 lanes) computes `D = A * B + C` for the `M x N x K`
    shape (and number of blocks) of `kind`; each lane holds its slice of A,
    B and C/D in `a`, `b` and `c`. The operand types of each kind (those of
    clang's builtin, with `__attribute__((vector_size))` vectors as
    `vector<NxT>`):

    | kind | a, b | c, result | blocks |
    |------|------|-----------|--------|
    | `f32_32x32x1f32` | f32 | vector<32xf32> | 2 |
    | `f32_16x16x1f32` | f32 | vector<16xf32> | 4 |
    | `f32_4x4x1f32` | f32 | vector<4xf32> | 16 |
    | `f32_32x32x2f32` | f32 | vector<16xf32> | 1 |
    | `f32_16x16x4f32` | f32 | vector<4xf32> | 1 |
    | `f32_32x32x4f16` | vector<4xf16> | vector<32xf32> | 2 |
    | `f32_16x16x4f16` | vector<4xf16> | vector<16xf32> | 4 |
    | `f32_4x4x4f16` | vector<4xf16> | vector<4xf32> | 16 |
    | `f32_32x32x8f16` | vector<4xf16> | vector<16xf32> | 1 |
    | `f32_16x16x16f16` | vector<4xf16> | vector<4xf32> | 1 |
    | `i32_32x32x4i8` | i32 (4 x i8) | vector<32xi32> | 2 |
    | `i32_16x16x4i8` | i32 (4 x i8) | vector<16xi32> | 4 |
    | `i32_4x4x4i8` | i32 (4 x i8) | vector<4xi32> | 16 |
    | `i32_32x32x8i8` | i32 (4 x i8) | vector<16xi32> | 1 |
    | `i32_16x16x16i8` | i32 (4 x i8) | vector<4xi32> | 1 |
    | `f32_32x32x2bf16` | vector<2xbf16> | vector<32xf32> | 2 |
    | `f32_16x16x2bf16` | vector<2xbf16> | vector<16xf32> | 4 |
    | `f32_4x4x2bf16` | vector<2xbf16> | vector<4xf32> | 16 |
    | `f32_32x32x4bf16` | vector<2xbf16> | vector<16xf32> | 1 |
    | `f32_16x16x8bf16` | vector<2xbf16> | vector<4xf32> | 1 |
    | `f32_32x32x4bf16_1k` | vector<4xbf16> | vector<32xf32> | 2 |
    | `f32_16x16x4bf16_1k` | vector<4xbf16> | vector<16xf32> | 4 |
    | `f32_4x4x4bf16_1k` | vector<4xbf16> | vector<4xf32> | 16 |
    | `f32_32x32x8bf16_1k` | vector<4xbf16> | vector<16xf32> | 1 |
    | `f32_16x16x16bf16_1k` | vector<4xbf16> | vector<4xf32> | 1 |
    | `f64_16x16x4f64` | f64 | vector<4xf64> | 1 |
    | `f64_4x4x4f64` | f64 | f64 | 4 |
    | `i32_16x16x32_i8` | i64 (8 x i8) | vector<4xi32> | 1 |
    | `i32_32x32x16_i8` | i64 (8 x i8) | vector<16xi32> | 1 |
    | `f32_16x16x8_xf32` | vector<2xf32> | vector<4xf32> | 1 |
    | `f32_32x32x4_xf32` | vector<2xf32> | vector<16xf32> | 1 |
    | `f32_16x16x32_{bf8,fp8}_{bf8,fp8}` | i64 (8 x fp8) | vector<4xf32> | 1 |
    | `f32_32x32x16_{bf8,fp8}_{bf8,fp8}` | i64 (8 x fp8) | vector<16xf32> | 1 |
    | `f32_16x16x32_f16` | vector<8xf16> | vector<4xf32> | 1 |
    | `f32_32x32x16_f16` | vector<8xf16> | vector<16xf32> | 1 |
    | `f32_16x16x32_bf16` | vector<8xbf16> | vector<4xf32> | 1 |
    | `f32_32x32x16_bf16` | vector<8xbf16> | vector<16xf32> | 1 |
    | `i32_16x16x64_i8` | vector<4xi32> (16 x i8) | vector<4xi32> | 1 |
    | `i32_32x32x32_i8` | vector<4xi32> (16 x i8) | vector<16xi32> | 1 |

    gfx908 has the first 20 rows, gfx90a adds the `_1k` bf16 and f64 rows,
    gfx942 the `_i8`, `_xf32` and fp8/bf8 rows, gfx950 the last six. The
    pre-gfx950 bf16 builtins are declared on `short` vectors (the bf16
    bits): for those `a`/`b` may be `vector<Nxi16>` as well as
    `vector<Nxbf16>`.

    The immediates: `cbsz` broadcasts one block of A to `2^cbsz` blocks,
    `abid` picks that block (`abid < 2^cbsz`), so both are 0 for
    single-block kinds, and `cbsz <= log2(blocks)`; `blgp` (0 to 7) selects
    a lane pattern for B (on f64 kinds of gfx940+ its bits negate A, B, C).
    The f64 kinds take `cbsz = abid = 0`.

    ```mlir
    %d = hip.mfma <f32_32x32x8f16> %a, %b, %c cbsz = 0 abid = 0 blgp = 0
        : vector<4xf16>, vector<4xf16>, vector<16xf32>
    ```
  }];
  let arguments = (ins Hip_MfmaKindAttr:$kind, Hip_MfmaSource:$a,
                       Hip_MfmaSource:$b, Hip_MfmaAccumulator:$c,
                       I32Attr:$cbsz, I32Attr:$abid, I32Attr:$blgp);
  let results = (outs Hip_MfmaAccumulator:$result);
  let assemblyFormat = [{
    $kind $a `,` $b `,` $c `cbsz` `=` $cbsz `abid` `=` $abid `blgp` `=` $blgp
    attr-dict `:` type($a) `,` type($b) `,` type($c)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Host runtime
//===----------------------------------------------------------------------===//

def Hip_MallocOp : Hip_Op<"malloc"> {
  let summary = "hipMalloc: allocate device memory";
  let description = [{
    `hipMalloc(&ptr, size)`: allocates `size` bytes of device memory. The
    result is a rank-1 memref in the `global` memory space whose element
    type is the pointer's; when both are known, its length times the element
    size must equal `size`.

    ```mlir
    %d_a = hip.malloc %bytes : memref<?xf32, #hip.memory_space<global>>
    ```
  }];
  let arguments = (ins Index:$size);
  let results = (outs Res<AnyMemRef, "the device buffer", [MemAlloc]>:$result);
  let assemblyFormat = "$size attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Hip_FreeOp : Hip_Op<"free"> {
  let summary = "hipFree: release device memory";
  let description = [{
    `hipFree(ptr)` of a buffer from `hip.malloc`.

    ```mlir
    hip.free %d_a : memref<?xf32, #hip.memory_space<global>>
    ```
  }];
  let arguments = (ins Arg<AnyMemRef, "the freed buffer", [MemFree]>:$memref);
  let assemblyFormat = "$memref attr-dict `:` type($memref)";
  let hasVerifier = 1;
}

def Hip_MemcpyOp : Hip_Op<"memcpy"> {
  let summary = "hipMemcpy: copy bytes between host and device";
  let description = [{
    `hipMemcpy(dst, src, size, kind)`: copies `size` bytes from `src` to
    `dst`, synchronously. `kind` is the `hipMemcpyKind`; a host buffer is a
    memref without memory space, a device buffer a `global` memref, and the
    verifier checks both against the direction (`default` accepts either).
    Both memrefs have the same element type.

    ```mlir
    hip.memcpy <host_to_device> %d_a, %h_a, %bytes
        : memref<?xf32, #hip.memory_space<global>>, memref<?xf32>
    ```
  }];
  let arguments = (ins Hip_MemcpyKindAttr:$kind,
                       Arg<AnyMemRef, "the destination", [MemWrite]>:$dst,
                       Arg<AnyMemRef, "the source", [MemRead]>:$src,
                       Index:$size);
  let assemblyFormat = [{
    $kind $dst `,` $src `,` $size attr-dict `:` type($dst) `,` type($src)
  }];
  let hasVerifier = 1;
}

def Hip_DeviceSynchronizeOp : Hip_Op<"device_synchronize"> {
  let summary = "hipDeviceSynchronize: wait for all device work";
  let description = [{
    Blocks the host until every kernel and copy issued on the device has
    finished.

    ```mlir
    hip.device_synchronize
    ```
  }];
  let assemblyFormat = "attr-dict";
}

def Hip_StreamCreateOp : Hip_Op<"stream_create"> {
  let summary = "hipStreamCreate: create a stream";
  let description = [{
    ```mlir
    %s = hip.stream_create : !hip.stream
    ```
  }];
  let results = (outs Hip_StreamType:$stream);
  let assemblyFormat = "attr-dict `:` type($stream)";
}

def Hip_StreamSynchronizeOp : Hip_Op<"stream_synchronize"> {
  let summary = "hipStreamSynchronize: wait for a stream's work";
  let description = [{
    ```mlir
    hip.stream_synchronize %s
    ```
  }];
  let arguments = (ins Hip_StreamType:$stream);
  let assemblyFormat = "$stream attr-dict";
}

def Hip_StreamDestroyOp : Hip_Op<"stream_destroy"> {
  let summary = "hipStreamDestroy: destroy a stream";
  let description = [{
    ```mlir
    hip.stream_destroy %s
    ```
  }];
  let arguments = (ins Hip_StreamType:$stream);
  let assemblyFormat = "$stream attr-dict";
}

def Hip_LaunchOp : Hip_Op<"launch", [
    DeclareOpInterfaceMethods<SymbolUserOpInterface>,
    AttrSizedOperandSegments]> {
  let summary = "hipLaunchKernelGGL / kernel<<<...>>>: launch a kernel";
  let description = [{
    `hipLaunchKernelGGL(kernel, grid, block, sharedBytes, stream, args...)`
    and `kernel<<<grid, block, sharedBytes, stream>>>(args...)`: runs the
    `hip.kernel` function `kernel` on a grid of `grid` blocks of `block`
    threads (each a dim3, as three `index` values). `shared` is the dynamic
    shared memory in bytes (absent: 0) and `stream` the stream (absent: the
    null stream). The arguments must match the kernel's parameters in
    number and type; a block of constant size may not exceed 1024 threads
    nor the kernel's `hip.launch_bounds`.

    ```mlir
    hip.launch @vecadd grid(%gx, %c1, %c1) block(%c256, %c1, %c1)
        args(%d_a, %d_b, %n : memref<?xf32, #hip.memory_space<global>>,
             memref<?xf32, #hip.memory_space<global>>, i32)
    ```
  }];
  let arguments = (ins
    FlatSymbolRefAttr:$kernel,
    Index:$gridX, Index:$gridY, Index:$gridZ,
    Index:$blockX, Index:$blockY, Index:$blockZ,
    Optional<Index>:$sharedMemoryBytes,
    Optional<Hip_StreamType>:$stream,
    Variadic<AnyType>:$args);
  let assemblyFormat = [{
    $kernel `grid` `(` $gridX `,` $gridY `,` $gridZ `)`
    `block` `(` $blockX `,` $blockY `,` $blockZ `)`
    (`shared` `(` $sharedMemoryBytes^ `)`)?
    (`stream` `(` $stream^ `)`)?
    (`args` `(` $args^ `:` type($args) `)`)? attr-dict
  }];
  let hasVerifier = 1;
}

#endif // XPILER_DIALECT_HIP_HIPOPS_TD
