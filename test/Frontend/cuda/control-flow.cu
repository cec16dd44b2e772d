// RUN: xpiler-translate --import-cuda %s | FileCheck %s

// Loops with break/continue and early returns become structured scf loops
// once the importer's CFG is lifted.
// CHECK-LABEL: func.func @loops
// CHECK-SAME: attributes {cuda.kernel, xpl.kernel}
// CHECK: scf.while
// CHECK: arith.remsi
// CHECK: math.exp
// CHECK: return
__global__ void loops(float *out, const float *in, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  float acc = 0.f;
  for (int k = 0; k < 16; ++k) {
    if (k % 3 == 0)
      continue;
    if (acc > 100.f)
      break;
    acc += expf(in[(i + k) % n]);
  }
  int j = 0;
  while (j < 4) {
    acc *= 0.5f;
    j++;
  }
  do {
    acc -= 1.f;
  } while (acc > 10.f);
  out[i] = acc;
}

// Short-circuit operators and the conditional operator keep C's evaluation
// order: the right operand only runs when it decides the result.
// CHECK-LABEL: func.func @logic
// CHECK: scf.if
// CHECK: memref.load
// CHECK: arith.select
__global__ void logic(float *out, const float *in, int n) {
  int i = threadIdx.x;
  bool ok = i < n && in[i] > 0.f;
  out[i < n ? i : 0] = ok ? 1.f : (i > 3 || n < 2 ? -1.f : 0.f);
}

// Integer semantics follow the C types: unsigned division and shifts,
// narrowing and widening casts.
// CHECK-LABEL: func.func @integers
// CHECK: arith.divui
// CHECK: arith.shrui
// CHECK: arith.shrsi
// CHECK: arith.extsi
// CHECK: arith.trunci
// CHECK: arith.sitofp
// CHECK: arith.fptosi
__global__ void integers(int *out, unsigned u, int s, long long w) {
  unsigned q = u / 3u;
  unsigned r = u >> 2;
  int t = s >> 1;
  long long x = s + w;
  short h = (short)x;
  float f = (float)t;
  out[0] = (int)q + (int)r + h + static_cast<int>(f * 2.5f);
}

// Local arrays, compound assignment, pointer arithmetic and increments.
// CHECK-LABEL: func.func @locals
// CHECK: memref.alloca() : memref<4xf32>
// CHECK: memref.store
__global__ void locals(float *out, const float *in, int n) {
  float acc[4] = {0};
  const float *p = in + threadIdx.x;
  for (int k = 0; k < 4; ++k)
    acc[k] += p[k] * 2.f;
  float *q = out;
  q += threadIdx.x;
  *q = acc[0] + acc[1] + acc[2] + acc[3];
}
