//===- VnniTypes.td - vnni vector types ---------------------*- tablegen -*-===//

#ifndef XPILER_DIALECT_VNNI_VNNITYPES_TD
#define XPILER_DIALECT_VNNI_VNNITYPES_TD

include "vnni/VnniDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinTypeInterfaces.td"

/// One of the six C vector types of `<immintrin.h>`.
class Vnni_VectorType<string name, string typeMnemonic, string cType,
                      int width, bit isInt>
    : TypeDef<Vnni_Dialect, name, [MemRefElementTypeInterface]> {
  let mnemonic = typeMnemonic;
  let summary = "the C type `" # cType # "` (" # width # " bits"
      # !if(isInt, ", integers of any lane width)",
            ", " # !div(width, 32) # " × f32)");
  // MemRefElementTypeInterface: a local `__m512i` lives in a
  // `memref<!vnni.m512i>` slot until mem2reg promotes it.
  let description = !if(isInt, [{
    An integer vector whose lane width is chosen by each intrinsic that
    reads it (8, 16, 32 or 64 bits, lane 0 in the least significant bits).
  }], [{
    A vector of single-precision floats, lane 0 in the least significant
    bits.
  }]) # [{

    ```mlir
    %v = vnni.setzero : !vnni.}] # typeMnemonic # [{
    ```
  }];
  let extraClassDeclaration = [{
    /// Number of bits of the vector.
    static constexpr unsigned kBitWidth = }] # width # [{;
    /// Whether the lanes are integers (`__m*i`) rather than f32.
    static constexpr bool kIsInteger = }] # !if(isInt, "true", "false") # [{;
  }];
}

def Vnni_M512i : Vnni_VectorType<"M512i", "m512i", "__m512i", 512, 1>;
def Vnni_M256i : Vnni_VectorType<"M256i", "m256i", "__m256i", 256, 1>;
def Vnni_M128i : Vnni_VectorType<"M128i", "m128i", "__m128i", 128, 1>;
def Vnni_M512 : Vnni_VectorType<"M512", "m512", "__m512", 512, 0>;
def Vnni_M256 : Vnni_VectorType<"M256", "m256", "__m256", 256, 0>;
def Vnni_M128 : Vnni_VectorType<"M128", "m128", "__m128", 128, 0>;

def Vnni_IntVector : AnyTypeOf<[Vnni_M512i, Vnni_M256i, Vnni_M128i],
    "integer vector (__m512i, __m256i or __m128i)">;
def Vnni_FloatVector : AnyTypeOf<[Vnni_M512, Vnni_M256, Vnni_M128],
    "float vector (__m512, __m256 or __m128)">;
def Vnni_AnyVector : AnyTypeOf<[Vnni_M512i, Vnni_M256i, Vnni_M128i,
                                Vnni_M512, Vnni_M256, Vnni_M128],
    "vnni vector type">;

/// A write mask: the C `__mmask8/16/32/64` are `unsigned char/short/int/
/// long long`, bit j for lane j.
def Vnni_Mask : AnyTypeOf<[I8, I16, I32, I64],
    "write mask (i8, i16, i32 or i64: __mmask8/16/32/64)">;

#endif // XPILER_DIALECT_VNNI_VNNITYPES_TD
