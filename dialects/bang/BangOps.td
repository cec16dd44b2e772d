//===- BangOps.td - bang operations -------------------------*- tablegen -*-===//
//
// Operations of the `bang` dialect. Each op documents the BANG C or CNRT call
// it stands for (parameter order as in Cambricon's headers) and its reference
// semantics, which the oracle and the BANG emulation runtime implement.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_DIALECT_BANG_BANGOPS_TD
#define XPILER_DIALECT_BANG_BANGOPS_TD

include "bang/BangDialect.td"
include "bang/BangAttributes.td"
include "bang/BangTypes.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// On-chip buffers
//===----------------------------------------------------------------------===//

def Bang_AllocOp : Bang_Op<"alloc"> {
  let summary = "declare an __nram__/__wram__/__mlu_shared__ array";
  let description = [{
    Declares an on-chip array: `__nram__ T name[N]` (space `nram`),
    `__wram__ T name[N]` (`wram`) or `__mlu_shared__ T name[N]` (`sram`,
    shared by the cores of a cluster). The memref type gives the element type,
    the static shape and the memory space; `name` keeps the C identifier and
    `file_scope` records a declaration outside any function (its lifetime is
    then the kernel launch rather than the enclosing block). Contents are
    uninitialised.

    ```mlir
    %buf = bang.alloc {name = "nram_buffer"} : memref<1024xf32, #bang.memory_space<nram>>
    %w = bang.alloc {file_scope} : memref<64x64xf16, #bang.memory_space<wram>>
    ```
  }];
  let arguments = (ins OptionalAttr<StrAttr>:$name, UnitAttr:$file_scope);
  let results = (outs Res<AnyMemRef, "the declared array", [MemAlloc]>:$memref);
  let assemblyFormat = "attr-dict `:` type($memref)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Task indices
//===----------------------------------------------------------------------===//

class Bang_IndexOp<string mnemonic, string cname, string meaning>
    : Bang_Op<mnemonic, [Pure]> {
  let summary = "the `" # cname # "` builtin variable";
  let description = "`" # cname # "`: " # meaning # [{ A pure `i32`.

    ```mlir
    %v = bang.}] # mnemonic # [{ : i32
    ```
  }];
  let results = (outs I32:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
}

def Bang_TaskIdOp : Bang_IndexOp<"task_id", "taskId",
    "linear index of the running task, `taskIdX + taskIdY * taskDimX + "
    "taskIdZ * taskDimX * taskDimY`, in [0, taskDim).">;
def Bang_TaskIdXOp : Bang_IndexOp<"task_id_x", "taskIdX",
    "x index of the running task in the launch's `cnrtDim3_t`.">;
def Bang_TaskIdYOp : Bang_IndexOp<"task_id_y", "taskIdY",
    "y index of the running task in the launch's `cnrtDim3_t`.">;
def Bang_TaskIdZOp : Bang_IndexOp<"task_id_z", "taskIdZ",
    "z index of the running task in the launch's `cnrtDim3_t`.">;
def Bang_TaskDimOp : Bang_IndexOp<"task_dim", "taskDim",
    "number of tasks of the launch, `taskDimX * taskDimY * taskDimZ`.">;
def Bang_TaskDimXOp : Bang_IndexOp<"task_dim_x", "taskDimX",
    "x of the launch's `cnrtDim3_t`.">;
def Bang_TaskDimYOp : Bang_IndexOp<"task_dim_y", "taskDimY",
    "y of the launch's `cnrtDim3_t`.">;
def Bang_TaskDimZOp : Bang_IndexOp<"task_dim_z", "taskDimZ",
    "z of the launch's `cnrtDim3_t`.">;
def Bang_ClusterIdOp : Bang_IndexOp<"cluster_id", "clusterId",
    "index of the cluster the task runs on, in [0, clusterDim).">;
def Bang_ClusterDimOp : Bang_IndexOp<"cluster_dim", "clusterDim",
    "number of clusters of the launch (N of a UnionN launch, 0 for Block).">;
def Bang_CoreIdOp : Bang_IndexOp<"core_id", "coreId",
    "index of the core inside its cluster, in [0, coreDim) (0x80 on the "
    "memory core).">;
def Bang_CoreDimOp : Bang_IndexOp<"core_dim", "coreDim",
    "number of compute cores per cluster (4 on MLU200/300 series).">;

def Bang_SyncOp : Bang_Op<"sync"> {
  let summary = "a __sync_* barrier";
  let description = [{
    `all` is `__sync_all()` (every core of the launch waits), `cluster` is
    `__sync_cluster()` (the cores and the memory core of one cluster),
    `compute` is `__sync_compute()` (waits for this core's pending compute
    instructions), `all_ipu` / `all_mpu` are `__sync_all_ipu()` /
    `__sync_all_mpu()` (only compute cores / only memory cores). Also orders
    `bang.memcpy async` copies issued before it.

    ```mlir
    bang.sync <cluster>
    ```
  }];
  let arguments = (ins Bang_SyncKindAttr:$kind);
  let assemblyFormat = "$kind attr-dict";
}

//===----------------------------------------------------------------------===//
// Memory copies and fills
//===----------------------------------------------------------------------===//

def Bang_MemcpyOp : Bang_Op<"memcpy", [AttrSizedOperandSegments]> {
  let summary = "__memcpy / __memcpy_async";
  let description = [{
    Every form of the BANG copy builtin:

    | C | op |
    |---|----|
    | `__memcpy(dst, src, size, dir)` | `bang.memcpy %dst, %src, %size, <dir>` |
    | `__memcpy(dst, src, size, dir, dst_stride, src_stride, segnum)` | `... stride(%dst_stride, %src_stride, %segnum)` |
    | `__memcpy(dst, src, size, SRAM2SRAM, id_dst_cluster)` | `... cluster(%id)` |
    | `__memcpy(dst, src, size, SRAM2SRAM, dst_stride, src_stride, segnum, id_dst_cluster)` | `... stride(...) cluster(%id)` |
    | `__memcpy_async(...)` (4- and 7-argument forms) | `bang.memcpy async ...` |

    All arguments are C `int` (`i32`); `size` and both strides are in
    bytes. Semantics: for `i` in `[0, segnum]` (that is `segnum + 1`
    segments; `segnum = 0` without `stride`), copy `size` bytes from
    `src + i * src_stride` to `dst + i * dst_stride` (byte addresses from
    the memrefs' first elements). `id_dst_cluster` names the cluster whose
    SRAM receives the data. The async form returns before the copy is done;
    a later `bang.sync` orders it. `dir` must name the memory spaces of
    `src` and `dst` (`GDRAM2NRAM`: src in gdram, dst in nram) and be one the
    chosen form supports in Cambricon's headers.

    ```mlir
    bang.memcpy %nram, %gdram, %bytes, <GDRAM2NRAM> : memref<256xf32, #bang.memory_space<nram>>, memref<?xf32, #bang.memory_space<gdram>>
    bang.memcpy async %out, %nram, %bytes, <NRAM2GDRAM> stride(%ds, %ss, %n) : memref<?xf32, #bang.memory_space<gdram>>, memref<256xf32, #bang.memory_space<nram>>
    ```
  }];
  let arguments = (ins
    Arg<AnyMemRef, "destination", [MemWrite]>:$dst,
    Arg<AnyMemRef, "source", [MemRead]>:$src,
    I32:$size,
    Bang_MemcpyDirAttr:$dir,
    Optional<I32>:$dst_stride,
    Optional<I32>:$src_stride,
    Optional<I32>:$segnum,
    Optional<I32>:$dst_cluster,
    UnitAttr:$async);
  let assemblyFormat = [{
    (`async` $async^)? $dst `,` $src `,` $size `,` $dir
    (`stride` `(` $dst_stride^ `,` $src_stride `,` $segnum `)`)?
    (`cluster` `(` $dst_cluster^ `)`)?
    attr-dict `:` type($dst) `,` type($src)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The C builtin this op is emitted as.
    ::llvm::StringRef getBuiltinName() {
      return getAsync() ? "__memcpy_async" : "__memcpy";
    }
    bool isStrided() { return getDstStride() != nullptr; }
  }];
}

def Bang_FillOp : Bang_Op<"fill"> {
  let summary = "__memset_nram / __bang_write_value";
  let description = [{
    `__memset_nram(void *dst, int elem_count, T value)` (`memset_nram`) or
    `__bang_write_value(void *dst, int elem_count, T value)`
    (`write_value`): writes `value` to the `elem_count` consecutive elements
    of type `T` (the type of `value`: `i8`, `i16`, `i32`, `f16`, `bf16` or
    `f32`) starting at `dst`, which is in NRAM.

    ```mlir
    bang.fill <write_value> %buf, %n, %v : memref<256xf16, #bang.memory_space<nram>>, f16
    ```
  }];
  let arguments = (ins Bang_FillKindAttr:$kind,
    Arg<AnyMemRef, "destination", [MemWrite]>:$dst, I32:$count,
    AnyTypeOf<[AnySignlessInteger, AnyFloat]>:$value);
  let assemblyFormat = [{
    $kind $dst `,` $count `,` $value attr-dict `:` type($dst) `,` type($value)
  }];
  let hasVerifier = 1;
}

def Bang_WriteZeroOp : Bang_Op<"write_zero"> {
  let summary = "__bang_write_zero";
  let description = [{
    `__bang_write_zero(T *dst, int elem_count)`, `T` in half, bfloat16,
    float: sets the `elem_count` elements from `dst` (in NRAM) to zero.

    ```mlir
    bang.write_zero %buf, %n : memref<256xf32, #bang.memory_space<nram>>
    ```
  }];
  let arguments = (ins Arg<AnyMemRef, "destination", [MemWrite]>:$dst,
                   I32:$count);
  let assemblyFormat = "$dst `,` $count attr-dict `:` type($dst)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Elementwise vector builtins
//===----------------------------------------------------------------------===//

def Bang_BinaryOp : Bang_Op<"binary"> {
  let summary = "elementwise __bang_<kind>(dst, src0, src1, elem_count)";
  let description = [{
    `void __bang_<kind>(T *dst, T *src0, T *src1, int elem_count)`: for `i`
    in `[0, elem_count)`, `dst[i] = src0[i] <op> src1[i]`. All three in NRAM,
    one element type.

    | kind | result | types |
    |------|--------|-------|
    | `add`, `sub`, `mul` | `a + b`, `a - b`, `a * b` | f16, bf16, f32, i16, i32 |
    | `div` | `a / b` | f16, bf16, f32 |
    | `maximum`, `minimum` | `max(a, b)`, `min(a, b)` | f16, bf16, f32 |
    | `maxequal`, `minequal` (older names) | `max(a, b)`, `min(a, b)` | f16, f32 |
    | `eq`, `ne`, `gt`, `ge`, `lt`, `le` | `1` if the comparison holds, else `0` (in T) | f16, bf16, f32 |
    | `and`, `or`, `xor` | logical: `1` if `(a != 0) op (b != 0)`, else `0` | f16, f32 |

    ```mlir
    bang.binary <add> %c, %a, %b, %n : memref<256xf32, #bang.memory_space<nram>>, memref<256xf32, #bang.memory_space<nram>>, memref<256xf32, #bang.memory_space<nram>>
    ```
  }];
  let arguments = (ins Bang_BinaryKindAttr:$kind,
    Arg<AnyMemRef, "destination", [MemWrite]>:$dst,
    Arg<AnyMemRef, "first source", [MemRead]>:$src0,
    Arg<AnyMemRef, "second source", [MemRead]>:$src1,
    I32:$count);
  let assemblyFormat = [{
    $kind $dst `,` $src0 `,` $src1 `,` $count attr-dict `:` type($dst) `,`
    type($src0) `,` type($src1)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The C builtin this op is emitted as, e.g. `__bang_add`.
    std::string getBuiltinName();
  }];
}

def Bang_BinaryScalarOp : Bang_Op<"binary_scalar"> {
  let summary = "__bang_<kind>_scalar / __bang_<kind>_const";
  let description = [{
    `void __bang_<kind>_scalar(T *dst, T *src, T value, int elem_count)`
    (form `scalar`) or the older spelling `__bang_<kind>_const` with the
    same parameters (form `const`; only `add`, `sub`, `mul`): for `i` in
    `[0, elem_count)`, `dst[i] = src[i] <op> value`, with the operators and
    types of `bang.binary` (kinds `add`, `sub`, `mul`, `eq`, `ne`, `gt`,
    `ge`, `lt`, `le`). `value` has the element type of `dst` and `src`, both
    in NRAM.

    ```mlir
    bang.binary_scalar <mul> <scalar> %y, %x, %alpha, %n : memref<256xf32, #bang.memory_space<nram>>, memref<256xf32, #bang.memory_space<nram>>, f32
    ```
  }];
  let arguments = (ins Bang_BinaryKindAttr:$kind, Bang_ScalarFormAttr:$form,
    Arg<AnyMemRef, "destination", [MemWrite]>:$dst,
    Arg<AnyMemRef, "source", [MemRead]>:$src,
    AnyTypeOf<[AnySignlessInteger, AnyFloat]>:$value, I32:$count);
  let assemblyFormat = [{
    $kind $form $dst `,` $src `,` $value `,` $count attr-dict `:` type($dst)
    `,` type($src) `,` type($value)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The C builtin this op is emitted as, e.g. `__bang_mul_scalar`.
    std::string getBuiltinName();
  }];
}

def Bang_CycleOp : Bang_Op<"cycle"> {
  let summary = "__bang_cycle_<kind>(dst, src, seg, src_count, seg_count)";
  let description = [{
    `void __bang_cycle_<kind>(T *dst, T *src, T *seg, int src_elem_count,
    int seg_elem_count)`: for `i` in `[0, src_elem_count)`,
    `dst[i] = src[i] <op> seg[i % seg_elem_count]` (the operators of
    `bang.binary`; kinds `add`, `sub`, `mul`, `maxequal`, `minequal`, `eq`,
    `ne`, `gt`, `ge`, `lt`, `le`, `and`, `or`, `xor`; f16 or f32). All in
    NRAM; `src_elem_count` is a multiple of `seg_elem_count`.

    ```mlir
    bang.cycle <add> %y, %x, %bias, %n, %c : memref<1024xf16, #bang.memory_space<nram>>, memref<1024xf16, #bang.memory_space<nram>>, memref<64xf16, #bang.memory_space<nram>>
    ```
  }];
  let arguments = (ins Bang_BinaryKindAttr:$kind,
    Arg<AnyMemRef, "destination", [MemWrite]>:$dst,
    Arg<AnyMemRef, "source", [MemRead]>:$src,
    Arg<AnyMemRef, "repeated segment", [MemRead]>:$seg,
    I32:$src_count, I32:$seg_count);
  let assemblyFormat = [{
    $kind $dst `,` $src `,` $seg `,` $src_count `,` $seg_count attr-dict `:`
    type($dst) `,` type($src) `,` type($seg)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The C builtin this op is emitted as, e.g. `__bang_cycle_add`.
    std::string getBuiltinName();
  }];
}

def Bang_UnaryOp : Bang_Op<"unary"> {
  let summary = "elementwise __bang_<kind>(dst, src, elem_count)";
  let description = [{
    `void __bang_<kind>(T *dst, T *src, int elem_count)`: for `i` in
    `[0, elem_count)`, `dst[i] = f(src[i])`, both in NRAM, one element type.

    | kind | f(x) | types |
    |------|------|-------|
    | `recip` | `1 / x` | f16, bf16, f32 |
    | `sqrt`, `rsqrt` | `sqrt(x)`, `1 / sqrt(x)` | f16, bf16, f32 |
    | `sin`, `cos`, `log` | `sin(x)`, `cos(x)`, `ln(x)` | f16, bf16, f32 |
    | `sigmoid` | `1 / (1 + exp(-x))` | f16, bf16, f32 |
    | `square`, `abs` | `x * x`, `abs(x)` | f16, bf16, f32 |
    | `active_exp`, `active_exphp` | `exp(x)` (hp: higher precision) | f16, f32 |
    | `active_exp_less_0` | `exp(x)`, valid for `x <= 0` | f16, f32 |
    | `active_log`, `active_loghp` | `ln(x)` | f16, f32 |
    | `active_pow2` | `2^x` | f16, f32 |
    | `active_recip`, `active_reciphp` | `1 / x` | f16, f32 |
    | `active_recip_greater_1` | `1 / x`, valid for `x >= 1` | f16, f32 |
    | `active_sqrt`, `active_rsqrt`, `active_rsqrthp` | `sqrt(x)`, `1 / sqrt(x)` | f16, f32 |
    | `active_sin`, `active_cos` | `sin(x)`, `cos(x)` | f16, f32 |
    | `active_relu` | `max(x, 0)` | f16, f32 |
    | `active_gelu` | `0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))` | f16, f32 |
    | `active_gelup` | `0.5 x (1 + erf(x / sqrt(2)))` (precise gelu) | f16, f32 |
    | `active_sigmoid` | `1 / (1 + exp(-x))` | f16, f32 |
    | `active_sign` | `1` if `x > 0`, `-1` if `x < 0`, else `0` | f16, f32 |
    | `active_tanh`, `active_abs` | `tanh(x)`, `abs(x)` | f16, f32 |

    The `active_*` builtins run on the activation unit with table-based
    approximations; the reference semantics is the exact function, compared
    with a tolerance.

    ```mlir
    bang.unary <active_relu> %y, %x, %n : memref<256xf16, #bang.memory_space<nram>>, memref<256xf16, #bang.memory_space<nram>>
    ```
  }];
  let arguments = (ins Bang_UnaryKindAttr:$kind,
    Arg<AnyMemRef, "destination", [MemWrite]>:$dst,
    Arg<AnyMemRef, "source", [MemRead]>:$src, I32:$count);
  let assemblyFormat = [{
    $kind $dst `,` $src `,` $count attr-dict `:` type($dst) `,` type($src)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The C builtin this op is emitted as, e.g. `__bang_active_relu`.
    std::string getBuiltinName();
  }];
}

def Bang_ReduceOp : Bang_Op<"reduce"> {
  let summary = "__bang_max / __bang_min (value and index)";
  let description = [{
    `void __bang_max(T *dst, T *src, int elem_count)` (`max`) and
    `__bang_min` (`min`), T in half, float, both in NRAM: `dst[0]` is the
    largest (smallest) of `src[0 .. elem_count)` and element slot 1 of `dst`
    holds the index of its first occurrence as an unsigned integer of T's
    width (`((uint16_t *)dst)[1]` for half, `((uint32_t *)dst)[1]` for
    float). `dst` must hold at least 2 elements (code usually reserves 64).

    ```mlir
    bang.reduce <max> %m, %x, %n : memref<64xf32, #bang.memory_space<nram>>, memref<256xf32, #bang.memory_space<nram>>
    ```
  }];
  let arguments = (ins Bang_ReduceKindAttr:$kind,
    Arg<AnyMemRef, "destination", [MemWrite]>:$dst,
    Arg<AnyMemRef, "source", [MemRead]>:$src, I32:$count);
  let assemblyFormat = [{
    $kind $dst `,` $src `,` $count attr-dict `:` type($dst) `,` type($src)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Pooling, transpose, matrix and convolution builtins
//===----------------------------------------------------------------------===//

def Bang_PoolOp : Bang_Op<"pool", [AttrSizedOperandSegments]> {
  let summary = "__bang_sumpool / avgpool / maxpool / minpool";
  let description = [{
    `void __bang_<kind>pool(T *dst, T *src, int channel, int height,
    int width, int kernel_height, int kernel_width[, int stride_x,
    int stride_y])`, T in half, float; all `int` operands are `i32`. Without
    strides, `stride_x = kernel_width` and `stride_y = kernel_height`
    (non-overlapping windows).

    Layout HWC, channel fastest: `src[(h * width + w) * channel + c]`.
    `stride_x` steps along the width, `stride_y` along the height. Output
    `out_h = (height - kernel_height) / stride_y + 1`,
    `out_w = (width - kernel_width) / stride_x + 1`, layout HWC:
    `dst[(oh * out_w + ow) * channel + c]` = sum / average / max / min of
    `src[((oh * stride_y + kh) * width + ow * stride_x + kw) * channel + c]`
    over `kh < kernel_height`, `kw < kernel_width`. Both in NRAM.

    ```mlir
    bang.pool <max> %y, %x, %c, %h, %w, %kh, %kw stride(%sx, %sy) : memref<512xf32, #bang.memory_space<nram>>, memref<2048xf32, #bang.memory_space<nram>>
    ```
  }];
  let arguments = (ins Bang_PoolKindAttr:$kind,
    Arg<AnyMemRef, "destination", [MemWrite]>:$dst,
    Arg<AnyMemRef, "source", [MemRead]>:$src,
    I32:$channel, I32:$height, I32:$width, I32:$kernel_height,
    I32:$kernel_width, Optional<I32>:$stride_x, Optional<I32>:$stride_y);
  let assemblyFormat = [{
    $kind $dst `,` $src `,` $channel `,` $height `,` $width `,`
    $kernel_height `,` $kernel_width
    (`stride` `(` $stride_x^ `,` $stride_y `)`)?
    attr-dict `:` type($dst) `,` type($src)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The C builtin this op is emitted as, e.g. `__bang_maxpool`.
    std::string getBuiltinName();
  }];
}

def Bang_TransposeOp : Bang_Op<"transpose"> {
  let summary = "__bang_transpose(dst, src, height, width)";
  let description = [{
    `void __bang_transpose(T *dst, T *src, int height, int width)`, T any
    8-, 16- or 32-bit type: `src` is a row-major `height x width` matrix,
    `dst` the row-major `width x height` transpose:
    `dst[j * height + i] = src[i * width + j]`. Both in NRAM, same element
    type.

    ```mlir
    bang.transpose %t, %x, %h, %w : memref<4096xf32, #bang.memory_space<nram>>, memref<4096xf32, #bang.memory_space<nram>>
    ```
  }];
  let arguments = (ins Arg<AnyMemRef, "destination", [MemWrite]>:$dst,
    Arg<AnyMemRef, "source", [MemRead]>:$src, I32:$height, I32:$width);
  let assemblyFormat = [{
    $dst `,` $src `,` $height `,` $width attr-dict `:` type($dst) `,`
    type($src)
  }];
  let hasVerifier = 1;
}

def Bang_MatmulOp : Bang_Op<"matmul"> {
  let summary = "__bang_matmul(dst, lhs, rhs, m, k, n[, fix_position])";
  let description = [{
    `void __bang_matmul(Td *dst, Ts *lhs, Tw *rhs, int m, int k, int n
    [, int fix_position])`: `dst` (NRAM) is the row-major `m x n` product of
    `lhs` (NRAM, row-major `m x k`) and the `k x n` matrix held by `rhs`
    (WRAM) with each output column contiguous, i.e. column-major (`n x k`
    row-major):
    `dst[i * n + j] = sum_p lhs[i * k + p] * rhs[j * k + p]`
    (times `2^fix_position` for integer inputs).

    Types: `lhs`/`rhs` both f16 or both f32 (then no `fix_position`,
    `dst` f16 or f32), or integers `i8`/`i16` (then `fix_position` is
    required and `dst` is f16 or f32).

    ```mlir
    bang.matmul %c, %a, %b, %m, %k, %n : memref<1024xf32, #bang.memory_space<nram>>, memref<1024xf32, #bang.memory_space<nram>>, memref<16384xf32, #bang.memory_space<wram>>
    ```
  }];
  let arguments = (ins Arg<AnyMemRef, "destination", [MemWrite]>:$dst,
    Arg<AnyMemRef, "left matrix", [MemRead]>:$lhs,
    Arg<AnyMemRef, "right matrix", [MemRead]>:$rhs,
    I32:$m, I32:$k, I32:$n, Optional<I32>:$fix_position);
  let assemblyFormat = [{
    $dst `,` $lhs `,` $rhs `,` $m `,` $k `,` $n
    (`pos` `(` $fix_position^ `)`)?
    attr-dict `:` type($dst) `,` type($lhs) `,` type($rhs)
  }];
  let hasVerifier = 1;
}

def Bang_MlpOp : Bang_Op<"mlp", [AttrSizedOperandSegments]> {
  let summary = "__bang_mlp(dst, src, [bias,] weight, height, width[, pos])";
  let description = [{
    `void __bang_mlp(Td *dst, Ts *src, [Td *bias,] Tw *weight, int height,
    int width[, int fix_position])` (a fully connected layer): `weight`
    (WRAM) is a row-major `height x width` matrix, `src` (NRAM) a vector of
    `width` elements, `dst` (NRAM) a vector of `height` elements:
    `dst[h] = sum_w weight[h * width + w] * src[w] (+ bias[h])`
    (times `2^fix_position` for integer inputs). `bias` (NRAM) has `dst`'s
    element type.

    Types: `src`/`weight` both f16 or both f32 (no `fix_position`), or
    `i8`/`i16` (with `fix_position`); `dst` f16, f32 or i16.

    ```mlir
    bang.mlp %y, %x bias(%b : memref<64xf16, #bang.memory_space<nram>>), %w, %h, %wd : memref<64xf16, #bang.memory_space<nram>>, memref<256xf16, #bang.memory_space<nram>>, memref<16384xf16, #bang.memory_space<wram>>
    ```
  }];
  let arguments = (ins Arg<AnyMemRef, "destination", [MemWrite]>:$dst,
    Arg<AnyMemRef, "input vector", [MemRead]>:$src,
    Arg<Optional<AnyMemRef>, "bias", [MemRead]>:$bias,
    Arg<AnyMemRef, "weight matrix", [MemRead]>:$weight,
    I32:$height, I32:$width, Optional<I32>:$fix_position);
  let assemblyFormat = [{
    $dst `,` $src (`bias` `(` $bias^ `:` type($bias) `)`)? `,` $weight `,`
    $height `,` $width (`pos` `(` $fix_position^ `)`)?
    attr-dict `:` type($dst) `,` type($src) `,` type($weight)
  }];
  let hasVerifier = 1;
}

def Bang_ConvOp : Bang_Op<"conv", [AttrSizedOperandSegments]> {
  let summary = "__bang_conv: 2-D convolution, data in NRAM, filter in WRAM";
  let description = [{
    `void __bang_conv(Td *dst, Ts *src, Tk *kernel, [Td *bias,]
    int channel_input, int height, int width, int kernel_height,
    int kernel_width, int stride_x, int stride_y, int channel_output
    [, int fix_position])`, every `int` an `i32`.

    Layouts (channel fastest):
    * `src` (NRAM): HWC, `src[(h * width + w) * channel_input + ci]`;
    * `kernel` (WRAM): NHWC with N the output channel,
      `kernel[((co * kernel_height + kh) * kernel_width + kw) * channel_input + ci]`;
    * `dst` (NRAM): HWC, `dst[(oh * out_w + ow) * channel_output + co]`
      with `out_h = (height - kernel_height) / stride_y + 1`,
      `out_w = (width - kernel_width) / stride_x + 1`
      (`stride_x` along the width, `stride_y` along the height, no padding);
    * `bias` (NRAM, Td): `channel_output` values.

    `dst[oh, ow, co] = sum_{kh, kw, ci} src[oh * stride_y + kh,
    ow * stride_x + kw, ci] * kernel[co, kh, kw, ci] (+ bias[co])`, scaled by
    `2^fix_position` for integer inputs.

    Types: `src`/`kernel` both f16 or both f32 (no `fix_position`), or
    `i8`/`i16` each (with `fix_position`); `dst` f16, f32 or i16. Hardware
    needs the filter in its internal WRAM layout (`__bang_reshape_filter`);
    the reference semantics uses the logical layout above.

    ```mlir
    bang.conv %y, %x, %f, %ci, %h, %w, %kh, %kw, %sx, %sy, %co : memref<4096xf32, #bang.memory_space<nram>>, memref<4096xf32, #bang.memory_space<nram>>, memref<4096xf32, #bang.memory_space<wram>>
    ```
  }];
  let arguments = (ins Arg<AnyMemRef, "destination", [MemWrite]>:$dst,
    Arg<AnyMemRef, "input feature map", [MemRead]>:$src,
    Arg<AnyMemRef, "filter", [MemRead]>:$kernel,
    Arg<Optional<AnyMemRef>, "bias", [MemRead]>:$bias,
    I32:$channel_input, I32:$height, I32:$width, I32:$kernel_height,
    I32:$kernel_width, I32:$stride_x, I32:$stride_y, I32:$channel_output,
    Optional<I32>:$fix_position);
  let assemblyFormat = [{
    $dst `,` $src `,` $kernel (`bias` `(` $bias^ `:` type($bias) `)`)? `,`
    $channel_input `,` $height `,` $width `,` $kernel_height `,`
    $kernel_width `,` $stride_x `,` $stride_y `,` $channel_output
    (`pos` `(` $fix_position^ `)`)?
    attr-dict `:` type($dst) `,` type($src) `,` type($kernel)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Host side: CNRT
//===----------------------------------------------------------------------===//

def Bang_QueueCreateOp : Bang_Op<"queue_create"> {
  let summary = "cnrtQueueCreate";
  let description = [{
    `cnrtQueue_t q; cnrtQueueCreate(&q);`

    ```mlir
    %q = bang.queue_create : !bang.queue
    ```
  }];
  let results = (outs Bang_QueueType:$queue);
  let assemblyFormat = "attr-dict `:` type($queue)";
}

def Bang_QueueSyncOp : Bang_Op<"queue_sync"> {
  let summary = "cnrtQueueSync";
  let description = [{
    `cnrtQueueSync(q)`: waits until every launch and copy queued on `q` is
    done.

    ```mlir
    bang.queue_sync %q : !bang.queue
    ```
  }];
  let arguments = (ins Bang_QueueType:$queue);
  let assemblyFormat = "$queue attr-dict `:` type($queue)";
}

def Bang_QueueDestroyOp : Bang_Op<"queue_destroy"> {
  let summary = "cnrtQueueDestroy";
  let description = [{
    `cnrtQueueDestroy(q)`.

    ```mlir
    bang.queue_destroy %q : !bang.queue
    ```
  }];
  let arguments = (ins Bang_QueueType:$queue);
  let assemblyFormat = "$queue attr-dict `:` type($queue)";
}

def Bang_MallocOp : Bang_Op<"malloc"> {
  let summary = "cnrtMalloc";
  let description = [{
    `T *p; cnrtMalloc((void **)&p, bytes);` with `bytes` a `size_t` (`i64`):
    allocates `bytes` bytes of device (GDRAM) memory. The result is a memref
    in `gdram`, typically `memref<?xT>`.

    ```mlir
    %p = bang.malloc %bytes : memref<?xf32, #bang.memory_space<gdram>>
    ```
  }];
  let arguments = (ins I64:$bytes);
  let results = (outs Res<AnyMemRef, "device buffer", [MemAlloc]>:$memref);
  let assemblyFormat = "$bytes attr-dict `:` type($memref)";
  let hasVerifier = 1;
}

def Bang_FreeOp : Bang_Op<"free"> {
  let summary = "cnrtFree";
  let description = [{
    `cnrtFree(p)`: releases a `bang.malloc` buffer.

    ```mlir
    bang.free %p : memref<?xf32, #bang.memory_space<gdram>>
    ```
  }];
  let arguments = (ins Arg<AnyMemRef, "device buffer", [MemFree]>:$memref);
  let assemblyFormat = "$memref attr-dict `:` type($memref)";
  let hasVerifier = 1;
}

def Bang_CnrtMemcpyOp : Bang_Op<"cnrt_memcpy"> {
  let summary = "cnrtMemcpy";
  let description = [{
    `cnrtMemcpy(void *dst, void *src, size_t bytes, cnrtMemTransDir_t dir)`:
    copies `bytes` (`i64`) bytes. `host` is a memref without memory space,
    `dev` a memref in `gdram`; `dir` must match.

    ```mlir
    bang.cnrt_memcpy %dev, %host, %bytes, <host2dev> : memref<?xf32, #bang.memory_space<gdram>>, memref<?xf32>
    ```
  }];
  let arguments = (ins Arg<AnyMemRef, "destination", [MemWrite]>:$dst,
    Arg<AnyMemRef, "source", [MemRead]>:$src, I64:$bytes,
    Bang_MemTransDirAttr:$dir);
  let assemblyFormat = [{
    $dst `,` $src `,` $bytes `,` $dir attr-dict `:` type($dst) `,` type($src)
  }];
  let hasVerifier = 1;
}

def Bang_Dim3Op : Bang_Op<"dim3", [Pure]> {
  let summary = "build a cnrtDim3_t";
  let description = [{
    `cnrtDim3_t dim = {x, y, z};` (fields are `unsigned int`, here `i32`).

    ```mlir
    %d = bang.dim3 %x, %y, %z : !bang.dim3
    ```
  }];
  let arguments = (ins I32:$x, I32:$y, I32:$z);
  let results = (outs Bang_Dim3Type:$dim);
  let assemblyFormat = "$x `,` $y `,` $z attr-dict `:` type($dim)";
}

def Bang_LaunchOp : Bang_Op<"launch", [
    DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "kernel<<<dim, func_type, queue>>>(args)";
  let description = [{
    Launches the `bang.kernel` function `kernel` on `taskDim = x * y * z`
    tasks with function type `func_type` on `queue`, with `args` as its
    arguments (their number and types must match the kernel's). The launch
    is asynchronous: a `bang.queue_sync` waits for it.

    ```mlir
    bang.launch @add dim(%d) func_type(<union1>) queue(%q) args(%a, %b, %c : memref<?xf32, #bang.memory_space<gdram>>, memref<?xf32, #bang.memory_space<gdram>>, memref<?xf32, #bang.memory_space<gdram>>)
    ```
  }];
  let arguments = (ins FlatSymbolRefAttr:$kernel, Bang_Dim3Type:$dim,
    Bang_FuncTypeAttr:$func_type, Bang_QueueType:$queue,
    Variadic<AnyType>:$args);
  let assemblyFormat = [{
    $kernel `dim` `(` $dim `)` `func_type` `(` $func_type `)`
    `queue` `(` $queue `)` (`args` `(` $args^ `:` type($args) `)`)? attr-dict
  }];
}

#endif // XPILER_DIALECT_BANG_BANGOPS_TD
