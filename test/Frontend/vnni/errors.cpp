// Each unsupported intrinsic use is a file:line:col error naming it, exit
// status 1, and no MLIR on stdout.
// RUN: not xpiler-translate --import-vnni %s -DDIV 2>&1 >%t.out | FileCheck %s --check-prefix=DIV
// RUN: count 0 < %t.out
// RUN: not xpiler-translate --import-vnni %s -DMASKED 2>&1 | FileCheck %s --check-prefix=MASKED
// RUN: not xpiler-translate --import-vnni %s -DELEMENT 2>&1 | FileCheck %s --check-prefix=ELEMENT
// RUN: not xpiler-translate --import-vnni %s -DARGUMENT 2>&1 | FileCheck %s --check-prefix=ARGUMENT

#include <cstdint>
#include <immintrin.h>

#ifdef DIV
// DIV: errors.cpp:[[@LINE+2]]:10: error: intrinsic '_mm512_div_ps' is not supported (the vnni dialect does not model it)
__m512 f(__m512 a, __m512 b) {
  return _mm512_div_ps(a, b);
}
#endif

#ifdef MASKED
// MASKED: errors.cpp:[[@LINE+2]]:3: error: intrinsic '_mm512_mask_storeu_epi32' is not supported (the vnni dialect does not model it)
void f(int32_t *p, __m512i v, int n) {
  _mm512_mask_storeu_epi32(p, (__mmask16)((1u << n) - 1), v);
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
