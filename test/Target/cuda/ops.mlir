// Each cuda op as the CUDA C++ it becomes, and the output compiles.
// RUN: xpiler-translate --emit-cuda --emit-no-format %s | FileCheck %s
// RUN: %if nvcc %{ xpiler-translate --emit-cuda %s -o %t.cu && /usr/local/cuda/bin/nvcc -std=c++17 -arch=sm_80 -c %t.cu -o %t.o %}

// CHECK: #include <cuda_runtime.h>
// CHECK: #include <mma.h>
// CHECK: #define CUDA_CHECK(call)

// CHECK-LABEL: __device__ int32_t indices()
func.func @indices() -> i32 attributes {cuda.device} {
  // CHECK: (int)threadIdx.x + (int)blockIdx.y * (int)blockDim.z + (int)gridDim.x + warpSize
  %0 = cuda.thread_idx x
  %1 = cuda.block_idx y
  %2 = cuda.block_dim z
  %3 = cuda.grid_dim x
  %w = cuda.warp_size
  %4 = arith.muli %1, %2 : i32
  %5 = arith.addi %0, %4 : i32
  %6 = arith.addi %5, %3 : i32
  %7 = arith.addi %6, %w : i32
  return %7 : i32
}

// CHECK-LABEL: __device__ float warp(float arg0, int32_t arg1, int32_t *arg2)
func.func @warp(%v: f32, %p: i32, %m: memref<?xi32, #cuda.memory_space<global>>) -> f32 attributes {cuda.device} {
  %mask = arith.constant -1 : i32
  %c1 = arith.constant 1 : i32
  %c16 = arith.constant 16 : i32
  %c0 = arith.constant 0 : index
  // CHECK: __shfl_xor_sync(-1, arg0, 16)
  %a = cuda.shfl_sync xor %mask, %v, %c16 : f32
  // CHECK: __shfl_down_sync(-1, {{.*}}, 1, 16)
  %b = cuda.shfl_sync down %mask, %a, %c1 width %c16 : f32
  // CHECK: __shfl_up_sync
  %c = cuda.shfl_sync up %mask, %b, %c1 : f32
  // CHECK: __shfl_sync(-1, {{.*}}, 0
  %zero = arith.constant 0 : i32
  %d = cuda.shfl_sync idx %mask, %c, %zero : f32
  // CHECK: (int)__ballot_sync(-1, arg1)
  %e = cuda.vote_sync ballot %mask, %p
  // CHECK: __any_sync(-1, arg1)
  %f = cuda.vote_sync any %mask, %p
  // CHECK: __all_sync(-1, arg1)
  %g = cuda.vote_sync all %mask, %p
  // CHECK: __syncwarp(-1);
  cuda.syncwarp %mask
  // CHECK: __syncthreads();
  cuda.syncthreads
  // CHECK: __threadfence_block();
  cuda.threadfence block
  // CHECK: __threadfence();
  cuda.threadfence device
  // CHECK: atomicAdd(&arg2[0], {{.*}});
  %h = cuda.atomic_rmw add %e, %m[%c0] : memref<?xi32, #cuda.memory_space<global>>
  // CHECK: (int32_t)atomicMax((unsigned *)&arg2[0], (unsigned)
  %i = cuda.atomic_rmw umax %f, %m[%c0] : memref<?xi32, #cuda.memory_space<global>>
  // CHECK: atomicCAS_block(&arg2[0], {{.*}}, {{.*}})
  %j = cuda.atomic_cas %g, %i, %m[%c0] scope block : memref<?xi32, #cuda.memory_space<global>>
  %k = arith.addi %j, %h : i32
  %l = arith.sitofp %k : i32 to f32
  %r = arith.addf %d, %l : f32
  return %r : f32
}

// CHECK-LABEL: __global__ void __launch_bounds__(256, 2) kern(
// CHECK-SAME: const float *arg0, float *arg1, int32_t arg2)
func.func @kern(%in: memref<?xf32, #cuda.memory_space<global>>, %out: memref<?xf32, #cuda.memory_space<global>>, %n: i32) attributes {cuda.kernel, cuda.launch_bounds = #cuda.launch_bounds<256, 2>} {
  // CHECK: __shared__ float tile[256];
  %tile = cuda.shared_array "tile" : memref<256xf32, #cuda.memory_space<shared>>
  // CHECK: extern __shared__ __align__(16) float dyn[];
  %dyn = cuda.dynamic_shared "dyn" : memref<?xf32, #cuda.memory_space<shared>>
  %tx = cuda.thread_idx x
  %i = arith.index_cast %tx : i32 to index
  // CHECK: int64_t [[I:v[0-9]*]] = (int64_t)(int)threadIdx.x;
  // CHECK-NEXT: tile[[[I]]] = arg0[[[I]]];
  // CHECK-NEXT: dyn[[[I]]] = tile[[[I]]];
  // CHECK-NEXT: arg1[[[I]]] = dyn[[[I]]];
  %v = memref.load %in[%i] : memref<?xf32, #cuda.memory_space<global>>
  memref.store %v, %tile[%i] : memref<256xf32, #cuda.memory_space<shared>>
  %w = memref.load %tile[%i] : memref<256xf32, #cuda.memory_space<shared>>
  memref.store %w, %dyn[%i] : memref<?xf32, #cuda.memory_space<shared>>
  %x = memref.load %dyn[%i] : memref<?xf32, #cuda.memory_space<shared>>
  memref.store %x, %out[%i] : memref<?xf32, #cuda.memory_space<global>>
  return
}

// CHECK-LABEL: __global__ void mma(const half *arg0, float *arg1)
func.func @mma(%a: memref<?xf16, #cuda.memory_space<global>>, %c: memref<?xf32, #cuda.memory_space<global>>) attributes {cuda.kernel} {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : i32
  %zero = arith.constant 0.0 : f32
  // CHECK: nvcuda::wmma::fragment<nvcuda::wmma::matrix_a, 16, 16, 16, half, nvcuda::wmma::row_major> [[A:[a-z0-9_]+]];
  // CHECK-NEXT: nvcuda::wmma::load_matrix_sync([[A]], &arg0[0], 16);
  %fa = cuda.wmma.load_matrix_sync %a[%c0], %c16 : memref<?xf16, #cuda.memory_space<global>> -> !cuda.fragment<matrix_a, 16x16x16, f16, row_major>
  // CHECK: nvcuda::wmma::load_matrix_sync({{.*}}, &arg0[0], 16);
  %fb = cuda.wmma.load_matrix_sync %a[%c0], %c16 : memref<?xf16, #cuda.memory_space<global>> -> !cuda.fragment<matrix_b, 16x16x16, f16, col_major>
  // CHECK: nvcuda::wmma::fill_fragment({{.*}}, 0.0f);
  %fc = cuda.wmma.fill_fragment %zero : f32 -> !cuda.fragment<accumulator, 16x16x16, f32>
  // CHECK: nvcuda::wmma::mma_sync([[D:[a-z0-9_]+]], [[A]], {{.*}}, {{.*}});
  %fd = cuda.wmma.mma_sync %fa, %fb, %fc : !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, !cuda.fragment<accumulator, 16x16x16, f32> -> !cuda.fragment<accumulator, 16x16x16, f32>
  // CHECK: nvcuda::wmma::fragment<nvcuda::wmma::accumulator, 16, 16, 16, float> [[E:[a-z0-9_]+]] = [[D]];
  // CHECK-NEXT: [[E]].x[0] = [[D]].x[0] * 2.0f;
  %idx = arith.constant 0 : index
  %x0 = cuda.wmma.fragment_extract %fd[%idx] : !cuda.fragment<accumulator, 16x16x16, f32> -> f32
  %two = arith.constant 2.0 : f32
  %x1 = arith.mulf %x0, %two : f32
  %fe = cuda.wmma.fragment_insert %x1, %fd[%idx] : f32 -> !cuda.fragment<accumulator, 16x16x16, f32>
  // CHECK: nvcuda::wmma::store_matrix_sync(&arg1[0], [[E]], 16, nvcuda::wmma::mem_row_major);
  cuda.wmma.store_matrix_sync %fe, %c[%c0], %c16 mem_row_major : !cuda.fragment<accumulator, 16x16x16, f32>, memref<?xf32, #cuda.memory_space<global>>
  return
}

// CHECK-LABEL: extern "C" void launch(const float *arg0, float *arg1, int32_t arg2)
func.func @launch(%h: memref<?xf32>, %o: memref<?xf32>, %n: i32) {
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c256 = arith.constant 256 : index
  %ni = arith.index_cast %n : i32 to index
  %bytes = arith.muli %ni, %c4 : index
  // CHECK: float *[[D:[a-z0-9_]+]] = nullptr;
  // CHECK-NEXT: CUDA_CHECK(cudaMalloc(&[[D]], [[BYTES:v[0-9]*]]));
  %d = cuda.malloc %bytes : memref<?xf32, #cuda.memory_space<global>>
  %e = cuda.malloc %bytes : memref<?xf32, #cuda.memory_space<global>>
  // CHECK: CUDA_CHECK(cudaMemcpy([[D]], arg0, {{.*}}, cudaMemcpyHostToDevice));
  cuda.memcpy HostToDevice %d, %h, %bytes : memref<?xf32, #cuda.memory_space<global>>, memref<?xf32>
  // CHECK: cudaStream_t [[S:[a-z0-9_]+]];
  // CHECK-NEXT: CUDA_CHECK(cudaStreamCreate(&[[S]]));
  %s = cuda.stream_create
  // CHECK: kern<<<dim3({{.*}}, 2, 1), 256, 0, [[S]]>>>([[D]], {{.*}}, arg2);
  // CHECK-NEXT: CUDA_CHECK(cudaGetLastError());
  %c2 = arith.constant 2 : index
  cuda.launch @kern grid(%ni, %c2, %c1) block(%c256, %c1, %c1) stream(%s) args(%d, %e, %n : memref<?xf32, #cuda.memory_space<global>>, memref<?xf32, #cuda.memory_space<global>>, i32)
  // CHECK: CUDA_CHECK(cudaStreamSynchronize([[S]]));
  cuda.stream_synchronize %s
  // CHECK: CUDA_CHECK(cudaStreamDestroy([[S]]));
  cuda.stream_destroy %s
  // CHECK: CUDA_CHECK(cudaDeviceSynchronize());
  cuda.device_synchronize
  // CHECK: CUDA_CHECK(cudaMemcpy(arg1, {{.*}}, {{.*}}, cudaMemcpyDeviceToHost));
  cuda.memcpy DeviceToHost %o, %e, %bytes : memref<?xf32>, memref<?xf32, #cuda.memory_space<global>>
  // CHECK: CUDA_CHECK(cudaFree([[D]]));
  cuda.free %d : memref<?xf32, #cuda.memory_space<global>>
  cuda.free %e : memref<?xf32, #cuda.memory_space<global>>
  return
}
