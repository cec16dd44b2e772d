// RUN: xpiler-translate --import-cuda %s | FileCheck %s

#define TILE 32

// CHECK-LABEL: func.func @transpose
// CHECK-SAME: cuda.launch_bounds = #cuda.launch_bounds<1024, 2>
// CHECK: cuda.shared_array "tile" : memref<32x33xf32, #cuda.memory_space<shared>>
// CHECK: cuda.thread_idx y
// CHECK: cuda.syncthreads
__global__ void __launch_bounds__(1024, 2)
transpose(float *out, const float *in, int rows, int cols) {
  __shared__ float tile[TILE][TILE + 1];
  int x = blockIdx.x * TILE + threadIdx.x, y = blockIdx.y * TILE + threadIdx.y;
  if (x < cols && y < rows)
    tile[threadIdx.y][threadIdx.x] = in[y * cols + x];
  __syncthreads();
  x = blockIdx.y * TILE + threadIdx.x;
  y = blockIdx.x * TILE + threadIdx.y;
  if (x < rows && y < cols)
    out[y * rows + x] = tile[threadIdx.x][threadIdx.y];
}

// A device helper called on shared memory is specialized for it.
// CHECK-LABEL: func.func @warp_sum
// CHECK-SAME: attributes {cuda.device}
// CHECK: cuda.warp_size
// CHECK: cuda.shfl_sync down
static __device__ float warp_sum(float v) {
  for (int d = warpSize / 2; d > 0; d /= 2)
    v += __shfl_down_sync(0xffffffffu, v, d);
  return v;
}

// Helpers taking pointers are imported per call signature, after their
// callers (see the end of this file's checks).
static __device__ void store_first(float *buf, float v) { buf[0] = v; }

// CHECK-LABEL: func.func @reduce
// CHECK: cuda.dynamic_shared "partial" : memref<?xf32, #cuda.memory_space<shared>>
// CHECK: call @warp_sum
// CHECK: cuda.vote_sync ballot
// CHECK: cuda.atomic_rmw add
// CHECK: call @store_first_1({{.*}}) : (memref<?xf32, #cuda.memory_space<shared>>, f32) -> ()
// CHECK: call @store_first({{.*}}) : (memref<?xf32, #cuda.memory_space<global>>, f32) -> ()
// CHECK-LABEL: func.func @store_first(%{{.*}}: memref<?xf32, #cuda.memory_space<global>>, %{{.*}}: f32) attributes {cuda.device}
// CHECK-LABEL: func.func @store_first_1(%{{.*}}: memref<?xf32, #cuda.memory_space<shared>>, %{{.*}}: f32) attributes {cuda.device}
__global__ void reduce(float *out, const float *in, int n, unsigned *count) {
  extern __shared__ float partial[];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  float v = i < n ? in[i] : 0.f;
  float s = warp_sum(v);
  unsigned mask = __ballot_sync(0xffffffffu, v > 0.f);
  if (threadIdx.x % 32 == 0) {
    partial[threadIdx.x / 32] = s;
    atomicAdd(&out[0], s);
    atomicMax(count, mask);
    store_first(partial, s);
    store_first(out, s);
  }
}

// half and bfloat16 conversions are arith casts.
// CHECK-LABEL: func.func @halves
// CHECK: arith.truncf {{.*}} : f32 to f16
// CHECK: arith.extf {{.*}} : f16 to f32
// CHECK: arith.truncf {{.*}} : f32 to bf16
__global__ void halves(__half *h, __nv_bfloat16 *b, const float *x) {
  int i = threadIdx.x;
  h[i] = __float2half(x[i]);
  float back = __half2float(h[i]);
  b[i] = __float2bfloat16(back * 2.f);
}
