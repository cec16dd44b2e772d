//===- VnniAttributes.td - vnni enums -----------------------*- tablegen -*-===//

#ifndef XPILER_DIALECT_VNNI_VNNIATTRIBUTES_TD
#define XPILER_DIALECT_VNNI_VNNIATTRIBUTES_TD

include "vnni/VnniDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def Vnni_DotKind : I32EnumAttr<"DotKind", "VNNI dot-product variant", [
  I32EnumAttrCase<"dpbusd", 0>, I32EnumAttrCase<"dpbusds", 1>,
  I32EnumAttrCase<"dpwssd", 2>, I32EnumAttrCase<"dpwssds", 3>
]> {
  let cppNamespace = "::xpiler::vnni";
  let genSpecializedAttr = 0;
}

def Vnni_Lane : I32EnumAttr<"Lane",
    "lane type an intrinsic reads a vector as (its name suffix)", [
  I32EnumAttrCase<"epi8", 0>, I32EnumAttrCase<"epi16", 1>,
  I32EnumAttrCase<"epi32", 2>, I32EnumAttrCase<"epi64", 3>,
  I32EnumAttrCase<"ps", 4>
]> {
  let cppNamespace = "::xpiler::vnni";
  let genSpecializedAttr = 0;
}

def Vnni_BinaryKind : I32EnumAttr<"BinaryKind",
    "lane-wise binary operation", [
  I32EnumAttrCase<"add", 0>, I32EnumAttrCase<"sub", 1>,
  I32EnumAttrCase<"mullo", 2>, I32EnumAttrCase<"mul", 3>,
  I32EnumAttrCase<"max", 4>, I32EnumAttrCase<"min", 5>,
  I32EnumAttrCase<"div", 6>, I32EnumAttrCase<"scalef", 7>
]> {
  let cppNamespace = "::xpiler::vnni";
  let genSpecializedAttr = 0;
}

def Vnni_ReduceKind : I32EnumAttr<"ReduceKind",
    "horizontal reduction operation", [
  I32EnumAttrCase<"add", 0>, I32EnumAttrCase<"mul", 1>,
  I32EnumAttrCase<"max", 2>, I32EnumAttrCase<"min", 3>
]> {
  let cppNamespace = "::xpiler::vnni";
  let genSpecializedAttr = 0;
}

def Vnni_CvtKind : I32EnumAttr<"CvtKind", "lane type conversion", [
  I32EnumAttrCase<"cvtepi32_ps", 0>, I32EnumAttrCase<"cvtps_epi32", 1>,
  I32EnumAttrCase<"cvttps_epi32", 2>, I32EnumAttrCase<"cvtepi8_epi32", 3>,
  I32EnumAttrCase<"cvtepu8_epi32", 4>, I32EnumAttrCase<"cvtepi16_epi32", 5>,
  I32EnumAttrCase<"cvtepu16_epi32", 6>
]> {
  let cppNamespace = "::xpiler::vnni";
  let genSpecializedAttr = 0;
}

def Vnni_CmpPredicate : I32EnumAttr<"CmpPredicate",
    "float compare predicate (the _CMP_* immediate of _mm*_cmp_ps_mask)", [
  I32EnumAttrCase<"eq_oq", 0>, I32EnumAttrCase<"lt_os", 1>,
  I32EnumAttrCase<"le_os", 2>, I32EnumAttrCase<"unord_q", 3>,
  I32EnumAttrCase<"neq_uq", 4>, I32EnumAttrCase<"nlt_us", 5>,
  I32EnumAttrCase<"nle_us", 6>, I32EnumAttrCase<"ord_q", 7>,
  I32EnumAttrCase<"eq_uq", 8>, I32EnumAttrCase<"nge_us", 9>,
  I32EnumAttrCase<"ngt_us", 10>, I32EnumAttrCase<"false_oq", 11>,
  I32EnumAttrCase<"neq_oq", 12>, I32EnumAttrCase<"ge_os", 13>,
  I32EnumAttrCase<"gt_os", 14>, I32EnumAttrCase<"true_uq", 15>,
  I32EnumAttrCase<"eq_os", 16>, I32EnumAttrCase<"lt_oq", 17>,
  I32EnumAttrCase<"le_oq", 18>, I32EnumAttrCase<"unord_s", 19>,
  I32EnumAttrCase<"neq_us", 20>, I32EnumAttrCase<"nlt_uq", 21>,
  I32EnumAttrCase<"nle_uq", 22>, I32EnumAttrCase<"ord_s", 23>,
  I32EnumAttrCase<"eq_us", 24>, I32EnumAttrCase<"nge_uq", 25>,
  I32EnumAttrCase<"ngt_uq", 26>, I32EnumAttrCase<"false_os", 27>,
  I32EnumAttrCase<"neq_os", 28>, I32EnumAttrCase<"ge_oq", 29>,
  I32EnumAttrCase<"gt_oq", 30>, I32EnumAttrCase<"true_us", 31>
]> {
  let cppNamespace = "::xpiler::vnni";
  let genSpecializedAttr = 0;
}

//===----------------------------------------------------------------------===//
// Enum attributes
//===----------------------------------------------------------------------===//

def Vnni_DotKindAttr : EnumAttr<Vnni_Dialect, Vnni_DotKind, "dot_kind"> {
  let summary = "a VNNI dot-product variant";
  let description = [{
    `dpbusd`/`dpbusds`: u8 × s8 in groups of 4; `dpwssd`/`dpwssds`:
    s16 × s16 in pairs; the `s` forms saturate. See `vnni.dp`.
  }];
  let assemblyFormat = "`<` $value `>`";
}

def Vnni_LaneAttr : EnumAttr<Vnni_Dialect, Vnni_Lane, "lane"> {
  let summary = "the lane type an intrinsic reads a vector as";
  let description = [{
    The suffix of an intrinsic's name: `epi8`/`epi16`/`epi32`/`epi64` read
    an integer vector as lanes of `i8`/`i16`/`i32`/`i64`, `ps` a float
    vector as lanes of `f32`.
  }];
  let assemblyFormat = "`<` $value `>`";
}

def Vnni_BinaryKindAttr : EnumAttr<Vnni_Dialect, Vnni_BinaryKind,
                                   "binary_kind"> {
  let summary = "a lane-wise binary operation";
  let description = [{
    `add`, `sub`, `mullo` (low half of the integer product), `mul` (f32),
    `max`, `min`, `div` (f32), `scalef` (f32, `a · 2^floor(b)`). See
    `vnni.binary`.
  }];
  let assemblyFormat = "`<` $value `>`";
}

def Vnni_ReduceKindAttr : EnumAttr<Vnni_Dialect, Vnni_ReduceKind,
                                   "reduce_kind"> {
  let summary = "a horizontal reduction";
  let description = [{ `add`, `mul`, `max`, `min`. See `vnni.reduce`. }];
  let assemblyFormat = "`<` $value `>`";
}

def Vnni_CvtKindAttr : EnumAttr<Vnni_Dialect, Vnni_CvtKind, "cvt_kind"> {
  let summary = "a lane type conversion";
  let description = [{
    The intrinsic name without its `_mm*_` prefix. See `vnni.cvt`.
  }];
  let assemblyFormat = "`<` $value `>`";
}

def Vnni_CmpPredicateAttr : EnumAttr<Vnni_Dialect, Vnni_CmpPredicate,
                                     "cmp_predicate"> {
  let summary = "a float compare predicate";
  let description = [{
    The `_CMP_<NAME>` immediate of `_mm*_cmp_ps_mask`, lower-cased, with
    its value (0 to 31): `eq_oq` (0), `lt_os` (1), `le_os` (2), `unord_q`
    (3), `neq_uq` (4), `nlt_us` (5), `nle_us` (6), `ord_q` (7), `eq_uq` (8),
    `nge_us` (9), `ngt_us` (10), `false_oq` (11), `neq_oq` (12), `ge_os`
    (13), `gt_os` (14), `true_uq` (15), and the same sixteen relations with
    the other signalling behaviour, 16 to 31: `eq_os`, `lt_oq`, `le_oq`,
    `unord_s`, `neq_us`, `nlt_uq`, `nle_uq`, `ord_s`, `eq_us`, `nge_uq`,
    `ngt_uq`, `false_os`, `neq_os`, `ge_oq`, `gt_oq`, `true_us`. `o`
    (ordered): false when either operand is NaN; `u` (unordered): true when
    either is NaN; `n` negates the relation (`nlt` is "not less than", true
    on NaN). `q`/`s` only choose whether a quiet NaN operand raises the
    invalid exception flag (`s`) or not (`q`); the result bits do not
    depend on it. See `vnni.cmp`.
  }];
  let assemblyFormat = "`<` $value `>`";
}

#endif // XPILER_DIALECT_VNNI_VNNIATTRIBUTES_TD
