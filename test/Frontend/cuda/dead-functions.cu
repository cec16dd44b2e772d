// Only what kernels, extern "C" and other externally visible functions
// reach is kept; a helper left in one version keeps its source name.
// RUN: xpiler-translate --import-cuda %s | FileCheck %s
// RUN: xpiler-translate --import-cuda %s --entry=k | FileCheck %s --check-prefix=ENTRY

// Called only on a __shared__ buffer: its declared (global) version is
// neither imported nor kept, and the shared version is named reduce.
// CHECK-NOT: func.func @unused
// CHECK-LABEL: func.func @twice(
// CHECK-LABEL: func.func @k(
// CHECK: call @reduce(%{{.+}}) : (memref<32xf32, #cuda.memory_space<shared>>) -> f32
// CHECK: call @twice(
// CHECK-LABEL: func.func @reduce(
// CHECK-SAME: memref<32xf32, #cuda.memory_space<shared>>
// CHECK-NOT: func.func @unused
// CHECK-NOT: func.func @reduce
__device__ float reduce(const float *buf) { return buf[0] + buf[1]; }

// Used by k: kept (no pointers, imported for itself).
__device__ float twice(float v) { return 2.f * v; }

// Nobody calls these: a static helper, an inline one and a pointer helper.
static __device__ float unused_static(float v) { return v; }
__device__ inline float unused_inline(float v) { return v; }
__device__ void unused_pointer(float *p) { p[0] = 0.f; }

__global__ void k(float *x) {
  __shared__ float tile[32];
  tile[threadIdx.x] = x[threadIdx.x];
  __syncthreads();
  x[0] = twice(reduce(tile));
}

// Two versions of one helper keep distinct names; a function of the file
// whose name looks like a version (scale_1) is not confused with them.
// CHECK-LABEL: func.func @scale_1(%{{.+}}: f32) -> f32
// CHECK-LABEL: func.func @both(
// CHECK: call @scale(%{{.+}}) : (memref<?xf32, #cuda.memory_space<global>>) -> ()
// CHECK: call @[[SHARED:scale_[0-9]+]](%{{.+}}) : (memref<8xf32, #cuda.memory_space<shared>>) -> ()
// CHECK: call @scale_1(%{{.+}}) : (f32) -> f32
// CHECK: func.func @scale(%{{.+}}: memref<?xf32, #cuda.memory_space<global>>)
// CHECK: func.func @[[SHARED]](%{{.+}}: memref<8xf32, #cuda.memory_space<shared>>)
// CHECK-NOT: func.func @unused
__device__ void scale(float *p) { p[0] *= 2.f; }
__device__ float scale_1(float v) { return v; }
__global__ void both(float *x) {
  __shared__ float s[8];
  scale(x);
  scale(s);
  x[1] = scale_1(s[0]);
}

// Externally visible host code stays (it may be called from elsewhere).
// CHECK-LABEL: func.func @host_entry(
// CHECK-NOT: func.func
int host_entry(int a) { return a + 1; }

// ENTRY: func.func @twice(
// ENTRY: func.func @k(
// ENTRY: func.func @reduce(
// ENTRY-NOT: func.func
