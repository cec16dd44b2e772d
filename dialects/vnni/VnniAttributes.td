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
  I32EnumAttrCase<"max", 4>, I32EnumAttrCase<"min", 5>
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
    `max`, `min`. See `vnni.binary`.
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

#endif // XPILER_DIALECT_VNNI_VNNIATTRIBUTES_TD
