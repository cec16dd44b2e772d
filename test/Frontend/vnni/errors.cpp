// Each unsupported intrinsic use is a file:line:col error naming it, exit
// status 1, and no MLIR on stdout.
// RUN: not xpiler-translate --import-vnni %s -DRCP 2>&1 >%t.out | FileCheck %s --check-prefix=RCP
// RUN: count 0 < %t.out
// RUN: not xpiler-translate --import-vnni %s -DMASKED 2>&1 | FileCheck %s --check-prefix=MASKED
// RUN: not xpiler-translate --import-vnni %s -DMASKGATHER 2>&1 | FileCheck %s --check-prefix=MASKGATHER
// RUN: not xpiler-translate --import-vnni %s -DCMPROUND 2>&1 | FileCheck %s --check-prefix=CMPROUND
// RUN: not xpiler-translate --import-vnni %s -DCOUNT 2>&1 | FileCheck %s --check-prefix=COUNT
// RUN: not xpiler-translate --import-vnni %s -DPART 2>&1 | FileCheck %s --check-prefix=PART
// RUN: not xpiler-translate --import-vnni %s -DTYPES 2>&1 | FileCheck %s --check-prefix=TYPES
// RUN: not xpiler-translate --import-vnni %s -DSCALAR 2>&1 | FileCheck %s --check-prefix=SCALAR
// RUN: not xpiler-translate --import-vnni %s -DWIDE 2>&1 | FileCheck %s --check-prefix=WIDE
// RUN: not xpiler-translate --import-vnni %s -DTWOSCALARS 2>&1 | FileCheck %s --check-prefix=TWOSCALARS
// RUN: not xpiler-translate --import-vnni %s -DVOIDCAST 2>&1 | FileCheck %s --check-prefix=VOIDCAST
// RUN: not xpiler-translate --import-vnni %s -DEARLY 2>&1 | FileCheck %s --check-prefix=EARLY
// RUN: not xpiler-translate --import-vnni %s -DMETHOD 2>&1 | FileCheck %s --check-prefix=METHOD
// RUN: not xpiler-translate --import-vnni %s -DEMPTY 2>&1 | FileCheck %s --check-prefix=EMPTY
// RUN: not xpiler-translate --import-vnni %s -DELEMENT 2>&1 | FileCheck %s --check-prefix=ELEMENT
// RUN: not xpiler-translate --import-vnni %s -DARGUMENT 2>&1 | FileCheck %s --check-prefix=ARGUMENT

#include <cstdint>
#include <cstring>
#include <immintrin.h>
#include <vector>

#ifdef RCP
// RCP: errors.cpp:[[@LINE+2]]:10: error: intrinsic '_mm512_rcp14_ps' is not supported (the vnni dialect does not model it)
__m512 f(__m512 a) {
  return _mm512_rcp14_ps(a);
}
#endif

#ifdef MASKED
// A compare under a mask (the result bits of masked-off lanes are 0).
// MASKED: errors.cpp:[[@LINE+2]]:10: error: intrinsic '_mm512_mask_cmp_ps_mask' is not supported (the vnni dialect does not model it)
__mmask16 f(__mmask16 k, __m512 a, __m512 b) {
  return _mm512_mask_cmp_ps_mask(k, a, b, _CMP_LT_OS);
}
#endif

#ifdef MASKGATHER
// MASKGATHER: errors.cpp:[[@LINE+2]]:10: error: intrinsic '_mm512_mask_i32gather_ps' is not supported (the vnni dialect does not model it)
__m512 f(__m512 src, __mmask16 k, __m512i idx, const float *p) {
  return _mm512_mask_i32gather_ps(src, k, idx, p, 4);
}
#endif

#ifdef CMPROUND
// Exceptions suppressed (SAE): not the plain compare.
// CMPROUND: errors.cpp:[[@LINE+2]]:10: error: intrinsic '_mm512_cmp_round_ps_mask' is not supported (the vnni dialect does not model it)
__mmask16 f(__m512 a, __m512 b) {
  return _mm512_cmp_round_ps_mask(a, b, _CMP_LT_OS, _MM_FROUND_NO_EXC);
}
#endif

#ifdef COUNT
// COUNT: errors.cpp:[[@LINE+2]]:3: error: memcpy needs a constant byte count
void f(float *y, const float *x, int n) {
  std::memcpy(y, x, n * sizeof(float));
}
#endif

#ifdef PART
// PART: errors.cpp:[[@LINE+2]]:3: error: memcpy of 6 bytes copies part of an element of 'f32'
void f(float *y, const float *x) {
  std::memcpy(y, x, 6);
}
#endif

#ifdef TYPES
// TYPES: errors.cpp:[[@LINE+2]]:3: error: memcpy between buffers of 'memref<?xf32>' and 'memref<?xi32>' is not supported (needs one element type)
void f(float *y, const int32_t *x) {
  std::memcpy(y, x, 16);
}
#endif

#ifdef SCALAR
// SCALAR: errors.cpp:[[@LINE+3]]:3: error: memcpy of 2 bytes to or from a 'i32' variable is not supported (only its whole size is)
int32_t f(const uint8_t *p) {
  uint32_t v = 0;
  std::memcpy(&v, p, 2);
  return (int32_t)v;
}
#endif

#ifdef WIDE
// WIDE: errors.cpp:[[@LINE+3]]:3: error: memcpy between a 'i16' variable and a buffer of 'i32' is not supported
int f(const uint32_t *p) {
  uint16_t v;
  std::memcpy(&v, p, 2);
  return v;
}
#endif

#ifdef TWOSCALARS
// TWOSCALARS: errors.cpp:[[@LINE+4]]:3: error: memcpy between two scalars is not supported
float f(int x) {
  float g;
  int i = x;
  std::memcpy(&g, &i, 4);
  return g;
}
#endif

#ifdef VOIDCAST
// A void * helper called with bytes but reading floats.
// VOIDCAST: errors.cpp:[[@LINE+2]]:11: error: casting 'const void *' to 'const float *' reinterprets memory, which is not supported
static float first(const void *p) {
  return ((const float *)p)[0];
}
float f(const uint8_t *bytes) { return first(bytes); }
#endif

#ifdef EARLY
// The vector's destructor would be skipped.
// EARLY: errors.cpp:[[@LINE+5]]:5: error: leaving the block of std::vector 't' early is not supported
void f(float *y, int n) {
  std::vector<float> t(n);
  _mm512_storeu_ps(t.data(), _mm512_loadu_ps(y));
  if (n < 16)
    return;
  y[0] = t.data()[0];
}
#endif

#ifdef METHOD
// METHOD: errors.cpp:[[@LINE+3]]:3: error: std::vector::push_back is not supported (only data() and size() of a local vector are)
void f(float *y, int n) {
  std::vector<float> t(n);
  t.push_back(y[0]);
}
#endif

#ifdef EMPTY
// EMPTY: errors.cpp:[[@LINE+2]]:22: error: std::vector 't' must be constructed with a size (and a value)
void f(float *y) {
  std::vector<float> t;
  y[0] = 0;
}
#endif

#ifdef ELEMENT
// ELEMENT: errors.cpp:[[@LINE+2]]:10: error: intrinsic '_mm512_loadu_ps' cannot access a buffer of 'i32' (needs f32 elements)
__m512 f(const int32_t *p) {
  return _mm512_loadu_ps((const void *)p);
}
#endif

#ifdef ARGUMENT
// A GCC vector that is not one of the intrinsic types.
// ARGUMENT: errors.cpp:[[@LINE+3]]:26: error: argument 2 of intrinsic '_mm512_storeu_si512' must be of type '!vnni.m512i', got 'vector<16xi32>'
typedef int v16si __attribute__((vector_size(64)));
void f(int32_t *p, v16si v) {
  _mm512_storeu_si512(p, (__m512i)v);
}
#endif
