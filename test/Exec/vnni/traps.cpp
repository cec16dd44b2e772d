// Accesses of vnni intrinsics outside their buffers, and aligned accesses to
// misaligned addresses, end the run with a report naming the intrinsic's
// source location (exit 1); lanes a mask turns off are not accessed, so a
// masked tail past the end of a buffer is no error (Intel's fault
// suppression).
//
// RUN: not xpiler run %s --entry unmasked_tail --arg n=37 --arg x=n --arg y=n 2>&1 \
// RUN:   | FileCheck %s --check-prefix=LOAD
// RUN: not xpiler run %s --entry store_tail --arg n=37 --arg x=n --arg y=n 2>&1 \
// RUN:   | FileCheck %s --check-prefix=STORE
// RUN: xpiler run %s --entry masked_tail --arg n=37 --arg x=n --arg y=n 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MASKED
// RUN: not xpiler run %s --entry one_lane_too_many --arg n=37 --arg x=n --arg y=n 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ONEMORE
// RUN: not xpiler run %s --entry gather_before --arg table=64 --arg out=16 2>&1 \
// RUN:   | FileCheck %s --check-prefix=GATHER
// RUN: xpiler run %s --entry aligned --arg x=32 --arg y=16 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ALIGNED
// RUN: not xpiler run %s --entry misaligned --arg x=32 --arg y=16 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MISALIGNED

#include <immintrin.h>

extern "C" void unmasked_tail(const float *x, float *y, int n) {
  for (int i = 0; i < n; i += 16)
    // LOAD: traps.cpp:[[@LINE+1]]:29: error: 'vnni.load': access [32, 47] is outside [0, 37)
    _mm512_storeu_ps(y + i, _mm512_loadu_ps(x + i));
}

extern "C" void store_tail(const float *x, float *y, int n) {
  for (int i = 0; i < n; i += 16) {
    __mmask16 k = n - i >= 16 ? (__mmask16)0xffff
                              : (__mmask16)((1u << (n - i)) - 1);
    // STORE: traps.cpp:[[@LINE+1]]:5: error: 'vnni.store': access [32, 47] is outside [0, 37)
    _mm512_storeu_ps(y + i, _mm512_maskz_loadu_ps(k, x + i));
  }
}

extern "C" void masked_tail(const float *x, float *y, int n) {
  for (int i = 0; i < n; i += 16) {
    __mmask16 k = n - i >= 16 ? (__mmask16)0xffff
                              : (__mmask16)((1u << (n - i)) - 1);
    _mm512_mask_storeu_ps(y + i, k, _mm512_maskz_loadu_ps(k, x + i));
  }
}
// MASKED: x: 37 x f32
// MASKED-NEXT: y: 37 x f32

extern "C" void one_lane_too_many(const float *x, float *y, int n) {
  // Lanes 0..5 of the last step are elements 32..37: 37 is past the end.
  for (int i = 0; i < n; i += 16) {
    __mmask16 k = n - i >= 16 ? (__mmask16)0xffff
                              : (__mmask16)((1u << (n - i + 1)) - 1);
    // ONEMORE: traps.cpp:[[@LINE+1]]:37: error: 'vnni.masked_load': index 37 is outside [0, 37)
    _mm512_mask_storeu_ps(y + i, k, _mm512_maskz_loadu_ps(k, x + i));
  }
}

extern "C" void gather_before(const float *table, float *out) {
  // Lane 3 reads table[-1].
  __m512i index = _mm512_setr_epi32(0, 1, 2, -1, 4, 5, 6, 7, 8, 9, 10, 11, 12,
                                    13, 14, 15);
  // GATHER: traps.cpp:[[@LINE+1]]:25: error: 'vnni.gather': index -1 is outside [0, 64)
  _mm512_storeu_ps(out, _mm512_i32gather_ps(index, table, 4));
}

extern "C" void aligned(const float *x, float *y) {
  // Buffers the oracle allocates are aligned to 64 bytes.
  _mm512_storeu_ps(y, _mm512_load_ps(x + 16));
}
// ALIGNED: y: 16 x f32

extern "C" void misaligned(const float *x, float *y) {
  // MISALIGNED: traps.cpp:[[@LINE+1]]:23: error: 'vnni.load': address {{0x[0-9a-f]+}} is not aligned to 64 bytes
  _mm512_storeu_ps(y, _mm512_load_ps(x + 4));
}
