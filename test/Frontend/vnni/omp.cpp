// `#pragma omp parallel for` stays on its loop as xpl.omp_parallel_for with
// its collapse and schedule clauses; other clauses are file:line:col errors;
// other directives are imported as sequential code with a warning.
// RUN: xpiler-translate --import-vnni %s | FileCheck %s
// RUN: not xpiler-translate --import-vnni %s -DREDUCTION 2>&1 | FileCheck %s --check-prefix=REDUCTION
// RUN: not xpiler-translate --import-vnni %s -DMODIFIER 2>&1 | FileCheck %s --check-prefix=MODIFIER
// RUN: not xpiler-translate --import-vnni %s -DCHUNK 2>&1 | FileCheck %s --check-prefix=CHUNK
// RUN: xpiler-translate --import-vnni %s -DPARALLEL 2>&1 >/dev/null | FileCheck %s --check-prefix=PARALLEL

#include <immintrin.h>

#if !defined(REDUCTION) && !defined(MODIFIER) && !defined(CHUNK) &&            \
    !defined(PARALLEL)
// CHECK-LABEL: func.func @scale
// CHECK-NOT: func.call
// CHECK: scf.while
// CHECK: vnni.store
// CHECK: } attributes {xpl.omp_parallel_for = {}}
// The tail loop is not parallel.
// CHECK: scf.while
// CHECK-NOT: xpl.omp_parallel_for
// CHECK: return
extern "C" void scale(float *x, int n) {
  const int nvec = n / 16 * 16;
#pragma omp parallel for
  for (int i = 0; i < nvec; i += 16)
    _mm512_storeu_ps(x + i, _mm512_mul_ps(_mm512_loadu_ps(x + i),
                                          _mm512_set1_ps(2.0f)));
  for (int i = nvec; i < n; ++i)
    x[i] *= 2.0f;
}

// CHECK-LABEL: func.func @grid
// CHECK: scf.while
// CHECK: scf.while
// CHECK: memref.store
// CHECK: }
// CHECK-NOT: xpl.omp_parallel_for
// CHECK: } attributes {xpl.omp_parallel_for = {chunk = 4 : i64, collapse = 2 : i64, schedule = "dynamic"}}
extern "C" void grid(float *x, int n, int m) {
#pragma omp parallel for collapse(2) schedule(dynamic, 4)
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < m; ++j)
      x[i * m + j] = 0.0f;
}

// CHECK-LABEL: func.func @never
// CHECK: } attributes {xpl.omp_parallel_for = {schedule = "static"}}
extern "C" void never(float *x) {
#pragma omp parallel for schedule(static)
  for (int i = 0; i < 0; ++i)
    x[i] = 1.0f;
}

// The marker function does not survive the import.
// CHECK-NOT: __xpl_omp_parallel_for
#endif

#ifdef REDUCTION
extern "C" float sum(const float *x, int n) {
  float s = 0.0f;
  // REDUCTION: omp.cpp:[[@LINE+1]]:26: error: OpenMP clause 'reduction' is not supported on '#pragma omp parallel for'
#pragma omp parallel for reduction(+ : s)
  for (int i = 0; i < n; ++i)
    s += x[i];
  return s;
}
#endif

#ifdef MODIFIER
extern "C" void zero(float *x, int n) {
  // MODIFIER: omp.cpp:[[@LINE+1]]:26: error: 'schedule' modifiers are not supported
#pragma omp parallel for schedule(monotonic : static)
  for (int i = 0; i < n; ++i)
    x[i] = 0.0f;
}
#endif

#ifdef CHUNK
extern "C" void zero(float *x, int n, int c) {
  // CHUNK: omp.cpp:[[@LINE+1]]:26: error: 'schedule' chunk size needs a positive constant
#pragma omp parallel for schedule(static, c)
  for (int i = 0; i < n; ++i)
    x[i] = 0.0f;
}
#endif

#ifdef PARALLEL
extern "C" void zero(float *x, int n) {
  // PARALLEL: omp.cpp:[[@LINE+1]]:1: warning: '#pragma omp parallel' is not kept: the statement is imported as sequential code
#pragma omp parallel
  {
    // PARALLEL: omp.cpp:[[@LINE+1]]:1: warning: '#pragma omp for' is not kept: the statement is imported as sequential code
#pragma omp for
    for (int i = 0; i < n; ++i)
      x[i] = 0.0f;
  }
}
#endif
