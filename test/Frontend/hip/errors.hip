// HIP host constructs that stay unsupported: file:line:col errors.
// RUN: not xpiler-translate --import-hip %s -DCONDALLOC 2>&1 | FileCheck %s --check-prefix=CONDALLOC
// RUN: not xpiler-translate --import-hip %s -DNULLUSE 2>&1 | FileCheck %s --check-prefix=NULLUSE
#include <hip/hip_runtime.h>

#ifdef CONDALLOC
// Without `= nullptr` the pointer has no value on the other path.
// CONDALLOC: errors.hip:[[@LINE+4]]:5: error: allocating a buffer conditionally or in a loop is not supported (allocate it unconditionally)
extern "C" void launch(int n) {
  float *d;
  if (n > 0)
    hipMalloc(&d, n * sizeof(float));
}
#endif

#ifdef NULLUSE
// A null pointer used before any allocation.
// NULLUSE: errors.hip:[[@LINE+3]]:11: error: pointer 'd' is used before it points to a buffer
extern "C" void launch(int n) {
  float *d = nullptr;
  hipFree(d);
}
#endif
