// memcpy, void * helpers and std::vector buffers around intrinsics: a
// `void *` parameter is a byte pointer (memref<?xi8>) that a cast back to
// the buffer's element type reads; memcpy with a constant byte count is
// exact element moves (little-endian, as x86 lays bytes out); a
// std::vector<T>(n) is a zero-filled memref.alloc freed at its block's end.
// RUN: xpiler-translate --import-vnni %s | FileCheck %s

#include <cstdint>
#include <cstring>
#include <immintrin.h>
#include <vector>

// Four bytes as one little-endian 32-bit lane, byte r in bits 8r..8r+7.
static inline int32_t load_bytes4(const void *p, int len) {
  uint32_t v = 0;
  if (len >= 4) {
    std::memcpy(&v, p, 4);
  } else {
    for (int r = 0; r < len; ++r)
      v |= (uint32_t)((const uint8_t *)p)[r] << (8 * r);
  }
  return (int32_t)v;
}

// A float's bits to two 16-bit halves and back.
// CHECK-LABEL: func.func @split_float
// CHECK: %[[F:.*]] = memref.load %{{.*}}[%{{.*}}] : memref<?xf32>
// CHECK: %[[I:.*]] = arith.bitcast %[[F]] : f32 to i32
// CHECK: %[[LO:.*]] = arith.trunci %[[I]] : i32 to i16
// CHECK: memref.store %[[LO]], %{{.*}}[%c0] : memref<?xi16>
// CHECK: %[[SH:.*]] = arith.shrui %[[I]], %c16_i32 : i32
// CHECK: %[[HI:.*]] = arith.trunci %[[SH]] : i32 to i16
// CHECK: memref.store %[[HI]], %{{.*}}[%c1] : memref<?xi16>
// CHECK: %[[L:.*]] = memref.load %{{.*}}[%c0] : memref<?xi16>
// CHECK: arith.extui %[[L]] : i16 to i32
// CHECK: %[[J:.*]] = arith.ori
// CHECK: arith.bitcast %[[J]] : i32 to f32
void split_float(const float *x, uint16_t *halves, float *y) {
  float f = x[0];
  std::memcpy(halves, &f, sizeof(float));
  float g;
  std::memcpy(&g, halves, sizeof g);
  y[0] = g;
}

// CHECK-LABEL: func.func @copy_rows
// CHECK: %[[SRC:.*]] = memref.subview %{{.*}}[%{{.*}}] [16] [1] : memref<?xf32> to memref<16xf32, strided<[1], offset: ?>>
// CHECK: %[[DST:.*]] = memref.subview %{{.*}}[%{{.*}}] [16] [1] : memref<?xf32> to memref<16xf32, strided<[1], offset: ?>>
// CHECK: memref.copy %[[SRC]], %[[DST]]
void copy_rows(const float *x, float *y, int i) {
  std::memcpy(y + 16 * i, x + 16 * i, 16 * sizeof(float));
}

static void row(const uint8_t *bp, const uint8_t *a, int32_t *c, int n) {
  __m512i b = _mm512_loadu_si512(bp);
  __m512i x = _mm512_set1_epi32(load_bytes4(a, n));
  __m512i acc = _mm512_dpbusd_epi32(_mm512_setzero_si512(), x, b);
  _mm512_mask_storeu_epi32(c, (__mmask16)((1u << n) - 1), acc);
}

// CHECK-LABEL: func.func @packed
// CHECK: %[[N:.*]] = arith.index_cast
// CHECK: %[[BUF:.*]] = memref.alloc(%[[N]]) : memref<?xi8>
// CHECK: scf.for %[[I:.*]] = %c0 to %[[N]] step %c1 {
// CHECK: memref.store %c0_i8, %[[BUF]][%[[I]]] : memref<?xi8>
// CHECK: %[[W:.*]] = memref.alloc() : memref<16xf32>
// CHECK: scf.for %[[J:.*]] = %c0 to %c16 step %c1 {
// CHECK: memref.store %{{.*}}, %[[W]][%[[J]]] : memref<16xf32>
// CHECK: scf.while
// CHECK: memref.subview %[[BUF]]
// CHECK: func.call @row(
// CHECK: }
// CHECK: memref.load %[[W]][%c3]
// CHECK: memref.dealloc %[[W]] : memref<16xf32>
// CHECK: memref.dealloc %[[BUF]] : memref<?xi8>
// The helpers are imported for the views they are called with.
// CHECK-LABEL: func.func @row(
// CHECK-SAME: %{{.*}}: memref<?xi8, strided<[1], offset: ?>>, %{{.*}}: memref<?xi8, strided<[1], offset: ?>>, %{{.*}}: memref<?xi32, strided<[1], offset: ?>>
// CHECK: vnni.load %{{.*}}[%{{.*}}] : memref<?xi8, strided<[1], offset: ?>> -> !vnni.m512i
// CHECK: call @load_bytes4(
// CHECK: vnni.dp <dpbusd>
// CHECK: vnni.masked_store <epi32> %{{.*}}, %{{.*}}[%{{.*}}], %{{.*}} : !vnni.m512i, memref<?xi32, strided<[1], offset: ?>>, i16
// CHECK-LABEL: func.func @load_bytes4(
// CHECK-SAME: %[[P:.*]]: memref<?xi8, strided<[1], offset: ?>>, %{{.*}}: i32) -> i32
// CHECK: scf.if
// CHECK: %[[B0:.*]] = memref.load %[[P]][%c0] : memref<?xi8, strided<[1], offset: ?>>
// CHECK: %[[W0:.*]] = arith.extui %[[B0]] : i8 to i32
// CHECK: %[[B1:.*]] = memref.load %[[P]][%c1] : memref<?xi8, strided<[1], offset: ?>>
// CHECK: %[[W1:.*]] = arith.extui %[[B1]] : i8 to i32
// CHECK: %[[S1:.*]] = arith.shli %[[W1]], %c8_i32 : i32
// CHECK: %[[O1:.*]] = arith.ori %[[W0]], %[[S1]] : i32
// CHECK: memref.load %[[P]][%c2]
// CHECK: arith.shli %{{.*}}, %c16_i32
// CHECK: memref.load %[[P]][%c3]
// CHECK: arith.shli %{{.*}}, %c24_i32
// CHECK: } else {
// CHECK: scf.while
// CHECK: memref.load %[[P]][%{{.*}}] : memref<?xi8, strided<[1], offset: ?>>
extern "C" void packed(const uint8_t *a, int32_t *c, float *out, int n,
                       int rows) {
  std::vector<uint8_t> bp((size_t)n * 64);
  std::vector<float> w(16, 0.5f);
  for (int r = 0; r < rows; ++r)
    row(bp.data() + r * 64, a + r, c + 16 * r, n);
  out[0] = w.data()[3] + (float)w.size();
}
