// Each unsupported construct is a file:line:col error naming it, exit status
// 1, and no MLIR on stdout.
// RUN: not xpiler-translate --import-cuda %s -DSWITCH 2>&1 >%t.out | FileCheck %s --check-prefix=SWITCH
// RUN: count 0 < %t.out
// RUN: not xpiler-translate --import-cuda %s -DGLOBAL 2>&1 | FileCheck %s --check-prefix=GLOBAL
// RUN: not xpiler-translate --import-cuda %s -DNULLPTR 2>&1 | FileCheck %s --check-prefix=NULLPTR
// RUN: not xpiler-translate --import-cuda %s -DPRINTF 2>&1 | FileCheck %s --check-prefix=PRINTF
// RUN: not xpiler-translate --import-cuda %s -DINDIRECT 2>&1 | FileCheck %s --check-prefix=INDIRECT
// RUN: not xpiler-translate --import-cuda %s -DREBASE 2>&1 | FileCheck %s --check-prefix=REBASE
// RUN: not xpiler-translate --import-cuda %s -DREINTERPRET 2>&1 | FileCheck %s --check-prefix=REINTERPRET
// RUN: not xpiler-translate --import-cuda %s -DPTRPTR 2>&1 | FileCheck %s --check-prefix=PTRPTR
// RUN: not xpiler-translate --import-cuda %s -DSTRUCT 2>&1 | FileCheck %s --check-prefix=STRUCT
// RUN: not xpiler-translate --import-cuda %s -DSYNTAX 2>&1 | FileCheck %s --check-prefix=SYNTAX
// RUN: not xpiler-translate --import-cuda %s --entry=nope 2>&1 | FileCheck %s --check-prefix=ENTRY
// RUN: not xpiler-translate --import-cuda %s -DOFFSETARG 2>&1 | FileCheck %s --check-prefix=OFFSETARG
// RUN: not xpiler-translate --import-cuda %s -DGOTO 2>&1 | FileCheck %s --check-prefix=GOTO
// RUN: not xpiler-translate --import-cuda %s -DMEMCPYKIND 2>&1 | FileCheck %s --check-prefix=MEMCPYKIND
// RUN: not xpiler-translate --import-cuda %s -DCALL 2>&1 | FileCheck %s --check-prefix=CALL
// RUN: not xpiler-translate --import-cuda %s -DCONDALLOC 2>&1 | FileCheck %s --check-prefix=CONDALLOC
// RUN: not xpiler-translate --import-cuda %s -DALLOCTWICE 2>&1 | FileCheck %s --check-prefix=ALLOCTWICE
// RUN: not xpiler-translate --import-cuda %s -DSTREAMEARLY 2>&1 | FileCheck %s --check-prefix=STREAMEARLY
// RUN: not xpiler-translate --import-cuda %s -DSCALARADDR 2>&1 | FileCheck %s --check-prefix=SCALARADDR
// RUN: not xpiler-translate --import-cuda %s -DMALLOCARG 2>&1 | FileCheck %s --check-prefix=MALLOCARG
// RUN: not xpiler-translate --import-cuda %s -DIFDECL 2>&1 | FileCheck %s --check-prefix=IFDECL
// RUN: not xpiler-translate --import-cuda %s -DSTATICLOCAL 2>&1 | FileCheck %s --check-prefix=STATICLOCAL
// RUN: not xpiler-translate --import-cuda %s -DPTRBEFORE 2>&1 | FileCheck %s --check-prefix=PTRBEFORE
// RUN: not xpiler-translate --import-cuda %s -DWHILEDECL 2>&1 | FileCheck %s --check-prefix=WHILEDECL

__global__ void ok(float *x) { x[0] = 1.f; }

#ifdef SWITCH
// SWITCH: errors.cu:[[@LINE+2]]:3: error: statement 'SwitchStmt' is not supported
__global__ void k(float *x, int c) {
  switch (c) {
  default:
    x[0] = 0.f;
  }
}
#endif

#ifdef GLOBAL
// GLOBAL: errors.cu:[[@LINE+1]]:7: error: global variable 'counter' is not supported (only constants are)
float counter;
#endif

#ifdef NULLPTR
// NULLPTR: errors.cu:[[@LINE+1]]:49: error: null pointers are not supported
__global__ void k(float *x) { float *p = x; p = nullptr; }
#endif

#ifdef PRINTF
// PRINTF: errors.cu:[[@LINE+2]]:33: error: no matching function for call to 'printf'
extern "C" int printf(const char *, ...);
__global__ void k(float *x) {   printf("%f", x[0]); }
#endif

#ifdef INDIRECT
// INDIRECT: errors.cu:[[@LINE+2]]:52: error: function 'f' used as a value is not supported
__device__ void f(float *x) { x[0] = 1.f; }
__global__ void k(float *x) { void (*g)(float *) = f;
  g(x); }
#endif

#ifdef REBASE
// REBASE: errors.cu:[[@LINE+1]]:55: error: pointer 'p' is made to point into a different buffer; only offsets within one buffer are supported
__global__ void k(float *x, float *y) { float *p = x; p = y; p[0] = 1.f; }
#endif

#ifdef REINTERPRET
// REINTERPRET: errors.cu:[[@LINE+1]]:40: error: casting 'float *' to 'int *' reinterprets memory, which is not supported
__global__ void k(float *x) { int *i = (int *)x; i[0] = 1; }
#endif

#ifdef PTRPTR
// PTRPTR: errors.cu:[[@LINE+1]]:27: error: pointer to 'float *' is not supported (only pointers to numbers are)
__global__ void k(float **x) {}
#endif

#ifdef STRUCT
struct Pair { float a, b; };
// STRUCT: errors.cu:[[@LINE+1]]:36: error: variable of type 'Pair' is not supported
__global__ void k(float *x) { Pair p; x[0] = p.a; }
#endif

#ifdef SYNTAX
// SYNTAX: errors.cu:[[@LINE+1]]:39: error: expected ';' after expression
__global__ void k(float *x) { x[0] = 1 }
#endif

// ENTRY: errors.cu:1:1: error: entry function 'nope' is not defined in the file

#ifdef OFFSETARG
// OFFSETARG: errors.cu:[[@LINE+4]]:17: error: only pointers to the start of a buffer can be passed here
extern "C" void launch(float *x, int n) {
  float *d;
  cudaMalloc(&d, n * sizeof(float));
  cudaMemcpy(d, x + 1, 4, cudaMemcpyHostToDevice);
}
#endif

#ifdef GOTO
// GOTO: errors.cu:[[@LINE+1]]:31: error: statement 'GotoStmt' is not supported
__global__ void k(float *x) { goto end; end: x[0] = 1.f; }
#endif

#ifdef MEMCPYKIND
// MEMCPYKIND: errors.cu:[[@LINE+4]]:23: error: the copy direction must be a constant
extern "C" void launch(float *x, int n, cudaMemcpyKind kind) {
  float *d;
  cudaMalloc(&d, n * sizeof(float));
  cudaMemcpy(d, x, 4, kind);
}
#endif

#ifdef CALL
// CALL: errors.cu:[[@LINE+2]]:3: error: call to 'memset' is not supported
extern "C" void launch(float *x, int n) {
  memset(x, 0, n * sizeof(float));
}
#endif

#ifdef CONDALLOC
// CONDALLOC: errors.cu:[[@LINE+4]]:5: error: allocating a buffer conditionally or in a loop is not supported (allocate it unconditionally)
extern "C" void launch(float *x, int n) {
  float *d = nullptr;
  if (n > 0)
    cudaMalloc(&d, n * sizeof(float));
}
#endif

#ifdef ALLOCTWICE
// ALLOCTWICE: errors.cu:[[@LINE+4]]:3: error: pointer 'd' is allocated twice
extern "C" void launch(float *x, int n) {
  float *d;
  cudaMalloc(&d, n * sizeof(float));
  cudaMalloc(&d, n * sizeof(float));
}
#endif

#ifdef STREAMEARLY
// STREAMEARLY: errors.cu:[[@LINE+3]]:25: error: stream 's' is used before it is created
extern "C" void launch() {
  cudaStream_t s;
  cudaStreamSynchronize(s);
}
#endif

#ifdef SCALARADDR
// The address of a scalar variable is supported (address.cu); that of a
// dim3 component is not.
// SCALARADDR: errors.cu:[[@LINE+2]]:46: error: taking this address is not supported
__device__ void set(unsigned *p) { *p = 1u; }
__global__ void k(float *x) { dim3 d(4); set(&d.x); x[0] = d.x; }
#endif

#ifdef MALLOCARG
// MALLOCARG: errors.cu:[[@LINE+2]]:3: error: the first argument must be the address of a local pointer variable
extern "C" void launch(int n) {
  cudaMalloc((void **)0, n * sizeof(float));
}
#endif

#ifdef IFDECL
// IFDECL: errors.cu:[[@LINE+1]]:31: error: a declaration in an if condition is not supported
__global__ void k(float *x) { if (int i = 1) x[i] = 0.f; }
#endif

#ifdef STATICLOCAL
// STATICLOCAL: errors.cu:[[@LINE+1]]:42: error: static local variable 'calls' is not supported
__global__ void k(float *x) { static int calls; x[0] = calls; }
#endif

#ifdef PTRBEFORE
// PTRBEFORE: errors.cu:[[@LINE+1]]:48: error: pointer 'p' is used before it points to a buffer
__global__ void k(float *x) { float *p; x[0] = p[0]; }
#endif

#ifdef WHILEDECL
// WHILEDECL: errors.cu:[[@LINE+1]]:31: error: a declaration in a while condition is not supported
__global__ void k(float *x) { while (int i = 0) x[i] = 0.f; }
#endif
