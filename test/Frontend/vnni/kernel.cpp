// A realistic u8 x s8 matrix-vector product with AVX-512 VNNI and OpenMP:
// y[m] = sum_k A[m, k] * x[k], 64 bytes of a row at a time through
// vpdpbusd, the K % 64 tail in scalar code. The accumulator is a local
// __m512i (a memref<!vnni.m512i> slot promoted to SSA values by mem2reg).
// RUN: xpiler-translate --import-vnni %s | FileCheck %s

#include <cstdint>
#include <immintrin.h>

// CHECK-LABEL: func.func @gemv_u8s8
// CHECK-SAME: (%[[A:.*]]: memref<?xi8>, %[[X:.*]]: memref<?xi8>, %[[Y:.*]]: memref<?xi32>, %[[M:.*]]: i32, %[[K:.*]]: i32)
// CHECK-SAME: attributes {vnni.target_features = "avx512f,avx512bw,avx512vl,avx512vnni"}
// CHECK: scf.while
// CHECK: %[[ZERO:.*]] = vnni.setzero : !vnni.m512i
// CHECK: %[[ACC:.*]]:{{.*}} = scf.while ({{.*}} = %[[ZERO]]
// CHECK-SAME: !vnni.m512i
// CHECK: %[[VA:.*]] = vnni.load %[[A]][%{{.*}}] : memref<?xi8> -> !vnni.m512i
// CHECK: %[[VX:.*]] = vnni.load %[[X]][%{{.*}}] : memref<?xi8> -> !vnni.m512i
// CHECK: vnni.dp <dpbusd> %{{.*}}, %[[VA]], %[[VX]] : !vnni.m512i
// CHECK: vnni.reduce <add> <epi32> %{{.*}} : !vnni.m512i -> i32
// CHECK: memref.store %{{.*}}, %[[Y]][%{{.*}}] : memref<?xi32>
// CHECK-NOT: memref.alloca
extern "C" void gemv_u8s8(const uint8_t *A, const int8_t *x, int32_t *y,
                          int M, int K) {
#pragma omp parallel for
  for (int m = 0; m < M; ++m) {
    const uint8_t *row = A + (size_t)m * K;
    __m512i acc = _mm512_setzero_si512();
    int k = 0;
    for (; k + 64 <= K; k += 64) {
      __m512i a = _mm512_loadu_si512((const void *)(row + k));
      __m512i b = _mm512_loadu_si512((const __m512i *)(x + k));
      acc = _mm512_dpbusd_epi32(acc, a, b);
    }
    int32_t sum = _mm512_reduce_add_epi32(acc);
    for (; k < K; ++k)
      sum += (int32_t)row[k] * (int32_t)x[k];
    y[m] = sum;
  }
}
