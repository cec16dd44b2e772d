// Inputs the fuzzer found: each is a located error, never a crash.
// RUN: not xpiler-translate --import-cuda %s -DVARIADIC 2>&1 | FileCheck %s --check-prefix=VARIADIC
// RUN: not xpiler-translate --import-cuda %s -DVARKERNEL 2>&1 | FileCheck %s --check-prefix=VARKERNEL
// RUN: python3 -c "print('__global__ void k(int *x) { x[0] = ' + '(x[1]+'*1200 + 'x[1]' + ')'*1200 + '; }')" > %t.cu
// RUN: not xpiler-translate --import-cuda %t.cu 2>&1 | FileCheck %s --check-prefix=DEEP

#ifdef VARIADIC
// VARIADIC: limits.cu:[[@LINE+1]]:16: error: variadic function 'f' is not supported
__device__ int f(int n, ...) { return n; }
__global__ void k(int *x) { x[0] = f(1, 2, 3); }
#endif

#ifdef VARKERNEL
// VARKERNEL: limits.cu:[[@LINE+1]]:17: error: variadic function 'k' is not supported
__global__ void k(int n, ...) {}
void h() { k<<<1, 1>>>(1, 2); }
#endif

// Clang parses on a large stack; the importer's own nesting limit applies.
// DEEP: error: code nested more than 1000 levels deep is not supported
