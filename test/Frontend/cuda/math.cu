// RUN: xpiler-translate --import-cuda %s | FileCheck %s
#include <cfloat>
#include <cmath>
#include <limits>
#include <algorithm>

// CHECK-LABEL: func.func @math
// CHECK-DAG: math.exp
// CHECK-DAG: math.sqrt
// CHECK-DAG: math.rsqrt
// CHECK-DAG: math.tanh
// CHECK-DAG: math.erf
// CHECK-DAG: math.powf
// CHECK-DAG: math.sin
// CHECK-DAG: math.floor
// CHECK-DAG: math.round
// CHECK-DAG: arith.maxnumf
// CHECK-DAG: arith.minnumf
// CHECK-DAG: arith.select
// CHECK-DAG: arith.constant 3.40282347E+38 : f32
// CHECK-DAG: arith.constant 0x7F800000 : f32
// CHECK-DAG: arith.constant 3.1415927{{[0-9]*}} : f32
__global__ void math(float *out, const float *in) {
  int i = threadIdx.x;
  float x = in[i];
  float r = expf(x) + __expf(x) + std::exp(x) + sqrtf(x) + rsqrtf(x) +
            tanhf(x) + erff(x) + powf(x, 2.f) + sinf(x) + floorf(x) +
            roundf(x) + fmaxf(x, 0.f) + fminf(x, 1.f) + std::max(x, 2.f) +
            (float)std::lround(x);
  r = r > FLT_MAX ? INFINITY : r;
  r += std::numeric_limits<float>::infinity() > r ? (float)M_PI : 0.f;
  out[i] = max(r, 0.f) + min(i, 4);
}
