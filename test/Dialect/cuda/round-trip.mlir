// RUN: xpiler-opt %s | xpiler-opt | FileCheck %s
// RUN: xpiler-opt %s --mlir-print-op-generic | xpiler-opt | FileCheck %s

// __global__ void vecadd(const float *a, const float *b, float *c, int n) {
//   int i = blockIdx.x * blockDim.x + threadIdx.x;
//   if (i < n) c[i] = a[i] + b[i];
// }
// CHECK-LABEL: func.func @vecadd
// CHECK-SAME: attributes {cuda.kernel}
func.func @vecadd(%a: memref<?xf32, #cuda.memory_space<global>>,
                  %b: memref<?xf32, #cuda.memory_space<global>>,
                  %c: memref<?xf32, #cuda.memory_space<global>>,
                  %n: i32) attributes {cuda.kernel} {
  // CHECK: [[BX:%.+]] = cuda.block_idx x
  // CHECK: [[BD:%.+]] = cuda.block_dim x
  // CHECK: [[TX:%.+]] = cuda.thread_idx x
  %bx = cuda.block_idx x
  %bd = cuda.block_dim x
  %tx = cuda.thread_idx x
  %base = arith.muli %bx, %bd : i32
  %i = arith.addi %base, %tx : i32
  %inb = arith.cmpi slt, %i, %n : i32
  scf.if %inb {
    %idx = arith.index_cast %i : i32 to index
    %x = memref.load %a[%idx] : memref<?xf32, #cuda.memory_space<global>>
    %y = memref.load %b[%idx] : memref<?xf32, #cuda.memory_space<global>>
    %s = arith.addf %x, %y : f32
    memref.store %s, %c[%idx] : memref<?xf32, #cuda.memory_space<global>>
  }
  return
}

// The host side: cudaMalloc, cudaMemcpy both ways, the launch, cudaFree.
// CHECK-LABEL: func.func @vecadd_host
func.func @vecadd_host(%h_a: memref<?xf32>, %h_b: memref<?xf32>,
                       %h_c: memref<?xf32>, %n: i32) {
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c256 = arith.constant 256 : index
  %nidx = arith.index_cast %n : i32 to index
  %bytes = arith.muli %nidx, %c4 : index
  // CHECK: [[DA:%.+]] = cuda.malloc %{{.+}} : memref<?xf32, #cuda.memory_space<global>>
  %d_a = cuda.malloc %bytes : memref<?xf32, #cuda.memory_space<global>>
  %d_b = cuda.malloc %bytes : memref<?xf32, #cuda.memory_space<global>>
  %d_c = cuda.malloc %bytes : memref<?xf32, #cuda.memory_space<global>>
  // CHECK: cuda.memcpy HostToDevice [[DA]], %{{.+}}, %{{.+}} : memref<?xf32, #cuda.memory_space<global>>, memref<?xf32>
  cuda.memcpy HostToDevice %d_a, %h_a, %bytes : memref<?xf32, #cuda.memory_space<global>>, memref<?xf32>
  cuda.memcpy HostToDevice %d_b, %h_b, %bytes : memref<?xf32, #cuda.memory_space<global>>, memref<?xf32>
  %grid = arith.ceildivui %nidx, %c256 : index
  // CHECK: cuda.launch @vecadd grid(%{{.+}}, %{{.+}}, %{{.+}}) block(%{{.+}}, %{{.+}}, %{{.+}}) args([[DA]], %{{.+}}, %{{.+}}, %{{.+}} : memref<?xf32, #cuda.memory_space<global>>, memref<?xf32, #cuda.memory_space<global>>, memref<?xf32, #cuda.memory_space<global>>, i32)
  cuda.launch @vecadd grid(%grid, %c1, %c1) block(%c256, %c1, %c1)
      args(%d_a, %d_b, %d_c, %n : memref<?xf32, #cuda.memory_space<global>>,
           memref<?xf32, #cuda.memory_space<global>>,
           memref<?xf32, #cuda.memory_space<global>>, i32)
  // CHECK: cuda.device_synchronize
  cuda.device_synchronize
  // CHECK: cuda.memcpy DeviceToHost %{{.+}}, %{{.+}}, %{{.+}} : memref<?xf32>, memref<?xf32, #cuda.memory_space<global>>
  cuda.memcpy DeviceToHost %h_c, %d_c, %bytes : memref<?xf32>, memref<?xf32, #cuda.memory_space<global>>
  // CHECK: cuda.memcpy DeviceToDevice
  cuda.memcpy DeviceToDevice %d_b, %d_a, %bytes : memref<?xf32, #cuda.memory_space<global>>, memref<?xf32, #cuda.memory_space<global>>
  // CHECK: cuda.memcpy HostToHost
  cuda.memcpy HostToHost %h_b, %h_a, %bytes : memref<?xf32>, memref<?xf32>
  // CHECK: cuda.memcpy Default
  cuda.memcpy Default %h_a, %d_a, %bytes : memref<?xf32>, memref<?xf32, #cuda.memory_space<global>>
  // CHECK: cuda.free [[DA]] : memref<?xf32, #cuda.memory_space<global>>
  cuda.free %d_a : memref<?xf32, #cuda.memory_space<global>>
  cuda.free %d_b : memref<?xf32, #cuda.memory_space<global>>
  cuda.free %d_c : memref<?xf32, #cuda.memory_space<global>>
  return
}

// __global__ void __launch_bounds__(1024, 2)
// transpose(float *out, const float *in, int w, int h) {
//   __shared__ float tile[32][33];
//   ... tile[threadIdx.y][threadIdx.x] = in[...]; __syncthreads(); ...
// }
// CHECK-LABEL: func.func @transpose
// CHECK-SAME: attributes {cuda.kernel, cuda.launch_bounds = #cuda.launch_bounds<1024, 2>}
func.func @transpose(%out: memref<?x?xf32, #cuda.memory_space<global>>,
                     %in: memref<?x?xf32, #cuda.memory_space<global>>)
    attributes {cuda.kernel, cuda.launch_bounds = #cuda.launch_bounds<1024, 2>} {
  // CHECK: [[TILE:%.+]] = cuda.shared_array "tile" : memref<32x33xf32, #cuda.memory_space<shared>>
  %tile = cuda.shared_array "tile" : memref<32x33xf32, #cuda.memory_space<shared>>
  // CHECK: cuda.shared_array : memref<f32, #cuda.memory_space<shared>>
  %flag = cuda.shared_array : memref<f32, #cuda.memory_space<shared>>
  // CHECK: cuda.thread_idx y
  // CHECK: cuda.block_idx y
  // CHECK: cuda.block_dim y
  // CHECK: cuda.grid_dim x
  // CHECK: cuda.grid_dim y
  %tx = cuda.thread_idx x
  %ty = cuda.thread_idx y
  %bx = cuda.block_idx x
  %by = cuda.block_idx y
  %bdx = cuda.block_dim x
  %bdy = cuda.block_dim y
  %gdx = cuda.grid_dim x
  %gdy = cuda.grid_dim y
  %r0 = arith.muli %by, %bdy : i32
  %r = arith.addi %r0, %ty : i32
  %c0 = arith.muli %bx, %bdx : i32
  %c = arith.addi %c0, %tx : i32
  %ri = arith.index_cast %r : i32 to index
  %ci = arith.index_cast %c : i32 to index
  %txi = arith.index_cast %tx : i32 to index
  %tyi = arith.index_cast %ty : i32 to index
  %v = memref.load %in[%ri, %ci] : memref<?x?xf32, #cuda.memory_space<global>>
  memref.store %v, %tile[%tyi, %txi] : memref<32x33xf32, #cuda.memory_space<shared>>
  // CHECK: cuda.syncthreads
  cuda.syncthreads
  %t = memref.load %tile[%txi, %tyi] : memref<32x33xf32, #cuda.memory_space<shared>>
  memref.store %t, %out[%ci, %ri] : memref<?x?xf32, #cuda.memory_space<global>>
  return
}

// 3-D indices and the z components.
// CHECK-LABEL: func.func @volume
func.func @volume(%v: memref<?xi32, #cuda.memory_space<global>>) attributes {cuda.kernel} {
  // CHECK: cuda.thread_idx z
  // CHECK: cuda.block_idx z
  // CHECK: cuda.block_dim z
  // CHECK: cuda.grid_dim z
  %t = cuda.thread_idx z
  %b = cuda.block_idx z
  %bd = cuda.block_dim z
  %gd = cuda.grid_dim z
  %p = arith.muli %b, %bd : i32
  %i = arith.addi %p, %t : i32
  %ii = arith.index_cast %i : i32 to index
  memref.store %gd, %v[%ii] : memref<?xi32, #cuda.memory_space<global>>
  return
}

// __device__ float warpReduceSum(float v) {
//   for (int o = warpSize / 2; o > 0; o /= 2) v += __shfl_down_sync(0xffffffff, v, o);
//   return v;
// }
// CHECK-LABEL: func.func @warp_reduce
// CHECK-SAME: attributes {cuda.device}
func.func @warp_reduce(%v: f32) -> f32 attributes {cuda.device} {
  %full = arith.constant -1 : i32
  %c16 = arith.constant 16 : i32
  // CHECK: cuda.warp_size
  %ws = cuda.warp_size
  // CHECK: cuda.shfl_sync down %{{.+}}, %{{.+}}, %{{.+}} : f32
  %s = cuda.shfl_sync down %full, %v, %c16 : f32
  %sum = arith.addf %v, %s : f32
  return %sum : f32
}

// Every shuffle and vote, __syncwarp and the fences.
// CHECK-LABEL: func.func @warp_ops
// CHECK-SAME: attributes {cuda.device, cuda.host}
func.func @warp_ops(%x: i32, %h: vector<2xf16>, %bf: bf16, %d: f64, %l: i64,
                    %hb: vector<2xbf16>, %f: f16) -> i32
    attributes {cuda.device, cuda.host} {
  %full = arith.constant -1 : i32
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %c8 = arith.constant 8 : i32
  // CHECK: cuda.shfl_sync idx %{{.+}}, %{{.+}}, %{{.+}} width %{{.+}} : i32
  %a = cuda.shfl_sync idx %full, %x, %c0 width %c8 : i32
  // CHECK: cuda.shfl_sync up %{{.+}}, %{{.+}}, %{{.+}} : vector<2xf16>
  %b = cuda.shfl_sync up %full, %h, %c1 : vector<2xf16>
  // CHECK: cuda.shfl_sync xor %{{.+}}, %{{.+}}, %{{.+}} : bf16
  %c = cuda.shfl_sync xor %full, %bf, %c1 : bf16
  // CHECK: cuda.shfl_sync xor %{{.+}}, %{{.+}}, %{{.+}} width %{{.+}} : f64
  %e = cuda.shfl_sync xor %full, %d, %c1 width %x : f64
  %g = cuda.shfl_sync down %full, %l, %c1 : i64
  %hh = cuda.shfl_sync down %full, %hb, %c1 : vector<2xbf16>
  %ff = cuda.shfl_sync idx %full, %f, %c0 : f16
  // CHECK: cuda.vote_sync ballot %{{.+}}, %{{.+}}
  // CHECK: cuda.vote_sync any %{{.+}}, %{{.+}}
  // CHECK: cuda.vote_sync all %{{.+}}, %{{.+}}
  %m = cuda.vote_sync ballot %full, %x
  %any = cuda.vote_sync any %m, %x
  %all = cuda.vote_sync all %m, %any
  // CHECK: cuda.syncwarp %{{.+}}
  cuda.syncwarp %m
  // CHECK: cuda.threadfence block
  // CHECK: cuda.threadfence device
  // CHECK: cuda.threadfence system
  cuda.threadfence block
  cuda.threadfence device
  cuda.threadfence system
  return %all : i32
}

// __global__ void histogram(const int *in, int *bins, int n) with a shared
// histogram, and every atomic function.
// CHECK-LABEL: func.func @atomics
func.func @atomics(%in: memref<?xi32, #cuda.memory_space<global>>,
                   %bins: memref<256xi32, #cuda.memory_space<global>>,
                   %f: memref<?xf32, #cuda.memory_space<global>>,
                   %d: memref<?xf64, #cuda.memory_space<global>>,
                   %h2: memref<?xvector<2xf16>, #cuda.memory_space<global>>,
                   %u64: memref<?xi64, #cuda.memory_space<global>>,
                   %u16: memref<?xi16, #cuda.memory_space<global>>)
    attributes {cuda.kernel} {
  %c0 = arith.constant 0 : index
  %one = arith.constant 1 : i32
  %onef = arith.constant 1.0 : f32
  %one64 = arith.constant 1 : i64
  // CHECK: [[HIST:%.+]] = cuda.shared_array "hist" : memref<256xi32, #cuda.memory_space<shared>>
  %hist = cuda.shared_array "hist" : memref<256xi32, #cuda.memory_space<shared>>
  %tx = cuda.thread_idx x
  %i = arith.index_cast %tx : i32 to index
  %v = memref.load %in[%i] : memref<?xi32, #cuda.memory_space<global>>
  %bin = arith.index_cast %v : i32 to index
  // CHECK: cuda.atomic_rmw add %{{.+}}, [[HIST]][%{{.+}}] : memref<256xi32, #cuda.memory_space<shared>>
  %o0 = cuda.atomic_rmw add %one, %hist[%bin] : memref<256xi32, #cuda.memory_space<shared>>
  cuda.syncthreads
  %h = memref.load %hist[%i] : memref<256xi32, #cuda.memory_space<shared>>
  // CHECK: cuda.atomic_rmw add %{{.+}}, %{{.+}}[%{{.+}}] : memref<?xf32, #cuda.memory_space<global>>
  %o1 = cuda.atomic_rmw add %onef, %f[%c0] : memref<?xf32, #cuda.memory_space<global>>
  %dv = arith.constant 2.0 : f64
  %o2 = cuda.atomic_rmw add %dv, %d[%c0] : memref<?xf64, #cuda.memory_space<global>>
  %hv = memref.load %h2[%c0] : memref<?xvector<2xf16>, #cuda.memory_space<global>>
  // CHECK: cuda.atomic_rmw add %{{.+}}, %{{.+}}[%{{.+}}] : memref<?xvector<2xf16>, #cuda.memory_space<global>>
  %o3 = cuda.atomic_rmw add %hv, %h2[%c0] : memref<?xvector<2xf16>, #cuda.memory_space<global>>
  // CHECK: cuda.atomic_rmw sub
  %o4 = cuda.atomic_rmw sub %h, %bins[%i] : memref<256xi32, #cuda.memory_space<global>>
  // CHECK: cuda.atomic_rmw exch
  %o5 = cuda.atomic_rmw exch %onef, %f[%c0] : memref<?xf32, #cuda.memory_space<global>>
  // CHECK: cuda.atomic_rmw min
  %o6 = cuda.atomic_rmw min %h, %bins[%i] : memref<256xi32, #cuda.memory_space<global>>
  // CHECK: cuda.atomic_rmw max
  %o7 = cuda.atomic_rmw max %one64, %u64[%c0] : memref<?xi64, #cuda.memory_space<global>>
  // CHECK: cuda.atomic_rmw umin
  %o8 = cuda.atomic_rmw umin %h, %bins[%i] : memref<256xi32, #cuda.memory_space<global>>
  // CHECK: cuda.atomic_rmw umax
  %o9 = cuda.atomic_rmw umax %one64, %u64[%c0] : memref<?xi64, #cuda.memory_space<global>>
  // CHECK: cuda.atomic_rmw inc
  %o10 = cuda.atomic_rmw inc %h, %bins[%i] : memref<256xi32, #cuda.memory_space<global>>
  // CHECK: cuda.atomic_rmw dec
  %o11 = cuda.atomic_rmw dec %h, %bins[%i] : memref<256xi32, #cuda.memory_space<global>>
  // CHECK: cuda.atomic_rmw and
  %o12 = cuda.atomic_rmw and %h, %bins[%i] : memref<256xi32, #cuda.memory_space<global>>
  // CHECK: cuda.atomic_rmw or
  %o13 = cuda.atomic_rmw or %one64, %u64[%c0] : memref<?xi64, #cuda.memory_space<global>>
  // CHECK: cuda.atomic_rmw xor %{{.+}}, %{{.+}}[%{{.+}}] scope block :
  %o14 = cuda.atomic_rmw xor %h, %bins[%i] scope block : memref<256xi32, #cuda.memory_space<global>>
  // CHECK: cuda.atomic_rmw add %{{.+}}, %{{.+}}[%{{.+}}] scope system :
  %o15 = cuda.atomic_rmw add %h, %bins[%i] scope system : memref<256xi32, #cuda.memory_space<global>>
  // The default scope is not printed.
  // CHECK: cuda.atomic_rmw add %{{.+}}, %{{.+}}[%{{.+}}] : memref<256xi32
  %o16 = cuda.atomic_rmw add %h, %bins[%i] scope device : memref<256xi32, #cuda.memory_space<global>>
  // CHECK: cuda.atomic_cas %{{.+}}, %{{.+}}, %{{.+}}[%{{.+}}] : memref<256xi32, #cuda.memory_space<global>>
  %o17 = cuda.atomic_cas %h, %one, %bins[%i] : memref<256xi32, #cuda.memory_space<global>>
  // CHECK: cuda.atomic_cas %{{.+}}, %{{.+}}, %{{.+}}[%{{.+}}] scope block : memref<?xi64
  %o18 = cuda.atomic_cas %one64, %one64, %u64[%c0] scope block : memref<?xi64, #cuda.memory_space<global>>
  %s16 = arith.constant 7 : i16
  %o19 = cuda.atomic_cas %s16, %s16, %u16[%c0] : memref<?xi16, #cuda.memory_space<global>>
  return
}

// Block reduction over dynamic shared memory, launched on a stream.
// CHECK-LABEL: func.func @block_sum
func.func @block_sum(%in: memref<?xf32, #cuda.memory_space<global>>,
                     %out: memref<?xf32, #cuda.memory_space<global>>)
    attributes {cuda.kernel} {
  // CHECK: cuda.dynamic_shared "sdata" : memref<?xf32, #cuda.memory_space<shared>>
  %sdata = cuda.dynamic_shared "sdata" : memref<?xf32, #cuda.memory_space<shared>>
  // CHECK: cuda.dynamic_shared : memref<?xi32, #cuda.memory_space<shared>>
  %alias = cuda.dynamic_shared : memref<?xi32, #cuda.memory_space<shared>>
  %tx = cuda.thread_idx x
  %i = arith.index_cast %tx : i32 to index
  %v = memref.load %in[%i] : memref<?xf32, #cuda.memory_space<global>>
  memref.store %v, %sdata[%i] : memref<?xf32, #cuda.memory_space<shared>>
  cuda.syncthreads
  return
}

// CHECK-LABEL: func.func @block_sum_host
func.func @block_sum_host(%d_in: memref<?xf32, #cuda.memory_space<global>>,
                          %d_out: memref<?xf32, #cuda.memory_space<global>>) {
  %c1 = arith.constant 1 : index
  %c256 = arith.constant 256 : index
  %c1024 = arith.constant 1024 : index
  // CHECK: [[S:%.+]] = cuda.stream_create
  %s = cuda.stream_create
  // CHECK: cuda.launch @block_sum grid({{.*}}) block({{.*}}) shared(%{{.+}}) stream([[S]]) args(
  cuda.launch @block_sum grid(%c256, %c1, %c1) block(%c256, %c1, %c1)
      shared(%c1024) stream(%s)
      args(%d_in, %d_out : memref<?xf32, #cuda.memory_space<global>>,
           memref<?xf32, #cuda.memory_space<global>>)
  // CHECK: cuda.launch @block_sum grid({{.*}}) block({{.*}}) stream([[S]]) args(
  cuda.launch @block_sum grid(%c256, %c1, %c1) block(%c256, %c1, %c1)
      stream(%s)
      args(%d_in, %d_out : memref<?xf32, #cuda.memory_space<global>>,
           memref<?xf32, #cuda.memory_space<global>>)
  // Within the kernel's launch bounds (256 threads).
  // CHECK: cuda.launch @bounded grid({{.*}}) block({{.*}}){{$}}
  cuda.launch @bounded grid(%c1, %c1, %c1) block(%c256, %c1, %c1)
  // CHECK: cuda.stream_synchronize [[S]]
  cuda.stream_synchronize %s
  // CHECK: cuda.stream_destroy [[S]]
  cuda.stream_destroy %s
  return
}

// A 16x16x16 half-precision tensor-core GEMM tile (one warp per tile):
//   wmma::fragment<matrix_a, 16, 16, 16, half, row_major> a;
//   wmma::fragment<matrix_b, 16, 16, 16, half, col_major> b;
//   wmma::fragment<accumulator, 16, 16, 16, float> acc;
//   wmma::fill_fragment(acc, 0.0f);
//   for (int k = 0; k < K; k += 16) { load a, b; wmma::mma_sync(acc, a, b, acc); }
//   for (int i = 0; i < acc.num_elements; i++) acc.x[i] *= alpha;
//   wmma::store_matrix_sync(c + ..., acc, ldc, wmma::mem_row_major);
// CHECK-LABEL: func.func @wmma_gemm
func.func @wmma_gemm(%A: memref<?x?xf16, #cuda.memory_space<global>>,
                     %B: memref<?x?xf16, #cuda.memory_space<global>>,
                     %C: memref<?x?xf32, #cuda.memory_space<global>>,
                     %K: index, %ld: i32, %alpha: f32) attributes {cuda.kernel} {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : index
  %zero = arith.constant 0.0 : f32
  // CHECK: [[ACC:%.+]] = cuda.wmma.fill_fragment %{{.+}} : f32 -> !cuda.fragment<accumulator, 16x16x16, f32>
  %acc0 = cuda.wmma.fill_fragment %zero : f32 -> !cuda.fragment<accumulator, 16x16x16, f32>
  %acc = scf.for %k = %c0 to %K step %c16 iter_args(%acc_it = %acc0) -> (!cuda.fragment<accumulator, 16x16x16, f32>) {
    // CHECK: cuda.wmma.load_matrix_sync %{{.+}}[%{{.+}}, %{{.+}}], %{{.+}} : memref<?x?xf16, #cuda.memory_space<global>> -> !cuda.fragment<matrix_a, 16x16x16, f16, row_major>
    %a = cuda.wmma.load_matrix_sync %A[%c0, %k], %ld : memref<?x?xf16, #cuda.memory_space<global>> -> !cuda.fragment<matrix_a, 16x16x16, f16, row_major>
    // CHECK: cuda.wmma.load_matrix_sync {{.*}} -> !cuda.fragment<matrix_b, 16x16x16, f16, col_major>
    %b = cuda.wmma.load_matrix_sync %B[%k, %c0], %ld : memref<?x?xf16, #cuda.memory_space<global>> -> !cuda.fragment<matrix_b, 16x16x16, f16, col_major>
    // CHECK: cuda.wmma.mma_sync %{{.+}}, %{{.+}}, %{{.+}} : !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, !cuda.fragment<accumulator, 16x16x16, f32> -> !cuda.fragment<accumulator, 16x16x16, f32>
    %d = cuda.wmma.mma_sync %a, %b, %acc_it
        : !cuda.fragment<matrix_a, 16x16x16, f16, row_major>,
          !cuda.fragment<matrix_b, 16x16x16, f16, col_major>,
          !cuda.fragment<accumulator, 16x16x16, f32>
        -> !cuda.fragment<accumulator, 16x16x16, f32>
    scf.yield %d : !cuda.fragment<accumulator, 16x16x16, f32>
  }
  // CHECK: cuda.wmma.num_elements !cuda.fragment<accumulator, 16x16x16, f32>
  %n = cuda.wmma.num_elements !cuda.fragment<accumulator, 16x16x16, f32>
  %nidx = arith.index_cast %n : i32 to index
  %c1 = arith.constant 1 : index
  %scaled = scf.for %i = %c0 to %nidx step %c1 iter_args(%f = %acc) -> (!cuda.fragment<accumulator, 16x16x16, f32>) {
    // CHECK: cuda.wmma.fragment_extract %{{.+}}[%{{.+}}] : !cuda.fragment<accumulator, 16x16x16, f32> -> f32
    %e = cuda.wmma.fragment_extract %f[%i] : !cuda.fragment<accumulator, 16x16x16, f32> -> f32
    %m = arith.mulf %e, %alpha : f32
    // CHECK: cuda.wmma.fragment_insert %{{.+}}, %{{.+}}[%{{.+}}] : f32 -> !cuda.fragment<accumulator, 16x16x16, f32>
    %f2 = cuda.wmma.fragment_insert %m, %f[%i] : f32 -> !cuda.fragment<accumulator, 16x16x16, f32>
    scf.yield %f2 : !cuda.fragment<accumulator, 16x16x16, f32>
  }
  // CHECK: cuda.wmma.store_matrix_sync %{{.+}}, %{{.+}}[%{{.+}}, %{{.+}}], %{{.+}} mem_row_major : !cuda.fragment<accumulator, 16x16x16, f32>, memref<?x?xf32, #cuda.memory_space<global>>
  cuda.wmma.store_matrix_sync %scaled, %C[%c0, %c0], %ld mem_row_major : !cuda.fragment<accumulator, 16x16x16, f32>, memref<?x?xf32, #cuda.memory_space<global>>
  return
}

// The other fragment shapes and element types, loads from shared memory,
// accumulator loads in both memory layouts and satf.
// CHECK-LABEL: func.func @wmma_variants
func.func @wmma_variants(%sh: memref<64x64xf16, #cuda.memory_space<shared>>,
                         %sb: memref<64x64xbf16, #cuda.memory_space<shared>>,
                         %s8: memref<?xi8, #cuda.memory_space<global>>,
                         %si: memref<?xi32, #cuda.memory_space<global>>,
                         %sf: memref<?xf32, #cuda.memory_space<global>>,
                         %sd: memref<?xf64, #cuda.memory_space<global>>,
                         %ld: i32) attributes {cuda.kernel} {
  %c0 = arith.constant 0 : index
  // f16 32x8x16 with an f16 accumulator loaded column-major, into f32.
  // CHECK: !cuda.fragment<matrix_a, 32x8x16, f16, col_major>
  %a1 = cuda.wmma.load_matrix_sync %sh[%c0, %c0], %ld : memref<64x64xf16, #cuda.memory_space<shared>> -> !cuda.fragment<matrix_a, 32x8x16, f16, col_major>
  // CHECK: !cuda.fragment<matrix_b, 32x8x16, f16, row_major>
  %b1 = cuda.wmma.load_matrix_sync %sh[%c0, %c0], %ld : memref<64x64xf16, #cuda.memory_space<shared>> -> !cuda.fragment<matrix_b, 32x8x16, f16, row_major>
  // CHECK: cuda.wmma.load_matrix_sync %{{.+}}[%{{.+}}, %{{.+}}], %{{.+}} mem_col_major : memref<64x64xf16, #cuda.memory_space<shared>> -> !cuda.fragment<accumulator, 32x8x16, f16>
  %c1 = cuda.wmma.load_matrix_sync %sh[%c0, %c0], %ld mem_col_major : memref<64x64xf16, #cuda.memory_space<shared>> -> !cuda.fragment<accumulator, 32x8x16, f16>
  %d1 = cuda.wmma.mma_sync %a1, %b1, %c1 : !cuda.fragment<matrix_a, 32x8x16, f16, col_major>, !cuda.fragment<matrix_b, 32x8x16, f16, row_major>, !cuda.fragment<accumulator, 32x8x16, f16> -> !cuda.fragment<accumulator, 32x8x16, f32>
  cuda.wmma.store_matrix_sync %d1, %sf[%c0], %ld mem_col_major : !cuda.fragment<accumulator, 32x8x16, f32>, memref<?xf32, #cuda.memory_space<global>>
  // bf16 8x32x16.
  // CHECK: !cuda.fragment<matrix_a, 8x32x16, bf16, row_major>
  %a2 = cuda.wmma.load_matrix_sync %sb[%c0, %c0], %ld : memref<64x64xbf16, #cuda.memory_space<shared>> -> !cuda.fragment<matrix_a, 8x32x16, bf16, row_major>
  %b2 = cuda.wmma.load_matrix_sync %sb[%c0, %c0], %ld : memref<64x64xbf16, #cuda.memory_space<shared>> -> !cuda.fragment<matrix_b, 8x32x16, bf16, col_major>
  %zf = arith.constant 0.0 : f32
  %c2 = cuda.wmma.fill_fragment %zf : f32 -> !cuda.fragment<accumulator, 8x32x16, f32>
  %d2 = cuda.wmma.mma_sync %a2, %b2, %c2 : !cuda.fragment<matrix_a, 8x32x16, bf16, row_major>, !cuda.fragment<matrix_b, 8x32x16, bf16, col_major>, !cuda.fragment<accumulator, 8x32x16, f32> -> !cuda.fragment<accumulator, 8x32x16, f32>
  // s8 x u8-free: signed char 16x16x16 with satf, unsigned char 32x8x16.
  // CHECK: !cuda.fragment<matrix_a, 16x16x16, si8, row_major>
  %a3 = cuda.wmma.load_matrix_sync %s8[%c0], %ld : memref<?xi8, #cuda.memory_space<global>> -> !cuda.fragment<matrix_a, 16x16x16, si8, row_major>
  %b3 = cuda.wmma.load_matrix_sync %s8[%c0], %ld : memref<?xi8, #cuda.memory_space<global>> -> !cuda.fragment<matrix_b, 16x16x16, si8, col_major>
  %zi = arith.constant 0 : i32
  %c3 = cuda.wmma.fill_fragment %zi : i32 -> !cuda.fragment<accumulator, 16x16x16, i32>
  // CHECK: cuda.wmma.mma_sync %{{.+}}, %{{.+}}, %{{.+}} satf : !cuda.fragment<matrix_a, 16x16x16, si8, row_major>
  %d3 = cuda.wmma.mma_sync %a3, %b3, %c3 satf : !cuda.fragment<matrix_a, 16x16x16, si8, row_major>, !cuda.fragment<matrix_b, 16x16x16, si8, col_major>, !cuda.fragment<accumulator, 16x16x16, i32> -> !cuda.fragment<accumulator, 16x16x16, i32>
  cuda.wmma.store_matrix_sync %d3, %si[%c0], %ld mem_row_major : !cuda.fragment<accumulator, 16x16x16, i32>, memref<?xi32, #cuda.memory_space<global>>
  // CHECK: !cuda.fragment<matrix_b, 32x8x16, ui8, row_major>
  %u8 = arith.constant 3 : i8
  %b4 = cuda.wmma.fill_fragment %u8 : i8 -> !cuda.fragment<matrix_b, 32x8x16, ui8, row_major>
  %e4 = cuda.wmma.fragment_extract %b4[%c0] : !cuda.fragment<matrix_b, 32x8x16, ui8, row_major> -> i8
  // tf32 16x16x8: loaded from float memory.
  // CHECK: !cuda.fragment<matrix_a, 16x16x8, tf32, row_major>
  %a5 = cuda.wmma.load_matrix_sync %sf[%c0], %ld : memref<?xf32, #cuda.memory_space<global>> -> !cuda.fragment<matrix_a, 16x16x8, tf32, row_major>
  %b5 = cuda.wmma.load_matrix_sync %sf[%c0], %ld : memref<?xf32, #cuda.memory_space<global>> -> !cuda.fragment<matrix_b, 16x16x8, tf32, col_major>
  %c5 = cuda.wmma.load_matrix_sync %sf[%c0], %ld mem_row_major : memref<?xf32, #cuda.memory_space<global>> -> !cuda.fragment<accumulator, 16x16x8, f32>
  %d5 = cuda.wmma.mma_sync %a5, %b5, %c5 : !cuda.fragment<matrix_a, 16x16x8, tf32, row_major>, !cuda.fragment<matrix_b, 16x16x8, tf32, col_major>, !cuda.fragment<accumulator, 16x16x8, f32> -> !cuda.fragment<accumulator, 16x16x8, f32>
  // f64 8x8x4.
  // CHECK: !cuda.fragment<matrix_a, 8x8x4, f64, col_major>
  %a6 = cuda.wmma.load_matrix_sync %sd[%c0], %ld : memref<?xf64, #cuda.memory_space<global>> -> !cuda.fragment<matrix_a, 8x8x4, f64, col_major>
  %b6 = cuda.wmma.load_matrix_sync %sd[%c0], %ld : memref<?xf64, #cuda.memory_space<global>> -> !cuda.fragment<matrix_b, 8x8x4, f64, row_major>
  // CHECK: !cuda.fragment<accumulator, 8x8x4, f64>
  %c6 = cuda.wmma.load_matrix_sync %sd[%c0], %ld mem_row_major : memref<?xf64, #cuda.memory_space<global>> -> !cuda.fragment<accumulator, 8x8x4, f64>
  %d6 = cuda.wmma.mma_sync %a6, %b6, %c6 : !cuda.fragment<matrix_a, 8x8x4, f64, col_major>, !cuda.fragment<matrix_b, 8x8x4, f64, row_major>, !cuda.fragment<accumulator, 8x8x4, f64> -> !cuda.fragment<accumulator, 8x8x4, f64>
  cuda.wmma.store_matrix_sync %d6, %sd[%c0], %ld mem_row_major : !cuda.fragment<accumulator, 8x8x4, f64>, memref<?xf64, #cuda.memory_space<global>>
  return
}

// An explicit `none` layout is accepted and printed omitted.
// CHECK-LABEL: func.func @fragment_none_layout
// CHECK-SAME: !cuda.fragment<accumulator, 16x16x16, f16>)
func.func @fragment_none_layout(%f: !cuda.fragment<accumulator, 16x16x16, f16, none>) {
  return
}

// Half and bfloat16 conversions are upstream ops (see the dialect docs):
// CHECK-LABEL: func.func @half_conversions
func.func @half_conversions(%x: f32, %h: f16, %b: bf16, %i: i32) -> f32
    attributes {cuda.device} {
  // __half2float(h), __bfloat162float(b)
  // CHECK: arith.extf %{{.+}} : f16 to f32
  // CHECK: arith.extf %{{.+}} : bf16 to f32
  %hf = arith.extf %h : f16 to f32
  %bf = arith.extf %b : bf16 to f32
  // __float2half(x) / __float2half_rn(x), __float2bfloat16(x)
  // CHECK: arith.truncf %{{.+}} : f32 to f16
  // CHECK: arith.truncf %{{.+}} : f32 to bf16
  %h1 = arith.truncf %x : f32 to f16
  %b1 = arith.truncf %x : f32 to bf16
  // __float2half_rz(x), __float2half_rd(x), __float2half_ru(x), __float2bfloat16_rz(x)
  // CHECK: arith.truncf %{{.+}} toward_zero : f32 to f16
  // CHECK: arith.truncf %{{.+}} downward : f32 to f16
  // CHECK: arith.truncf %{{.+}} upward : f32 to f16
  // CHECK: arith.truncf %{{.+}} toward_zero : f32 to bf16
  %h2 = arith.truncf %x toward_zero : f32 to f16
  %h3 = arith.truncf %x downward : f32 to f16
  %h4 = arith.truncf %x upward : f32 to f16
  %b2 = arith.truncf %x toward_zero : f32 to bf16
  // __int2half_rn(i), __half2int_rz(h)
  // CHECK: arith.sitofp %{{.+}} : i32 to f16
  // CHECK: arith.fptosi %{{.+}} : f16 to i32
  %h5 = arith.sitofp %i : i32 to f16
  %i2 = arith.fptosi %h : f16 to i32
  // __hadd(h, h5), __half_as_short(h)
  // CHECK: arith.addf %{{.+}}, %{{.+}} : f16
  // CHECK: arith.bitcast %{{.+}} : f16 to i16
  %sum = arith.addf %h, %h5 : f16
  %bits = arith.bitcast %h : f16 to i16
  %r = arith.addf %hf, %bf : f32
  return %r : f32
}

// Every memory space on memrefs.
// CHECK-LABEL: func.func @memory_spaces
// CHECK-SAME: memref<4xf32, #cuda.memory_space<global>>
// CHECK-SAME: memref<4xf32, #cuda.memory_space<shared>>
// CHECK-SAME: memref<4xf32, #cuda.memory_space<constant>>
// CHECK-SAME: memref<4xf32, #cuda.memory_space<local>>
func.func @memory_spaces(%g: memref<4xf32, #cuda.memory_space<global>>,
                         %s: memref<4xf32, #cuda.memory_space<shared>>,
                         %c: memref<4xf32, #cuda.memory_space<constant>>,
                         %l: memref<4xf32, #cuda.memory_space<local>>)
    attributes {cuda.device} {
  return
}

// __launch_bounds__(256) without minBlocks.
// CHECK-LABEL: func.func @bounded
// CHECK-SAME: cuda.launch_bounds = #cuda.launch_bounds<256>
func.func @bounded() attributes {cuda.kernel, cuda.launch_bounds = #cuda.launch_bounds<256>} {
  return
}
