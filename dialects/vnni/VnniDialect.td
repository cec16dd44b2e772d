//===- VnniDialect.td - vnni dialect ------------------------*- tablegen -*-===//
//
// The `vnni` dialect: C++ with Intel AVX-512 / DL Boost (VNNI) intrinsics.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_DIALECT_VNNI_VNNIDIALECT_TD
#define XPILER_DIALECT_VNNI_VNNIDIALECT_TD

include "mlir/IR/OpBase.td"

def Vnni_Dialect : Dialect {
  let name = "vnni";
  let cppNamespace = "::xpiler::vnni";
  let summary = "the C++ with Intel AVX-512 / DL Boost (VNNI) intrinsics";
  let description = [{
    The `vnni` dialect models C++ kernels written with Intel's AVX-512 and
    DL Boost (AVX512_VNNI) intrinsics from `<immintrin.h>`. Each op stands
    for one intrinsic (an enum attribute selects among close variants), so
    import from and emission to C++ are 1:1; `getIntrinsicName()` on every
    op returns the exact intrinsic it stands for.

    **Types.** The C vector types become dialect types:

    | C type    | dialect type   | bits | contents |
    |-----------|----------------|------|----------|
    | `__m512i` | `!vnni.m512i`  | 512  | integers, lane width chosen by each intrinsic |
    | `__m256i` | `!vnni.m256i`  | 256  | integers, lane width chosen by each intrinsic |
    | `__m128i` | `!vnni.m128i`  | 128  | integers, lane width chosen by each intrinsic |
    | `__m512`  | `!vnni.m512`   | 512  | 16 × f32 |
    | `__m256`  | `!vnni.m256`   | 256  | 8 × f32 |
    | `__m128`  | `!vnni.m128`   | 128  | 4 × f32 |

    They are not upstream `vector` types because the C integer types have no
    lane width: the same `__m512i` value is read as 64 × u8 by
    `_mm512_dpbusd_epi32`, as 32 × i16 by `_mm512_dpwssd_epi32` and as
    16 × i32 by `_mm512_add_epi32`. Picking a `vector<NxiM>` type would
    invent a lane width the source does not have and force a cast at every
    intrinsic. `vnni.bitcast` converts between a dialect type and any 1-D
    upstream `vector` of the same bit width (`vector<64xi8>`,
    `vector<32xi16>`, `vector<16xi32>`, `vector<16xf32>` ...), so that a
    later lowering can continue with upstream `vector`/`x86vector`, which
    carry lane-typed vectors exactly. Lanes are numbered from the least
    significant bits (lane 0 is the lowest-addressed element in memory,
    x86 is little-endian).

    **Scalars and memory.** C `char`/`short`/`int`/`long long` are signless
    `i8`/`i16`/`i32`/`i64`, `float` is `f32`. Pointers are memrefs of any
    rank with the identity (row-major, contiguous) layout, or 1-D views
    with unit stride (`strided<[1], offset: ?>`), and no memory space (host
    memory); a `void *` is a byte pointer (`memref<?xi8>`); a load or store names its first element with one
    index per dimension and touches the following 16/32/64 bytes in
    row-major order. Plain C (loops, scalar arithmetic, pointer offsets) is
    written with upstream `scf`, `arith`, `math`, `memref` and `func`.

    **Target features.** `func.func` may carry
    `vnni.target_features = "avx512f,avx512bw,avx512vl,avx512vnni"`: the
    AVX-512 features the function is compiled for, which emission turns into
    `__attribute__((target("...")))` / `-m` flags. Every name must be a known
    AVX-512 feature (GCC/Clang spelling). When the attribute is present,
    each op in the function is checked to need only enabled features (every
    AVX-512 feature implies `avx512f`; the 128/256-bit forms of AVX-512
    instructions need `avx512vl`; SSE/AVX/AVX2 forms are implied by
    `avx512f`).

    **Write masks.** `__mmask8/16/32/64` are typedefs of `unsigned char/
    short/int/long long`, so masks are the signless `i8`/`i16`/`i32`/`i64`
    they are in C (plain integer arithmetic builds them, e.g.
    `(__mmask16)((1u << n) - 1)`), bit `j` selecting lane `j`. An op that
    takes a mask for a vector of `n` lanes takes `max(8, n)` bits, as the
    intrinsic's C signature does; bits past the last lane are ignored.
    Masked forms: `vnni.binary` with `mask` (and `passthru`),
    `vnni.masked_load`, `vnni.masked_store`, `vnni.blend`; `vnni.cmp`
    produces a mask.
  }];

  let useDefaultTypePrinterParser = 1;
  let useDefaultAttributePrinterParser = 1;
  let hasOperationAttrVerify = 1;

  let extraClassDeclaration = [{
    void registerTypes();
    void registerAttributes();

    /// Discardable attribute names this dialect owns.
    static constexpr ::llvm::StringLiteral kTargetFeaturesAttrName =
        "vnni.target_features";
  }];
}

class Vnni_Op<string mnemonic, list<Trait> traits = []>
    : Op<Vnni_Dialect, mnemonic, traits>;

#endif // XPILER_DIALECT_VNNI_VNNIDIALECT_TD
