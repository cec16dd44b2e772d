//===- VnniOps.td - vnni operations -------------------------*- tablegen -*-===//

#ifndef XPILER_DIALECT_VNNI_VNNIOPS_TD
#define XPILER_DIALECT_VNNI_VNNIOPS_TD

include "vnni/VnniDialect.td"
include "vnni/VnniAttributes.td"
include "vnni/VnniTypes.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

/// An op standing for one `<immintrin.h>` intrinsic (selected by its
/// attributes and types). The verifier checks the op's own invariants and
/// that the enclosing function's `vnni.target_features` enable what the
/// intrinsic needs.
class Vnni_IntrinsicOp<string mnemonic, list<Trait> traits = []>
    : Vnni_Op<mnemonic, traits> {
  code extraIntrinsicDecls = [{
    /// The `<immintrin.h>` intrinsic this op stands for, e.g.
    /// `_mm512_dpbusd_epi32`.
    std::string getIntrinsicName();
    /// The AVX-512 features the intrinsic needs beyond SSE/AVX/AVX2 (which
    /// `avx512f` implies); empty when it needs none.
    void getRequiredFeatures(
        ::llvm::SmallVectorImpl<::llvm::StringRef> &features);
  }];
  let extraClassDeclaration = extraIntrinsicDecls;
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Dot products
//===----------------------------------------------------------------------===//

def Vnni_DpOp : Vnni_IntrinsicOp<"dp", [Pure,
    AllTypesMatch<["acc", "a", "b", "result"]>]> {
  let summary = "VNNI dot product accumulated into 32-bit lanes";
  let description = [{
    `_mm512_dpbusd_epi32(acc, a, b)` and its variants, for every 32-bit lane
    `j` (16 lanes for `!vnni.m512i`, 8 for `!vnni.m256i`, 4 for
    `!vnni.m128i`; the 256/128-bit forms are AVX512VL):

    * `dpbusd` (`_mm*_dpbusd_epi32`): `a` is read as unsigned bytes, `b` as
      signed bytes; the four products `p_k = zext(a.u8[4j+k]) *
      sext(b.i8[4j+k])`, k = 0..3, are exact (they fit in a signed 16-bit
      value) and `result.i32[j] = acc.i32[j] + p_0 + p_1 + p_2 + p_3`
      wrapping modulo 2^32.
    * `dpbusds` (`_mm*_dpbusds_epi32`): as `dpbusd`, but the sum is computed
      exactly and then saturated to the signed 32-bit range
      [-2^31, 2^31 - 1].
    * `dpwssd` (`_mm*_dpwssd_epi32`): `a` and `b` are read as signed 16-bit
      lanes; `p_k = sext(a.i16[2j+k]) * sext(b.i16[2j+k])`, k = 0..1, exact
      in 32 bits, and `result.i32[j] = acc.i32[j] + p_0 + p_1` wrapping
      modulo 2^32.
    * `dpwssds` (`_mm*_dpwssds_epi32`): as `dpwssd`, with the exact sum
      saturated to the signed 32-bit range.

    ```mlir
    %acc1 = vnni.dp <dpbusd> %acc, %a, %b : !vnni.m512i
    ```
  }];
  let arguments = (ins Vnni_DotKindAttr:$kind, Vnni_IntVector:$acc,
                       Vnni_IntVector:$a, Vnni_IntVector:$b);
  let results = (outs Vnni_IntVector:$result);
  let assemblyFormat = "$kind $acc `,` $a `,` $b attr-dict `:` type($result)";
}

//===----------------------------------------------------------------------===//
// Memory
//===----------------------------------------------------------------------===//

def Vnni_LoadOp : Vnni_IntrinsicOp<"load"> {
  let summary = "load a vector from memory";
  let description = [{
    Reads the 64/32/16 bytes that start at element `base[indices]` (one
    index per dimension, contiguous in row-major order) into a vector:

    | result        | `aligned`                | unaligned             |
    |---------------|--------------------------|-----------------------|
    | `!vnni.m512i` | `_mm512_load_si512`      | `_mm512_loadu_si512`  |
    | `!vnni.m256i` | `_mm256_load_si256`      | `_mm256_loadu_si256`  |
    | `!vnni.m128i` | `_mm_load_si128`         | `_mm_loadu_si128`     |
    | `!vnni.m512`  | `_mm512_load_ps`         | `_mm512_loadu_ps`     |
    | `!vnni.m256`  | `_mm256_load_ps`         | `_mm256_loadu_ps`     |
    | `!vnni.m128`  | `_mm_load_ps`            | `_mm_loadu_ps`        |

    `aligned` requires the address to be a multiple of 64 (512-bit), 32
    (256-bit) or 16 (128-bit) bytes; a misaligned aligned access faults.
    Integer vectors load from memrefs of `i8`, `i16`, `i32` or `i64` (the
    bytes are taken as they lie in memory, lane 0 first); float vectors
    from memrefs of `f32`. The memref must have the identity layout, or be
    1-D with unit stride and any offset (`memref<?xf32, strided<[1],
    offset: ?>>`, a pointer `p + k` passed to a helper).

    ```mlir
    %a = vnni.load %A[%i, %k] : memref<64x256xi8> -> !vnni.m512i
    %x = vnni.load aligned %X[%j] : memref<1024xf32> -> !vnni.m512
    ```
  }];
  let arguments = (ins Arg<AnyMemRef, "the buffer read", [MemRead]>:$base,
                       Variadic<Index>:$indices, UnitAttr:$aligned);
  let results = (outs Vnni_AnyVector:$result);
  let assemblyFormat = [{
    (`aligned` $aligned^)? $base `[` $indices `]` attr-dict `:` type($base)
    `->` type($result)
  }];
}

def Vnni_StoreOp : Vnni_IntrinsicOp<"store"> {
  let summary = "store a vector to memory";
  let description = [{
    Writes `value` to the 64/32/16 bytes that start at element
    `base[indices]` (contiguous in row-major order, lane 0 first):
    `_mm512_store_si512`/`_mm512_storeu_si512`, `_mm256_store_si256`/
    `_mm256_storeu_si256`, `_mm_store_si128`/`_mm_storeu_si128`,
    `_mm512_store_ps`/`_mm512_storeu_ps`, `_mm256_store_ps`/
    `_mm256_storeu_ps`, `_mm_store_ps`/`_mm_storeu_ps` (the `u` forms when
    `aligned` is absent). `aligned` requires a 64/32/16-byte aligned
    address. Element types and layout as for `vnni.load`.

    ```mlir
    vnni.store %acc, %C[%i, %j] : !vnni.m512i, memref<64x64xi32>
    ```
  }];
  let arguments = (ins Vnni_AnyVector:$value,
                       Arg<AnyMemRef, "the buffer written", [MemWrite]>:$base,
                       Variadic<Index>:$indices, UnitAttr:$aligned);
  let assemblyFormat = [{
    (`aligned` $aligned^)? $value `,` $base `[` $indices `]` attr-dict `:`
    type($value) `,` type($base)
  }];
}

def Vnni_MaskedLoadOp : Vnni_IntrinsicOp<"masked_load", [
    AttrSizedOperandSegments,
    OptionalTypesMatchWith<"passthru has the result type", "result",
                           "passthru", "$_self">]> {
  let summary = "load the lanes of a vector a write mask selects";
  let description = [{
    `_mm*_mask_load[u]_<lane>(passthru, mask, p)` with `passthru`,
    `_mm*_maskz_load[u]_<lane>(mask, p)` without, `p` the address of
    `base[indices]` (as for `vnni.load`). For each lane `j` of width `lane`
    (`epi8`..`epi64` for an integer vector, `ps` for a float vector): when
    bit `j` of `mask` is set, lane `j` is read from the bytes at
    `p + j · lanebytes`; otherwise it is lane `j` of `passthru`, or zero
    without `passthru`, and that memory is not accessed at all (a masked-off
    lane past the end of a buffer does not fault). `mask` is an `i8`,
    `i16`, `i32` or `i64` (`__mmask8/16/32/64`) of `max(8, lanes)` bits;
    bits past the last lane are ignored.

    `aligned` (`_mm*_mask_load_epi32`/`_epi64`/`_ps`, not available for
    `epi8`/`epi16`) requires `p` to be aligned to the vector width even for
    masked-off lanes. Needs `avx512f`, plus `avx512vl` for 128/256-bit
    vectors and `avx512bw` for `epi8`/`epi16` lanes. Element types and
    layout as for `vnni.load`.

    ```mlir
    %v = vnni.masked_load <ps> %X[%i], %k : memref<?xf32>, i16 -> !vnni.m512
    %w = vnni.masked_load <ps> %X[%i], %k passthru(%old)
        : memref<?xf32>, i16 -> !vnni.m512
    ```
  }];
  let arguments = (ins Vnni_LaneAttr:$lane,
                       Arg<AnyMemRef, "the buffer read", [MemRead]>:$base,
                       Variadic<Index>:$indices, Vnni_Mask:$mask,
                       Optional<Vnni_AnyVector>:$passthru, UnitAttr:$aligned);
  let results = (outs Vnni_AnyVector:$result);
  let assemblyFormat = [{
    (`aligned` $aligned^)? $lane $base `[` $indices `]` `,` $mask
    (`passthru` `(` $passthru^ `)`)? attr-dict `:` type($base) `,`
    type($mask) `->` type($result)
  }];
}

def Vnni_MaskedStoreOp : Vnni_IntrinsicOp<"masked_store"> {
  let summary = "store the lanes of a vector a write mask selects";
  let description = [{
    `_mm*_mask_store[u]_<lane>(p, mask, value)`, `p` the address of
    `base[indices]`: for each lane `j` of width `lane` whose bit in `mask`
    is set, lane `j` of `value` is written to the bytes at
    `p + j · lanebytes`; the memory of the other lanes is neither read nor
    written (and does not fault). `mask` is an `i8`/`i16`/`i32`/`i64` of
    `max(8, lanes)` bits; bits past the last lane are ignored. `aligned`
    (`_mm*_mask_store_epi32`/`_epi64`/`_ps`; none for `epi8`/`epi16`)
    requires `p` to be aligned to the vector width. Features, element types
    and layout as for `vnni.masked_load`.

    ```mlir
    vnni.masked_store <epi32> %acc, %C[%j], %k : !vnni.m512i, memref<?xi32>, i16
    ```
  }];
  let arguments = (ins Vnni_LaneAttr:$lane, Vnni_AnyVector:$value,
                       Arg<AnyMemRef, "the buffer written", [MemWrite]>:$base,
                       Variadic<Index>:$indices, Vnni_Mask:$mask,
                       UnitAttr:$aligned);
  let assemblyFormat = [{
    (`aligned` $aligned^)? $lane $value `,` $base `[` $indices `]` `,` $mask
    attr-dict `:` type($value) `,` type($base) `,` type($mask)
  }];
}

def Vnni_GatherOp : Vnni_IntrinsicOp<"gather"> {
  let summary = "gather 32-bit lanes from memory by 32-bit indices";
  let description = [{
    `_mm512_i32gather_ps(index, p, scale)` (`lane` = `ps`, a float result
    from an `f32` memref) and `_mm512_i32gather_epi32(index, p, scale)`
    (`lane` = `epi32`, an integer result from an integer memref), `p` the
    address of `base[indices]` (one index per dimension): for each of the
    16 lanes `j`, lane `j` of the result is the 4 bytes at byte address
    `p + sext(index.i32[j]) · scale`, read in any order. `scale` is 1, 2, 4
    or 8 (bytes, not elements: with `scale` = 4 over an `f32` buffer an
    index counts elements). Only the 512-bit, unmasked forms (AVX512F).

    ```mlir
    %v = vnni.gather <ps> %offsets, %X[%c] scale 4
        : !vnni.m512i, memref<?xf32> -> !vnni.m512
    ```
  }];
  let arguments = (ins Vnni_LaneAttr:$lane, Vnni_M512i:$index,
                       Arg<AnyMemRef, "the buffer read", [MemRead]>:$base,
                       Variadic<Index>:$indices, I32Attr:$scale);
  let results = (outs Vnni_AnyVector:$result);
  let assemblyFormat = [{
    $lane $index `,` $base `[` $indices `]` `scale` $scale attr-dict `:`
    type($index) `,` type($base) `->` type($result)
  }];
}

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

def Vnni_SetZeroOp : Vnni_IntrinsicOp<"setzero", [Pure]> {
  let summary = "an all-zero vector";
  let description = [{
    `_mm512_setzero_si512`, `_mm256_setzero_si256`, `_mm_setzero_si128`,
    `_mm512_setzero_ps`, `_mm256_setzero_ps`, `_mm_setzero_ps` according to
    the result type: every bit is 0.

    ```mlir
    %acc = vnni.setzero : !vnni.m512i
    ```
  }];
  let results = (outs Vnni_AnyVector:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
}

def Vnni_Set1Op : Vnni_IntrinsicOp<"set1", [Pure]> {
  let summary = "broadcast a scalar to every lane";
  let description = [{
    `_mm*_set1_<lane>(value)`: every lane of width `lane` is `value`.
    `epi8`/`epi16`/`epi32`/`epi64` take an `i8`/`i16`/`i32`/`i64` (C `char`,
    `short`, `int`, `long long`) and give an integer vector; `ps` takes an
    `f32` and gives a float vector.

    ```mlir
    %ones = vnni.set1 <epi8> %c1 : i8 -> !vnni.m512i
    %half = vnni.set1 <ps> %h : f32 -> !vnni.m256
    ```
  }];
  let arguments = (ins Vnni_LaneAttr:$lane,
                       AnyTypeOf<[I8, I16, I32, I64, F32]>:$value);
  let results = (outs Vnni_AnyVector:$result);
  let assemblyFormat = [{
    $lane $value attr-dict `:` type($value) `->` type($result)
  }];
}

def Vnni_SetrOp : Vnni_IntrinsicOp<"setr", [Pure, SameTypeOperands]> {
  let summary = "a vector of one scalar per lane, lane 0 first";
  let description = [{
    `_mm*_setr_<lane>(e0, e1, ...)`: lane `j` is `elements[j]`, one operand
    per lane of width `lane`, all of the lane's scalar type (`i8`, `i16`,
    `i32`, `i64` or `f32`). `_mm*_set_<lane>` lists the same lanes last
    first and is this op with the operands reversed. The forms are
    `_mm512_setr_epi32`/`_epi64`/`_ps` (AVX512F), `_mm256_setr_epi8`/
    `_epi16`/`_epi32`/`_epi64x`/`_ps` (AVX) and `_mm_setr_epi8`/`_epi16`/
    `_epi32`/`_ps` (SSE/SSE2).

    ```mlir
    %iota = vnni.setr <epi32> %c0, %c1, %c2, %c3 : i32 -> !vnni.m128i
    ```
  }];
  let arguments = (ins Vnni_LaneAttr:$lane,
                       Variadic<AnyTypeOf<[I8, I16, I32, I64, F32]>>:$elements);
  let results = (outs Vnni_AnyVector:$result);
  let assemblyFormat = [{
    $lane $elements attr-dict `:` custom<ElementType>(ref($elements),
    type($elements)) `->` type($result)
  }];
}

def Vnni_CmpOp : Vnni_IntrinsicOp<"cmp", [Pure,
    AllTypesMatch<["lhs", "rhs"]>]> {
  let summary = "compare f32 lanes into a mask";
  let description = [{
    `_mm*_cmp_ps_mask(lhs, rhs, predicate)`: bit `j` of the result is 1
    when `predicate` holds for lane `j` of `lhs` and lane `j` of `rhs`
    (IEEE comparison; ordered predicates are false and unordered ones true
    when either lane is NaN; `-0 == +0`), the bits past the last lane 0.
    The result is the C `__mmask16` (`i16`) for `!vnni.m512` and
    `__mmask8` (`i8`) for `!vnni.m256`/`!vnni.m128` (AVX512VL).

    ```mlir
    %pos = vnni.cmp <gt_oq> %v, %zero : !vnni.m512 -> i16
    ```
  }];
  let arguments = (ins Vnni_CmpPredicateAttr:$predicate,
                       Vnni_FloatVector:$lhs, Vnni_FloatVector:$rhs);
  let results = (outs Vnni_Mask:$result);
  let assemblyFormat = [{
    $predicate $lhs `,` $rhs attr-dict `:` type($lhs) `->` type($result)
  }];
}

def Vnni_BlendOp : Vnni_IntrinsicOp<"blend", [Pure,
    AllTypesMatch<["a", "b", "result"]>]> {
  let summary = "pick each lane from one of two vectors by a mask";
  let description = [{
    `_mm*_mask_blend_<lane>(mask, a, b)`: lane `j` of width `lane` is lane
    `j` of `b` when bit `j` of `mask` is set, else lane `j` of `a`. `mask`
    is an `i8`/`i16`/`i32`/`i64` of `max(8, lanes)` bits, the bits past
    the last lane ignored. Needs `avx512f`, plus `avx512vl` for 128/256-bit
    vectors and `avx512bw` for `epi8`/`epi16` lanes.

    ```mlir
    %s = vnni.blend <ps> %neg, %zero, %minus_one : i16, !vnni.m512
    ```
  }];
  let arguments = (ins Vnni_LaneAttr:$lane, Vnni_Mask:$mask,
                       Vnni_AnyVector:$a, Vnni_AnyVector:$b);
  let results = (outs Vnni_AnyVector:$result);
  let assemblyFormat = [{
    $lane $mask `,` $a `,` $b attr-dict `:` type($mask) `,` type($result)
  }];
}

//===----------------------------------------------------------------------===//
// Lane-wise arithmetic
//===----------------------------------------------------------------------===//

def Vnni_BinaryOp : Vnni_IntrinsicOp<"binary", [Pure,
    AllTypesMatch<["lhs", "rhs", "result"]>, AttrSizedOperandSegments,
    OptionalTypesMatchWith<"passthru has the result type", "result",
                           "passthru", "$_self">]> {
  let summary = "lane-wise binary arithmetic, optionally under a write mask";
  let description = [{
    `_mm*_<kind>_<lane>(lhs, rhs)`, lane by lane:

    | kind     | lanes                          | result lane |
    |----------|--------------------------------|-------------|
    | `add`    | `epi8`..`epi64`, `ps`          | `l + r` (integers wrap) |
    | `sub`    | `epi8`..`epi64`, `ps`          | `l - r` (integers wrap) |
    | `mullo`  | `epi16`, `epi32`, `epi64`      | low half of the exact product `l * r` |
    | `mul`    | `ps`                           | `l * r` |
    | `max`    | `epi8`..`epi64` (signed), `ps` | `l > r ? l : r` |
    | `min`    | `epi8`..`epi64` (signed), `ps` | `l < r ? l : r` |
    | `div`    | `ps`                           | `l / r` |
    | `scalef` | `ps`                           | `l · 2^floor(r)` |

    Integer lanes are signed two's complement; float lanes are IEEE f32
    rounded to nearest even (the default MXCSR; denormals are neither
    flushed nor treated as zero). For `ps`, `max`/`min` return `rhs` when
    either operand is NaN or both are zero (the `maxps`/`minps` rule).
    `scalef` is `vscalefps` (`_mm*_scalef_ps`): the exact `l · 2^floor(r)`
    rounded once, a NaN operand giving a quiet NaN (`r` first), and the
    special cases of the SDM's VSCALEFPS table (`0 · 2^+inf` and
    `inf · 2^-inf` are the default NaN, `x · 2^+inf` is ±inf and
    `x · 2^-inf` is ±0 for finite non-zero `x`). `epi*` needs an integer
    vector and `ps` a float vector. The 512-bit `epi8`/`epi16` forms need
    `avx512bw`, `mullo` on `epi64` needs `avx512dq`, 128/256-bit
    `max`/`min`/`mullo` on `epi64` and `scalef` need `avx512vl`. (`div`
    exists only for `ps`; `_mm512_mul_epi32`, a widening multiply of the
    even lanes, is not this op.)

    With `mask` (an `i8`/`i16`/`i32`/`i64`, the C `__mmask8/16/32/64`, of
    `max(8, lanes)` bits), lane `j` is computed only when bit `j` of `mask`
    is set; otherwise it is lane `j` of `passthru` (the `_mm*_mask_<kind>_
    <lane>(passthru, mask, lhs, rhs)` form) or zero when there is no
    `passthru` (`_mm*_maskz_<kind>_<lane>(mask, lhs, rhs)`). Masked-off
    lanes raise no floating-point exception. Bits of `mask` past the last
    lane are ignored. Masked forms need `avx512f`, and also `avx512vl` for
    128/256-bit vectors and `avx512bw` for `epi8`/`epi16` lanes; `passthru`
    needs `mask`.

    ```mlir
    %s = vnni.binary <add> <epi32> %a, %b : !vnni.m512i
    %m = vnni.binary <max> <ps> %x, %zero : !vnni.m512
    %t = vnni.binary <add> <ps> %x, %y mask(%k : i16) passthru(%x)
        : !vnni.m512
    ```
  }];
  let arguments = (ins Vnni_BinaryKindAttr:$kind, Vnni_LaneAttr:$lane,
                       Vnni_AnyVector:$lhs, Vnni_AnyVector:$rhs,
                       Optional<Vnni_Mask>:$mask,
                       Optional<Vnni_AnyVector>:$passthru);
  let results = (outs Vnni_AnyVector:$result);
  let assemblyFormat = [{
    $kind $lane $lhs `,` $rhs (`mask` `(` $mask^ `:` type($mask) `)`)?
    (`passthru` `(` $passthru^ `)`)? attr-dict `:` type($result)
  }];
  let builders = [
    OpBuilder<(ins "::mlir::Type":$result, "BinaryKindAttr":$kind,
                   "LaneAttr":$lane, "::mlir::Value":$lhs,
                   "::mlir::Value":$rhs), [{
      build($_builder, $_state, result, kind, lane, lhs, rhs,
            ::mlir::Value(), ::mlir::Value());
    }]>
  ];
}

def Vnni_FmaddOp : Vnni_IntrinsicOp<"fmadd", [Pure,
    AllTypesMatch<["a", "b", "c", "result"]>]> {
  let summary = "fused multiply-add of f32 lanes";
  let description = [{
    `_mm512_fmadd_ps(a, b, c)` (and `_mm256_fmadd_ps`, `_mm_fmadd_ps`):
    `result[i] = a[i] * b[i] + c[i]` with a single rounding (to nearest
    even).

    ```mlir
    %acc1 = vnni.fmadd %x, %w, %acc : !vnni.m512
    ```
  }];
  let arguments = (ins Vnni_FloatVector:$a, Vnni_FloatVector:$b,
                       Vnni_FloatVector:$c);
  let results = (outs Vnni_FloatVector:$result);
  let assemblyFormat = "$a `,` $b `,` $c attr-dict `:` type($result)";
}

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

def Vnni_ReduceOp : Vnni_IntrinsicOp<"reduce", [Pure]> {
  let summary = "horizontal reduction of a 512-bit vector to a scalar";
  let description = [{
    `_mm512_reduce_<kind>_<lane>(v)` (AVX512F; 512-bit only) with `lane`
    one of `epi32` (16 × i32 → `i32`), `epi64` (8 × i64 → `i64`) or `ps`
    (16 × f32 → `f32`): the sum, product, maximum or minimum of all lanes.
    Integer `add`/`mul` wrap, `max`/`min` are signed. For `ps` the order of
    the operations is unspecified (the compiler may reassociate; Intel's
    reference folds the upper half onto the lower half until one lane is
    left), so float results may differ from a sequential sum by rounding.

    ```mlir
    %sum = vnni.reduce <add> <epi32> %acc : !vnni.m512i -> i32
    %mx = vnni.reduce <max> <ps> %x : !vnni.m512 -> f32
    ```
  }];
  let arguments = (ins Vnni_ReduceKindAttr:$kind, Vnni_LaneAttr:$lane,
                       Vnni_AnyVector:$vector);
  let results = (outs AnyTypeOf<[I32, I64, F32]>:$result);
  let assemblyFormat = [{
    $kind $lane $vector attr-dict `:` type($vector) `->` type($result)
  }];
}

//===----------------------------------------------------------------------===//
// Conversions
//===----------------------------------------------------------------------===//

def Vnni_CvtOp : Vnni_IntrinsicOp<"cvt", [Pure]> {
  let summary = "convert lanes between integer and float or widen them";
  let description = [{
    `_mm*_<kind>(source)`, the prefix given by the result width:

    | kind             | source → result | per lane |
    |------------------|-----------------|----------|
    | `cvtepi32_ps`    | `m512i→m512`, `m256i→m256`, `m128i→m128` | i32 → f32, rounded to nearest even |
    | `cvtps_epi32`    | `m512→m512i`, `m256→m256i`, `m128→m128i` | f32 → i32, rounded to nearest even |
    | `cvttps_epi32`   | as `cvtps_epi32` | f32 → i32, truncated toward zero |
    | `cvtepi8_epi32`  | `m128i` → `m512i`/`m256i`/`m128i` | sign-extends the low 16/8/4 bytes |
    | `cvtepu8_epi32`  | `m128i` → `m512i`/`m256i`/`m128i` | zero-extends the low 16/8/4 bytes |
    | `cvtepi16_epi32` | `m256i→m512i`, `m128i→m256i`, `m128i→m128i` | sign-extends the low 16/8/4 i16 lanes |
    | `cvtepu16_epi32` | as `cvtepi16_epi32` | zero-extends |

    f32 → i32 of a NaN or of a value outside the i32 range gives
    `0x80000000` (the "integer indefinite" value). Rounding is that of the
    default MXCSR (nearest even).

    ```mlir
    %w = vnni.cvt <cvtepu8_epi32> %bytes : !vnni.m128i -> !vnni.m512i
    %f = vnni.cvt <cvtepi32_ps> %acc : !vnni.m512i -> !vnni.m512
    ```
  }];
  let arguments = (ins Vnni_CvtKindAttr:$kind, Vnni_AnyVector:$source);
  let results = (outs Vnni_AnyVector:$result);
  let assemblyFormat = [{
    $kind $source attr-dict `:` type($source) `->` type($result)
  }];
}

def Vnni_ExtractOp : Vnni_IntrinsicOp<"extract", [Pure]> {
  let summary = "extract a 128- or 256-bit part of an integer vector";
  let description = [{
    Bits `[index * w, (index + 1) * w)` of `source`, `w` the width of the
    result:

    * `!vnni.m512i -> !vnni.m128i`: `_mm512_extracti32x4_epi32(source,
      index)`, index in [0, 4);
    * `!vnni.m256i -> !vnni.m128i`: `_mm256_extracti32x4_epi32(source,
      index)` (AVX512VL), index in [0, 2);
    * `!vnni.m512i -> !vnni.m256i`: `_mm512_extracti64x4_epi64(source,
      index)`, index in [0, 2).

    ```mlir
    %q = vnni.extract %v[3] : !vnni.m512i -> !vnni.m128i
    ```
  }];
  let arguments = (ins Vnni_IntVector:$source, I32Attr:$index);
  let results = (outs Vnni_IntVector:$result);
  let assemblyFormat = [{
    $source `[` $index `]` attr-dict `:` type($source) `->` type($result)
  }];
}

def Vnni_CastOp : Vnni_IntrinsicOp<"cast", [Pure]> {
  let summary = "reinterpret or truncate a vector (no instruction)";
  let description = [{
    The `_mm*_cast*` intrinsics that are defined on every bit:

    * same width, integer ↔ float (bits unchanged): `_mm512_castps_si512`,
      `_mm512_castsi512_ps`, `_mm256_castps_si256`, `_mm256_castsi256_ps`,
      `_mm_castps_si128`, `_mm_castsi128_ps`;
    * narrowing to the low bits, same kind: `_mm512_castsi512_si256`,
      `_mm512_castsi512_si128`, `_mm256_castsi256_si128`,
      `_mm512_castps512_ps256`, `_mm512_castps512_ps128`,
      `_mm256_castps256_ps128`.

    Widening casts (`_mm512_castsi128_si512` ...) leave the upper bits
    undefined and are not represented.

    ```mlir
    %lo = vnni.cast %v : !vnni.m512i to !vnni.m128i
    ```
  }];
  let arguments = (ins Vnni_AnyVector:$source);
  let results = (outs Vnni_AnyVector:$result);
  let assemblyFormat = [{
    $source attr-dict `:` type($source) `to` type($result)
  }];
}

//===----------------------------------------------------------------------===//
// Bridge to upstream vectors
//===----------------------------------------------------------------------===//

def Vnni_BitcastOp : Vnni_Op<"bitcast", [Pure]> {
  let summary = "reinterpret between a vnni vector and an upstream vector";
  let description = [{
    Converts a vnni vector type to a 1-D fixed-length builtin `vector` of
    the same number of bits, or back, leaving every bit in place (lane 0 of
    the builtin vector holds the least significant bits). It is not an
    intrinsic: it lets a lowering move from the lane-less C types to the
    lane-typed upstream `vector`/`x86vector` ops, and lets code produced
    with those be emitted as intrinsics. Casts between two vnni types are
    `vnni.cast`; between two builtin vectors `vector.bitcast`.

    ```mlir
    %bytes = vnni.bitcast %v : !vnni.m512i to vector<64xi8>
    %w = vnni.bitcast %lanes : vector<16xi32> to !vnni.m512i
    ```
  }];
  let arguments = (ins AnyType:$source);
  let results = (outs AnyType:$result);
  let assemblyFormat = [{
    $source attr-dict `:` type($source) `to` type($result)
  }];
  let hasVerifier = 1;
}

#endif // XPILER_DIALECT_VNNI_VNNIOPS_TD
