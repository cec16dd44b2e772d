//===- GpuMatrixRuntime.cpp - warp-cooperative GPU ops: reference semantics ===//
//
// Shuffles and votes (CUDA `__shfl*_sync`, `__ballot/__any/__all_sync`; HIP
// `__shfl*`, `__any`, `__all`, `__ballot`), nvcuda::wmma fragments and AMD
// MFMA. GPU threads are fibers (Scheduler.cpp) and warps level-1 groups of
// runUnits: a cooperative op publishes a pointer to the calling lane's
// record in unitSlots(), waits at a level-1 barrier, computes its own result
// from every lane's record and waits at a second level-1 barrier so that no
// record is overwritten while another lane still reads it.
//
// A lane *participates* in a cooperative op when it has not returned and
// waits at the same op (same location id); lanes of the warp that wait at
// another warp-level op in divergent code are inactive for this one.
// Reading a value from an inactive lane is undefined on the hardware and a
// trap here (TrapKind::Unsupported with one of the GpuMatrixDetail codes).
//
//===----------------------------------------------------------------------===//

#include "Runtime.h"

#include <cmath>
#include <cstring>
#include <limits>

using namespace xpiler::exec::rt;

namespace {

/// Detail codes of TrapKind::Unsupported traps of this file (`a`).
enum GpuMatrixDetail : int64_t {
  kBadShuffleWidth = 701,    ///< b: width
  kInactiveSourceLane = 702, ///< b: source lane, c: reading lane
  kCallerNotInMask = 703,    ///< b: lane, c: mask
  kIncompleteWarp = 704,     ///< b: missing lane, c: warp size
  kBadLeadingDim = 705,      ///< b: ldm, c: element bytes
  kBadFragmentIndex = 706,   ///< b: index, c: num_elements
  kBadMfmaKind = 707,        ///< b: kind
  kUnsupportedModifier = 708 ///< b: blgp
};

//===----------------------------------------------------------------------===//
// Scalar element types
//===----------------------------------------------------------------------===//

/// Element codes shared with GpuMatrixExec.cpp (the lowering passes them).
enum Elem : int64_t {
  F16 = 0,
  BF16 = 1,
  F32 = 2,
  F64 = 3,
  S8 = 4,
  U8 = 5,
  I32 = 6,
  TF32 = 7, ///< stored as f32; the low 13 mantissa bits are ignored
  FP8 = 8,  ///< gfx94x fp8: E4M3FNUZ
  BF8 = 9,  ///< gfx94x bf8: E5M2FNUZ
};

int64_t elemBytes(int64_t e) {
  switch (e) {
  case F16:
  case BF16:
    return 2;
  case F32:
  case I32:
  case TF32:
    return 4;
  case F64:
    return 8;
  default:
    return 1;
  }
}

float bitsToFloat(uint32_t bits) {
  float f;
  std::memcpy(&f, &bits, 4);
  return f;
}

double halfToDouble(uint16_t h) {
  int sign = h >> 15, exp = (h >> 10) & 0x1f, man = h & 0x3ff;
  double v;
  if (exp == 0)
    v = std::ldexp((double)man, -24);
  else if (exp == 31)
    v = man ? std::numeric_limits<double>::quiet_NaN()
            : std::numeric_limits<double>::infinity();
  else
    v = std::ldexp((double)(man | 0x400), exp - 25);
  return sign ? -v : v;
}

/// The bits of `v` rounded to nearest even in a binary format with
/// `manBits` mantissa bits and exponent bias `bias` (all-ones exponent:
/// inf/NaN): IEEE binary16 (10, 15) and bfloat16 (7, 127). Rounded once
/// from the double, without going through float.
uint16_t roundToSmallFloat(double v, int manBits, int bias) {
  uint16_t expMask = (uint16_t)((1u << (15 - manBits)) - 1) << manBits;
  if (std::isnan(v))
    return expMask | (uint16_t)(1u << (manBits - 1));
  uint16_t sign = std::signbit(v) ? 0x8000 : 0;
  double a = std::fabs(v);
  if (std::isinf(a))
    return sign | expMask;
  if (a < std::ldexp(1.0, 1 - bias)) // subnormal or zero: units of the least
    return sign | (uint16_t)std::nearbyint(std::ldexp(a, bias - 1 + manBits));
  int x;
  double f = std::frexp(a, &x); // a = f 2^x, f in [0.5, 1)
  double q = std::nearbyint(std::ldexp(f * 2 - 1, manBits));
  uint32_t bits = ((uint32_t)(x - 1 + bias) << manBits) + (uint32_t)q;
  if (bits >= expMask) // overflow: infinity
    return sign | expMask;
  return sign | (uint16_t)bits;
}

double bf16ToDouble(uint16_t b) { return bitsToFloat((uint32_t)b << 16); }

/// 8-bit floats without infinities whose only NaN is 0x80 (AMD's gfx94x fp8
/// and bf8: E4M3FNUZ with bias 8, E5M2FNUZ with bias 16).
double fnuzToDouble(uint8_t v, int expBits, int manBits, int bias) {
  if (v == 0x80)
    return std::numeric_limits<double>::quiet_NaN();
  int sign = v >> 7, exp = (v >> manBits) & ((1 << expBits) - 1),
      man = v & ((1 << manBits) - 1);
  double r = exp == 0 ? std::ldexp((double)man, 1 - bias - manBits)
                      : std::ldexp((double)(man | (1 << manBits)),
                                   exp - bias - manBits);
  return sign ? -r : r;
}

/// Element `i` of the buffer `p` of elements `e`, as a double (integers
/// exactly: |v| < 2^31).
double loadElem(const void *p, int64_t e, int64_t i) {
  const char *c = static_cast<const char *>(p);
  switch (e) {
  case F16: {
    uint16_t h;
    std::memcpy(&h, c + 2 * i, 2);
    return halfToDouble(h);
  }
  case BF16: {
    uint16_t h;
    std::memcpy(&h, c + 2 * i, 2);
    return bf16ToDouble(h);
  }
  case F32: {
    float f;
    std::memcpy(&f, c + 4 * i, 4);
    return f;
  }
  case TF32: {
    uint32_t bits;
    std::memcpy(&bits, c + 4 * i, 4);
    if ((bits & 0x7f800000) != 0x7f800000)
      bits &= ~uint32_t(0x1fff);
    return bitsToFloat(bits);
  }
  case F64: {
    double d;
    std::memcpy(&d, c + 8 * i, 8);
    return d;
  }
  case S8:
    return (double)(int8_t)c[i];
  case U8:
    return (double)(uint8_t)c[i];
  case I32: {
    int32_t v;
    std::memcpy(&v, c + 4 * i, 4);
    return v;
  }
  case FP8:
    return fnuzToDouble((uint8_t)c[i], 4, 3, 8);
  case BF8:
    return fnuzToDouble((uint8_t)c[i], 5, 2, 16);
  }
  return 0;
}

int64_t loadInt(const void *p, int64_t e, int64_t i) {
  const char *c = static_cast<const char *>(p);
  switch (e) {
  case S8:
    return (int8_t)c[i];
  case U8:
    return (uint8_t)c[i];
  case I32: {
    int32_t v;
    std::memcpy(&v, c + 4 * i, 4);
    return v;
  }
  }
  return 0;
}

bool isInt(int64_t e) { return e == S8 || e == U8 || e == I32; }

/// Stores a floating-point result `v` (rounded once from the exact-ish
/// double sum) as element `i` of `p`.
void storeFloat(void *p, int64_t e, int64_t i, double v) {
  char *c = static_cast<char *>(p);
  switch (e) {
  case F16: {
    uint16_t h = roundToSmallFloat(v, 10, 15);
    std::memcpy(c + 2 * i, &h, 2);
    return;
  }
  case BF16: {
    uint16_t h = roundToSmallFloat(v, 7, 127);
    std::memcpy(c + 2 * i, &h, 2);
    return;
  }
  case F32:
  case TF32: {
    float f = (float)v;
    std::memcpy(c + 4 * i, &f, 4);
    return;
  }
  case F64:
    std::memcpy(c + 8 * i, &v, 8);
    return;
  }
}

void storeInt(void *p, int64_t i, int64_t v) {
  int32_t w = (int32_t)(uint32_t)(uint64_t)v; // wraps like the hardware
  std::memcpy(static_cast<char *>(p) + 4 * i, &w, 4);
}

//===----------------------------------------------------------------------===//
// Warp records
//===----------------------------------------------------------------------===//

/// What a lane publishes for a cooperative op.
struct LaneRecord {
  int64_t location;
  int64_t value;        ///< shuffles/votes
  const void *ops[3];   ///< wmma/mfma operands
};

/// Publishes `rec`, waits for the warp, returns the records (indexed by
/// lane; null for lanes that returned or wait at another op).
void exchange(LaneRecord &rec, const LaneRecord **out, int64_t warpSize) {
  void **slots = unitSlots();
  int64_t self = currentUnit();
  slots[self] = &rec;
  barrier(1, rec.location);
  int64_t base = gpuWarpBase();
  uint64_t live = gpuLiveLanes();
  for (int64_t l = 0; l < warpSize; ++l) {
    out[l] = nullptr;
    if (!(live >> l & 1) || base + l >= unitCount())
      continue;
    auto *r = static_cast<const LaneRecord *>(slots[base + l]);
    if (r && r->location == rec.location)
      out[l] = r;
  }
}

/// The second barrier of a cooperative op (see the file comment).
void release(const LaneRecord &rec) {
  barrier(1, rec.location);
  unitSlots()[currentUnit()] = nullptr;
}

//===----------------------------------------------------------------------===//
// MFMA register layouts
//===----------------------------------------------------------------------===//

/// One `__builtin_amdgcn_mfma_<kind>`: D (M x N, per block) = A (M x K) *
/// B (K x N) + C, `blocks` independent blocks; each lane holds `kPerLane`
/// consecutive K values of A and of B (the operand `a`/`b`) and `accLen`
/// elements of C/D.
struct MfmaKind {
  int m, n, k, blocks;
  Elem a, b;
  int kPerLane;
  Elem acc;
  int accLen;
};

/// Indexed by xpiler::hip::MfmaKind (HipAttributes.td), same order.
const MfmaKind kMfmaKinds[] = {
    {32, 32, 1, 2, F32, F32, 1, F32, 32},      // f32_32x32x1f32
    {16, 16, 1, 4, F32, F32, 1, F32, 16},      // f32_16x16x1f32
    {4, 4, 1, 16, F32, F32, 1, F32, 4},        // f32_4x4x1f32
    {32, 32, 2, 1, F32, F32, 1, F32, 16},      // f32_32x32x2f32
    {16, 16, 4, 1, F32, F32, 1, F32, 4},       // f32_16x16x4f32
    {32, 32, 4, 2, F16, F16, 4, F32, 32},      // f32_32x32x4f16
    {16, 16, 4, 4, F16, F16, 4, F32, 16},      // f32_16x16x4f16
    {4, 4, 4, 16, F16, F16, 4, F32, 4},        // f32_4x4x4f16
    {32, 32, 8, 1, F16, F16, 4, F32, 16},      // f32_32x32x8f16
    {16, 16, 16, 1, F16, F16, 4, F32, 4},      // f32_16x16x16f16
    {32, 32, 4, 2, S8, S8, 4, I32, 32},        // i32_32x32x4i8
    {16, 16, 4, 4, S8, S8, 4, I32, 16},        // i32_16x16x4i8
    {4, 4, 4, 16, S8, S8, 4, I32, 4},          // i32_4x4x4i8
    {32, 32, 8, 1, S8, S8, 4, I32, 16},        // i32_32x32x8i8
    {16, 16, 16, 1, S8, S8, 4, I32, 4},        // i32_16x16x16i8
    {32, 32, 2, 2, BF16, BF16, 2, F32, 32},    // f32_32x32x2bf16
    {16, 16, 2, 4, BF16, BF16, 2, F32, 16},    // f32_16x16x2bf16
    {4, 4, 2, 16, BF16, BF16, 2, F32, 4},      // f32_4x4x2bf16
    {32, 32, 4, 1, BF16, BF16, 2, F32, 16},    // f32_32x32x4bf16
    {16, 16, 8, 1, BF16, BF16, 2, F32, 4},     // f32_16x16x8bf16
    {32, 32, 4, 2, BF16, BF16, 4, F32, 32},    // f32_32x32x4bf16_1k
    {16, 16, 4, 4, BF16, BF16, 4, F32, 16},    // f32_16x16x4bf16_1k
    {4, 4, 4, 16, BF16, BF16, 4, F32, 4},      // f32_4x4x4bf16_1k
    {32, 32, 8, 1, BF16, BF16, 4, F32, 16},    // f32_32x32x8bf16_1k
    {16, 16, 16, 1, BF16, BF16, 4, F32, 4},    // f32_16x16x16bf16_1k
    {16, 16, 4, 1, F64, F64, 1, F64, 4},       // f64_16x16x4f64
    {4, 4, 4, 4, F64, F64, 1, F64, 1},         // f64_4x4x4f64
    {16, 16, 32, 1, S8, S8, 8, I32, 4},        // i32_16x16x32_i8
    {32, 32, 16, 1, S8, S8, 8, I32, 16},       // i32_32x32x16_i8
    {16, 16, 8, 1, F32, F32, 2, F32, 4},       // f32_16x16x8_xf32
    {32, 32, 4, 1, F32, F32, 2, F32, 16},      // f32_32x32x4_xf32
    {16, 16, 32, 1, BF8, BF8, 8, F32, 4},      // f32_16x16x32_bf8_bf8
    {16, 16, 32, 1, BF8, FP8, 8, F32, 4},      // f32_16x16x32_bf8_fp8
    {16, 16, 32, 1, FP8, BF8, 8, F32, 4},      // f32_16x16x32_fp8_bf8
    {16, 16, 32, 1, FP8, FP8, 8, F32, 4},      // f32_16x16x32_fp8_fp8
    {32, 32, 16, 1, BF8, BF8, 8, F32, 16},     // f32_32x32x16_bf8_bf8
    {32, 32, 16, 1, BF8, FP8, 8, F32, 16},     // f32_32x32x16_bf8_fp8
    {32, 32, 16, 1, FP8, BF8, 8, F32, 16},     // f32_32x32x16_fp8_bf8
    {32, 32, 16, 1, FP8, FP8, 8, F32, 16},     // f32_32x32x16_fp8_fp8
    {16, 16, 32, 1, F16, F16, 8, F32, 4},      // f32_16x16x32_f16
    {32, 32, 16, 1, F16, F16, 8, F32, 16},     // f32_32x32x16_f16
    {16, 16, 32, 1, BF16, BF16, 8, F32, 4},    // f32_16x16x32_bf16
    {32, 32, 16, 1, BF16, BF16, 8, F32, 16},   // f32_32x32x16_bf16
    {16, 16, 64, 1, S8, S8, 16, I32, 4},       // i32_16x16x64_i8
    {32, 32, 32, 1, S8, S8, 16, I32, 16},      // i32_32x32x32_i8
};
constexpr int64_t kNumMfmaKinds = sizeof(kMfmaKinds) / sizeof(kMfmaKinds[0]);

/// Lane and item of A[i][k] (B[k][j] with `i` = j) of block `b`. From AMD's
/// matrix instruction calculator (amd_matrix_instruction_calculator, CDNA1-3
/// "GPR/lane" formulas) and the CDNA3 ISA guide, section 7.1: lanes
/// `i + M * (b + B * (k / kPerLane))`, item `k % kPerLane` - e.g. for
/// f32_16x16x16f16 lane l holds A[l % 16][4 (l / 16) + item].
void mfmaInputPosition(const MfmaKind &kd, int64_t i, int64_t k, int64_t b,
                       int64_t &lane, int64_t &item) {
  item = k % kd.kPerLane;
  lane = i + kd.m * (b + kd.blocks * (k / kd.kPerLane));
}

/// Rows per accumulator register group: 4 (one register per row of 4
/// consecutive rows), 1 for f64_4x4x4f64 (one element per lane).
int64_t mfmaRowGroup(const MfmaKind &kd) {
  int64_t perLane = (int64_t)kd.m * kd.n * kd.blocks / 64;
  return perLane < 4 ? perLane : 4;
}

/// The block, row and column of item `item` of lane `lane` of C/D (the
/// calculator's output formula: with H rows per group, B_I = ceil(64 / (M N
/// / H)) blocks side by side in the lanes, M_I = 64 / B_I / N row groups in
/// the lanes and G = M / (H M_I): item = i % H + H (i / (H M_I) + G (b /
/// B_I)), lane = j + N ((i / H) % M_I + M_I (b % B_I))). E.g. for
/// f32_16x16x16f16 item v of lane l is D[4 (l / 16) + v][l % 16].
void mfmaOutputElement(const MfmaKind &kd, int64_t lane, int64_t item,
                       int64_t &block, int64_t &row, int64_t &col) {
  int64_t h = mfmaRowGroup(kd);
  int64_t perBlock = (int64_t)kd.m * kd.n / h; // lanes x groups per block
  int64_t bI = (64 + perBlock - 1) / perBlock;
  int64_t mI = 64 / bI / kd.n;
  int64_t g = kd.m / (h * mI);
  col = lane % kd.n;
  int64_t laneGroup = lane / kd.n; // (i / H) % M_I + M_I (b % B_I)
  int64_t iMid = laneGroup % mI, bLow = laneGroup / mI;
  int64_t iLow = item % h, rest = item / h; // i / (H M_I) + G (b / B_I)
  int64_t iHigh = rest % g, bHigh = rest / g;
  block = bHigh * bI + bLow;
  row = iHigh * h * mI + iMid * h + iLow;
}

//===----------------------------------------------------------------------===//
// wmma fragment layout
//===----------------------------------------------------------------------===//

/// Rows and columns of a fragment's matrix: A is M x K, B K x N, C/D M x N.
void fragmentShape(int64_t use, int64_t m, int64_t n, int64_t k,
                   int64_t &rows, int64_t &cols) {
  rows = use == 1 ? k : m;
  cols = use == 0 ? k : n;
}

/// Elements per lane, as CUDA's mma.h declares them (`num_elements`):
/// 16 for f16 matrix_a/matrix_b (each element held twice), rows * cols / 32
/// otherwise (8 for 16x16 accumulators, 4 for tf32 matrix_a, 1 for f64 ...).
int64_t fragmentElements(int64_t use, int64_t m, int64_t n, int64_t k,
                         int64_t elem) {
  if (use != 2 && elem == F16)
    return 16;
  int64_t rows, cols;
  fragmentShape(use, m, n, k, rows, cols);
  return rows * cols / 32;
}

/// The (documented, CUDA leaves it unspecified) mapping of xpiler's oracle:
/// element `e` of lane `l` holds the matrix element of row-major index
/// `(l * num_elements + e) % (rows * cols)`, i.e. lane 0 holds the first
/// num_elements of row 0 ..., independent of the memory layout; f16 A/B
/// fragments (num_elements 16) hold every element twice.
void fragmentElement(int64_t rows, int64_t cols, int64_t count, int64_t lane,
                     int64_t e, int64_t &row, int64_t &col) {
  int64_t flat = (lane * count + e) % (rows * cols);
  row = flat / cols;
  col = flat % cols;
}

} // namespace

extern "C" {

//===----------------------------------------------------------------------===//
// Shuffles and votes
//===----------------------------------------------------------------------===//

/// `__shfl*_sync(mask, value, offset, width)` (CUDA C++ Programming Guide,
/// "Warp Shuffle Functions"; PTX ISA `shfl.sync`) and HIP's `__shfl*`
/// (amd_warp_functions.h). `kind`: 0 idx, 1 up, 2 down, 3 xor; `width` 0:
/// warpSize; `flags` bit 0: `mask` is given (else every active lane, HIP's
/// non-`_sync` forms), bit 1: HIP. `value` is the bits of the value (any
/// type up to 64 bits). In the caller's segment of `width` lanes starting at
/// `seg`, the source lane is:
///   CUDA (shfl.sync uses the low 5 bits of the offset, b = offset & 31;
///   checked on an H100 for offsets up to 64 and negative ones): idx
///   `seg + (offset & (width - 1))`; up `lane - b` unless below `seg`; down
///   `lane + b` unless past the segment; xor `lane ^ b` unless past the
///   segment (earlier segments can be read). Otherwise the caller's own
///   value.
///   HIP (the header's int arithmetic on `unsigned` deltas, then
///   ds_bpermute, which takes the lane index modulo 64): idx as CUDA; up
///   `i = lane - delta`, own if `i < seg`; down `i = lane + delta`, own if
///   `(lane & (width - 1)) + delta >= width`; xor `i = lane ^ offset`, own
///   if `i >= seg + width`.
int64_t __xpl_rt_gpu_shfl(int64_t value, int64_t kind, int64_t offset,
                          int64_t width, int64_t mask, int64_t flags,
                          int64_t location) {
  int64_t warpSize = gpuLaunch().warpSize;
  bool hasMask = flags & 1, hip = flags & 2;
  if (width == 0)
    width = warpSize;
  if (width <= 0 || width > warpSize || (width & (width - 1)))
    trap(TrapKind::Unsupported, location, kBadShuffleWidth, width);
  int64_t lane = gpuLaneId();
  uint64_t laneMask = hasMask ? (uint64_t)mask : ~uint64_t(0);
  if (!(laneMask >> lane & 1))
    trap(TrapKind::Unsupported, location, kCallerNotInMask, lane, mask);
  LaneRecord rec{location, value, {nullptr, nullptr, nullptr}};
  const LaneRecord *lanes[64];
  exchange(rec, lanes, warpSize);
  int64_t seg = lane & ~(width - 1);
  int64_t src = lane;
  if (kind == 0) {
    src = seg + (offset & (width - 1));
  } else if (!hip) {
    int64_t b = offset & 31;
    int64_t j = kind == 1 ? lane - b : kind == 2 ? lane + b : lane ^ b;
    bool inRange = kind == 1 ? j >= seg : j < seg + width;
    src = inRange ? j : lane;
  } else {
    int32_t self = (int32_t)lane, w = (int32_t)width;
    uint32_t delta = (uint32_t)offset;
    int32_t index = self;
    if (kind == 1) {
      index = (int32_t)((uint32_t)self - delta);
      if (index < (self & ~(w - 1)))
        index = self;
    } else if (kind == 2) {
      index = (int32_t)((uint32_t)self + delta);
      if ((int32_t)((uint32_t)(self & (w - 1)) + delta) >= w)
        index = self;
    } else {
      index = self ^ (int32_t)offset;
      if (index >= ((self + w) & ~(w - 1)))
        index = self;
    }
    src = index & 63;
  }
  if (src < 0 || src >= warpSize || !lanes[src] || !(laneMask >> src & 1))
    trap(TrapKind::Unsupported, location, kInactiveSourceLane, src, lane);
  int64_t result = lanes[src]->value;
  release(rec);
  return result;
}

/// `__ballot_sync` / `__any_sync` / `__all_sync` (CUDA) and `__ballot`,
/// `__any`, `__all` (HIP), with or without mask: the predicate of every
/// participating lane named in the mask (all active lanes without mask).
/// `kind`: 0 ballot (the bit mask of those lanes whose predicate is
/// non-zero), 1 any, 2 all (0 or 1).
int64_t __xpl_rt_gpu_vote(int64_t kind, int64_t predicate, int64_t mask,
                          int64_t hasMask, int64_t location) {
  int64_t warpSize = gpuLaunch().warpSize;
  int64_t lane = gpuLaneId();
  uint64_t laneMask = hasMask ? (uint64_t)mask : ~uint64_t(0);
  if (!(laneMask >> lane & 1))
    trap(TrapKind::Unsupported, location, kCallerNotInMask, lane, mask);
  LaneRecord rec{location, predicate != 0, {nullptr, nullptr, nullptr}};
  const LaneRecord *lanes[64];
  exchange(rec, lanes, warpSize);
  uint64_t ballot = 0;
  bool any = false, all = true;
  for (int64_t l = 0; l < warpSize; ++l) {
    if (!lanes[l] || !(laneMask >> l & 1))
      continue;
    bool p = lanes[l]->value != 0;
    if (p)
      ballot |= uint64_t(1) << l;
    any |= p;
    all &= p;
  }
  release(rec);
  switch (kind) {
  case 0:
    return (int64_t)ballot;
  case 1:
    return any;
  default:
    return all;
  }
}

//===----------------------------------------------------------------------===//
// wmma
//===----------------------------------------------------------------------===//

int64_t __xpl_rt_wmma_num_elements(int64_t use, int64_t m, int64_t n,
                                   int64_t k, int64_t elem) {
  return fragmentElements(use, m, n, k, elem);
}

/// Row and column of element `e` of lane `lane` (for tests and tools).
void __xpl_rt_wmma_element(int64_t use, int64_t m, int64_t n, int64_t k,
                           int64_t elem, int64_t lane, int64_t e,
                           int64_t *row, int64_t *col) {
  int64_t rows, cols;
  fragmentShape(use, m, n, k, rows, cols);
  fragmentElement(rows, cols, fragmentElements(use, m, n, k, elem), lane, e,
                  *row, *col);
}

/// Traps unless 0 <= index < count (`frag.x[index]`).
void __xpl_rt_wmma_check_index(int64_t index, int64_t count,
                               int64_t location) {
  if (index < 0 || index >= count)
    trap(TrapKind::Unsupported, location, kBadFragmentIndex, index, count);
}

/// Checks `ldm` (a multiple of 16 bytes, CUDA Programming Guide "Warp
/// Matrix Functions": 8 halves, 4 floats ...) and returns the element offset
/// of element (row, col) of the tile for a row-major (`colMajor` 0) or
/// column-major tile.
static int64_t tileOffset(int64_t row, int64_t col, int64_t ldm,
                          int64_t colMajor) {
  return colMajor ? col * ldm + row : row * ldm + col;
}

static void checkLeadingDim(int64_t ldm, int64_t elem, int64_t location) {
  int64_t bytes = elemBytes(elem);
  if (ldm < 0 || (ldm * bytes) % 16 != 0)
    trap(TrapKind::Unsupported, location, kBadLeadingDim, ldm, bytes);
}

/// `load_matrix_sync(frag, ptr, ldm[, layout])`: fills the calling lane's
/// elements (`frag`, num_elements of the storage type) from the tile whose
/// first element is `data[start]` (`extent` elements addressable from
/// `data`), every access checked.
void __xpl_rt_wmma_load(void *frag, const void *data, int64_t extent,
                        int64_t start, int64_t ldm, int64_t colMajor, int64_t use, int64_t m,
                        int64_t n, int64_t k, int64_t elem, int64_t location) {
  checkLeadingDim(ldm, elem, location);
  int64_t rows, cols, bytes = elemBytes(elem);
  fragmentShape(use, m, n, k, rows, cols);
  int64_t count = fragmentElements(use, m, n, k, elem);
  int64_t lane = gpuLaneId();
  for (int64_t e = 0; e < count; ++e) {
    int64_t r, c;
    fragmentElement(rows, cols, count, lane, e, r, c);
    int64_t at = start + tileOffset(r, c, ldm, colMajor);
    checkRange(location, at, 1, extent);
    std::memcpy(static_cast<char *>(frag) + e * bytes,
                static_cast<const char *>(data) + at * bytes, bytes);
  }
}

/// `store_matrix_sync(ptr, frag, ldm, layout)` of an accumulator.
void __xpl_rt_wmma_store(const void *frag, void *data, int64_t extent,
                         int64_t start, int64_t ldm, int64_t colMajor, int64_t m, int64_t n,
                         int64_t k, int64_t elem, int64_t location) {
  checkLeadingDim(ldm, elem, location);
  int64_t count = fragmentElements(2, m, n, k, elem), bytes = elemBytes(elem);
  int64_t lane = gpuLaneId();
  for (int64_t e = 0; e < count; ++e) {
    int64_t r, c;
    fragmentElement(m, n, count, lane, e, r, c);
    int64_t at = start + tileOffset(r, c, ldm, colMajor);
    checkRange(location, at, 1, extent);
    std::memcpy(static_cast<char *>(data) + at * bytes,
                static_cast<const char *>(frag) + e * bytes, bytes);
  }
}

/// Gathers the warp's fragments; traps unless all 32 lanes take part.
static void gatherWarp(LaneRecord &rec, const LaneRecord **lanes,
                       int64_t location) {
  int64_t warpSize = gpuLaunch().warpSize;
  exchange(rec, lanes, warpSize);
  for (int64_t l = 0; l < warpSize; ++l)
    if (!lanes[l])
      trap(TrapKind::Unsupported, location, kIncompleteWarp, l, warpSize);
}

/// `mma_sync(d, a, b, c[, satf])`: D = A B + C over the whole tile, each
/// lane computing its own elements of D. Products and sums are exact
/// (double; integers in int64) and rounded once to D's type; `satf`
/// (CUDA Programming Guide): integers clamp to the int range; floats map
/// +-inf to +-max finite and NaN to +0.
void __xpl_rt_wmma_mma(void *d, const void *a, const void *b, const void *c,
                       int64_t m, int64_t n, int64_t k, int64_t elemAB,
                       int64_t elemC, int64_t elemD, int64_t satf,
                       int64_t location) {
  LaneRecord rec{location, 0, {a, b, c}};
  const LaneRecord *lanes[64];
  gatherWarp(rec, lanes, location);
  int64_t countA = fragmentElements(0, m, n, k, elemAB);
  int64_t countB = fragmentElements(1, m, n, k, elemAB);
  int64_t countC = fragmentElements(2, m, n, k, elemC);
  // The holder of element (r, c) of a rows x cols fragment: the first lane
  // and element whose flat index maps to it.
  auto holder = [](int64_t r, int64_t col, int64_t cols, int64_t count,
                   int64_t &lane, int64_t &e) {
    int64_t flat = r * cols + col;
    lane = flat / count;
    e = flat % count;
  };
  int64_t lane = gpuLaneId();
  for (int64_t e = 0; e < countC; ++e) {
    int64_t r, col;
    fragmentElement(m, n, countC, lane, e, r, col);
    if (isInt(elemAB)) {
      int64_t acc = loadInt(c, elemC, e);
      for (int64_t kk = 0; kk < k; ++kk) {
        int64_t la, ea, lb, eb;
        holder(r, kk, k, countA, la, ea);
        holder(kk, col, n, countB, lb, eb);
        acc += loadInt(lanes[la]->ops[0], elemAB, ea) *
               loadInt(lanes[lb]->ops[1], elemAB, eb);
      }
      if (satf)
        acc = acc > INT32_MAX ? INT32_MAX : acc < INT32_MIN ? INT32_MIN : acc;
      storeInt(d, e, acc);
      continue;
    }
    double acc = loadElem(c, elemC, e);
    for (int64_t kk = 0; kk < k; ++kk) {
      int64_t la, ea, lb, eb;
      holder(r, kk, k, countA, la, ea);
      holder(kk, col, n, countB, lb, eb);
      acc += loadElem(lanes[la]->ops[0], elemAB, ea) *
             loadElem(lanes[lb]->ops[1], elemAB, eb);
    }
    if (satf) {
      double max = elemD == F16   ? 65504.0
                   : elemD == F64 ? std::numeric_limits<double>::max()
                                  : (double)std::numeric_limits<float>::max();
      if (std::isnan(acc))
        acc = 0;
      else if (std::isinf(acc) || std::fabs(acc) > max)
        acc = acc > 0 ? max : -max;
    }
    storeFloat(d, elemD, e, acc);
  }
  release(rec);
}

//===----------------------------------------------------------------------===//
// MFMA
//===----------------------------------------------------------------------===//

/// Block, row and column of item `item` of lane `lane`: operand 0 (A: row
/// i, column k), 1 (B: row k, column j) or 2 (C/D). Returns 0 on success,
/// -1 for an unknown kind or an item out of range (for tests and tools).
int64_t __xpl_rt_mfma_element(int64_t kind, int64_t operand, int64_t lane,
                              int64_t item, int64_t *block, int64_t *row,
                              int64_t *col) {
  if (kind < 0 || kind >= kNumMfmaKinds || lane < 0 || lane >= 64)
    return -1;
  const MfmaKind &kd = kMfmaKinds[kind];
  if (operand == 2) {
    if (item < 0 || item >= kd.accLen)
      return -1;
    mfmaOutputElement(kd, lane, item, *block, *row, *col);
    return 0;
  }
  if (item < 0 || item >= kd.kPerLane)
    return -1;
  int64_t dim = operand == 0 ? kd.m : kd.n;
  int64_t groups = kd.k / kd.kPerLane;
  int64_t i = lane % dim, rest = lane / dim;
  *block = rest % kd.blocks;
  int64_t kk = (rest / kd.blocks) % groups * kd.kPerLane + item;
  *row = operand == 0 ? i : kk;
  *col = operand == 0 ? kk : i;
  return 0;
}

/// `d = __builtin_amdgcn_mfma_<kind>(a, b, c, cbsz, abid, blgp)` (AMD CDNA3
/// ISA guide, "Matrix Arithmetic Instructions"): every block computes
/// D = A B + C with the register layouts above; CBSZ/ABID: block `b` takes
/// its A from block `(b >> cbsz << cbsz) + abid` of its group of 2^cbsz
/// blocks; BLGP (B lane group pattern): 0 as is, 1 lanes 0-31 broadcast to
/// 32-63, 2 lanes 32-63 broadcast to 0-31, 4-7 lanes 16 (blgp - 4) .. +15
/// broadcast to every group of 16. BLGP 3 (a rotation) and the f64 kinds'
/// NEG bits (gfx94x) are reported as unsupported. `a`, `b`, `c`, `d` point
/// to the lane's operands (the bits of the builtin's types); products and
/// sums are exact (double/int64) and rounded once.
void __xpl_rt_hip_mfma(int64_t kind, void *d, const void *a, const void *b,
                       const void *c, int64_t cbsz, int64_t abid, int64_t blgp,
                       int64_t location) {
  if (kind < 0 || kind >= kNumMfmaKinds)
    trap(TrapKind::Unsupported, location, kBadMfmaKind, kind);
  const MfmaKind &kd = kMfmaKinds[kind];
  if (blgp == 3 || blgp < 0 || blgp > 7 || (kd.acc == F64 && blgp != 0))
    trap(TrapKind::Unsupported, location, kUnsupportedModifier, blgp);
  if (gpuLaunch().warpSize != 64)
    trap(TrapKind::Unsupported, location, kIncompleteWarp, -1,
         gpuLaunch().warpSize);
  LaneRecord rec{location, 0, {a, b, c}};
  const LaneRecord *lanes[64];
  gatherWarp(rec, lanes, location);
  auto sourceLaneB = [&](int64_t l) -> int64_t {
    switch (blgp) {
    case 1:
      return l % 32;
    case 2:
      return 32 + l % 32;
    case 4:
    case 5:
    case 6:
    case 7:
      return 16 * (blgp - 4) + l % 16;
    default:
      return l;
    }
  };
  int64_t lane = gpuLaneId();
  for (int64_t item = 0; item < kd.accLen; ++item) {
    int64_t blk, r, col;
    mfmaOutputElement(kd, lane, item, blk, r, col);
    int64_t blkA = (blk >> cbsz << cbsz) + abid;
    double accF = 0;
    int64_t accI = 0;
    if (kd.acc == I32)
      accI = loadInt(c, I32, item);
    else
      accF = loadElem(c, kd.acc, item);
    for (int64_t kk = 0; kk < kd.k; ++kk) {
      int64_t la, ia, lb, ib;
      mfmaInputPosition(kd, r, kk, blkA, la, ia);
      mfmaInputPosition(kd, col, kk, blk, lb, ib);
      lb = sourceLaneB(lb);
      if (kd.acc == I32)
        accI += loadInt(lanes[la]->ops[0], kd.a, ia) *
                loadInt(lanes[lb]->ops[1], kd.b, ib);
      else
        accF += loadElem(lanes[la]->ops[0], kd.a, ia) *
                loadElem(lanes[lb]->ops[1], kd.b, ib);
    }
    if (kd.acc == I32)
      storeInt(d, item, accI);
    else
      storeFloat(d, kd.acc, item, accF);
  }
  release(rec);
}

} // extern "C"

void xpiler::exec::rt::appendGpuMatrixRuntimeSymbols(
    std::vector<RuntimeSymbol> &symbols) {
  symbols.push_back({"__xpl_rt_gpu_shfl", (void *)&__xpl_rt_gpu_shfl});
  symbols.push_back({"__xpl_rt_gpu_vote", (void *)&__xpl_rt_gpu_vote});
  symbols.push_back(
      {"__xpl_rt_wmma_num_elements", (void *)&__xpl_rt_wmma_num_elements});
  symbols.push_back(
      {"__xpl_rt_wmma_check_index", (void *)&__xpl_rt_wmma_check_index});
  symbols.push_back({"__xpl_rt_wmma_load", (void *)&__xpl_rt_wmma_load});
  symbols.push_back({"__xpl_rt_wmma_store", (void *)&__xpl_rt_wmma_store});
  symbols.push_back({"__xpl_rt_wmma_mma", (void *)&__xpl_rt_wmma_mma});
  symbols.push_back({"__xpl_rt_hip_mfma", (void *)&__xpl_rt_hip_mfma});
}
