// RUN: xpiler-opt %s | xpiler-opt | FileCheck %s
// RUN: xpiler-opt %s --mlir-print-op-generic | xpiler-opt | FileCheck %s

// CHECK: module attributes {xpl.target = #xpl.target<hip, "gfx942">}
module attributes {xpl.target = #xpl.target<hip, "gfx942">} {

// __constant__ float coeffs[16];
// CHECK: memref.global "private" constant @coeffs : memref<16xf32, #hip.memory_space<constant>>
memref.global "private" constant @coeffs : memref<16xf32, #hip.memory_space<constant>>

// __global__ void __launch_bounds__(256)
// block_sum(const float *in, float *out, int n) {
//   __shared__ float partial[4];
//   int i = blockIdx.x * blockDim.x + threadIdx.x;
//   float v = i < n ? in[i] * coeffs[0] : 0.f;
//   for (int d = 32; d > 0; d /= 2) v += __shfl_down(v, d);
//   if (threadIdx.x % warpSize == 0) partial[threadIdx.x / warpSize] = v;
//   __syncthreads();
//   if (threadIdx.x == 0) atomicAdd(out, partial[0] + ... + partial[3]);
// }
// CHECK-LABEL: func.func @block_sum
// CHECK-SAME: attributes {hip.kernel, hip.launch_bounds = array<i32: 256>}
func.func @block_sum(%in: memref<?xf32, #hip.memory_space<global>>,
                     %out: memref<1xf32, #hip.memory_space<global>>, %n: i32)
    attributes {hip.kernel, hip.launch_bounds = array<i32: 256>} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %zero = arith.constant 0.0 : f32
  // CHECK: [[PARTIAL:%.+]] = hip.shared_alloc : memref<4xf32, #hip.memory_space<shared>>
  %partial = hip.shared_alloc : memref<4xf32, #hip.memory_space<shared>>
  // CHECK: [[BX:%.+]] = hip.block_idx <x>
  // CHECK: [[BD:%.+]] = hip.block_dim <x>
  // CHECK: [[TX:%.+]] = hip.thread_idx <x>
  %bx_i32 = hip.block_idx <x>
  %bx = arith.index_cast %bx_i32 : i32 to index
  %bd_i32 = hip.block_dim <x>
  %bd = arith.index_cast %bd_i32 : i32 to index
  %tx_i32 = hip.thread_idx <x>
  %tx = arith.index_cast %tx_i32 : i32 to index
  %base = arith.muli %bx, %bd : index
  %i = arith.addi %base, %tx : index
  %nidx = arith.index_cast %n : i32 to index
  %inb = arith.cmpi ult, %i, %nidx : index
  %coeffs = memref.get_global @coeffs : memref<16xf32, #hip.memory_space<constant>>
  %k = memref.load %coeffs[%c0] : memref<16xf32, #hip.memory_space<constant>>
  %v0 = scf.if %inb -> f32 {
    %x = memref.load %in[%i] : memref<?xf32, #hip.memory_space<global>>
    %y = arith.mulf %x, %k : f32
    scf.yield %y : f32
  } else {
    scf.yield %zero : f32
  }
  %c32_i32 = arith.constant 32 : i32
  %c2_i32 = arith.constant 2 : i32
  %c0_i32 = arith.constant 0 : i32
  %r:2 = scf.while (%v = %v0, %d = %c32_i32) : (f32, i32) -> (f32, i32) {
    %more = arith.cmpi sgt, %d, %c0_i32 : i32
    scf.condition(%more) %v, %d : f32, i32
  } do {
  ^bb0(%v: f32, %d: i32):
    // CHECK: hip.shfl <down> %{{.*}}, %{{.*}} : f32
    %other = hip.shfl <down> %v, %d : f32
    %sum = arith.addf %v, %other : f32
    %half = arith.divsi %d, %c2_i32 : i32
    scf.yield %sum, %half : f32, i32
  }
  // CHECK: [[WS:%.+]] = hip.warp_size
  %ws_i32 = hip.warp_size
  %ws = arith.index_cast %ws_i32 : i32 to index
  %lane = arith.remui %tx, %ws : index
  %wave = arith.divui %tx, %ws : index
  %first = arith.cmpi eq, %lane, %c0 : index
  scf.if %first {
    memref.store %r#0, %partial[%wave] : memref<4xf32, #hip.memory_space<shared>>
  }
  // CHECK: hip.syncthreads
  hip.syncthreads
  %leader = arith.cmpi eq, %tx, %c0 : index
  scf.if %leader {
    %total = scf.for %w = %c0 to %c4 step %c1 iter_args(%acc = %zero) -> f32 {
      %p = memref.load %partial[%w] : memref<4xf32, #hip.memory_space<shared>>
      %s = arith.addf %acc, %p : f32
      scf.yield %s : f32
    }
    // CHECK: hip.atomic <add> %{{.*}}, %{{.*}}[%{{.*}}] : memref<1xf32, #hip.memory_space<global>>
    %old = hip.atomic <add> %total, %out[%c0] : memref<1xf32, #hip.memory_space<global>>
  }
  return
}

// extern __shared__ float tile[];  __threadfence*(); votes, ballots and the
// remaining shuffles, dims and atomics.
// CHECK-LABEL: func.func @wave_ops
func.func @wave_ops(%hist: memref<256xi32, #hip.memory_space<global>>,
                    %data: memref<?xf64, #hip.memory_space<global>>,
                    %x: f32, %u: i32, %l: i64, %d: f64, %h: f16)
    attributes {hip.kernel} {
  %c0 = arith.constant 0 : index
  %c1_i32 = arith.constant 1 : i32
  %c3_i32 = arith.constant 3 : i32
  %c16_i32 = arith.constant 16 : i32
  %full = arith.constant -1 : i64
  // CHECK: hip.thread_idx <y>
  // CHECK: hip.thread_idx <z>
  // CHECK: hip.block_idx <y>
  // CHECK: hip.block_idx <z>
  // CHECK: hip.block_dim <y>
  // CHECK: hip.block_dim <z>
  // CHECK: hip.grid_dim <x>
  // CHECK: hip.grid_dim <y>
  // CHECK: hip.grid_dim <z>
  %ty_i32 = hip.thread_idx <y>
  %ty = arith.index_cast %ty_i32 : i32 to index
  %tz_i32 = hip.thread_idx <z>
  %tz = arith.index_cast %tz_i32 : i32 to index
  %by_i32 = hip.block_idx <y>
  %by = arith.index_cast %by_i32 : i32 to index
  %bz_i32 = hip.block_idx <z>
  %bz = arith.index_cast %bz_i32 : i32 to index
  %dy_i32 = hip.block_dim <y>
  %dy = arith.index_cast %dy_i32 : i32 to index
  %dz_i32 = hip.block_dim <z>
  %dz = arith.index_cast %dz_i32 : i32 to index
  %gx_i32 = hip.grid_dim <x>
  %gx = arith.index_cast %gx_i32 : i32 to index
  %gy_i32 = hip.grid_dim <y>
  %gy = arith.index_cast %gy_i32 : i32 to index
  %gz_i32 = hip.grid_dim <z>
  %gz = arith.index_cast %gz_i32 : i32 to index
  // CHECK: [[TILE:%.+]] = hip.dynamic_shared : memref<?xf32, #hip.memory_space<shared>>
  %tile = hip.dynamic_shared : memref<?xf32, #hip.memory_space<shared>>
  memref.store %x, %tile[%ty] : memref<?xf32, #hip.memory_space<shared>>
  // CHECK: hip.threadfence <block>
  // CHECK: hip.threadfence <device>
  // CHECK: hip.threadfence <system>
  hip.threadfence <block>
  hip.threadfence <device>
  hip.threadfence <system>
  // __shfl(x, 3), __shfl_up(u, 1, 16), __shfl_xor_sync(mask, d, 16), __shfl(h, 1).
  // CHECK: hip.shfl <idx> %{{.*}}, %{{.*}} : f32
  // CHECK: hip.shfl <up> %{{.*}}, %{{.*}} width(%{{.*}}) : i32
  // CHECK: hip.shfl <xor> %{{.*}}, %{{.*}} width(%{{.*}}) mask(%{{.*}}) : f64
  // CHECK: hip.shfl <idx> %{{.*}}, %{{.*}} : f16
  // CHECK: hip.shfl <down> %{{.*}}, %{{.*}} mask(%{{.*}}) : i64
  %s0 = hip.shfl <idx> %x, %c3_i32 : f32
  %s1 = hip.shfl <up> %u, %c1_i32 width(%c16_i32) : i32
  %s2 = hip.shfl <xor> %d, %c16_i32 width(%c16_i32) mask(%full) : f64
  %s3 = hip.shfl <idx> %h, %c1_i32 : f16
  %s4 = hip.shfl <down> %l, %c1_i32 mask(%full) : i64
  %pos = arith.cmpf ogt, %x, %s0 : f32
  // CHECK: hip.vote <any> %{{.*}} : i1
  // CHECK: hip.vote <all> %{{.*}} mask(%{{.*}}) : i1
  // CHECK: hip.ballot %{{.*}} : i64
  // CHECK: hip.ballot %{{.*}} mask(%{{.*}}) : i64
  %any = hip.vote <any> %pos : i1
  %all = hip.vote <all> %pos mask(%full) : i1
  %bits = hip.ballot %pos : i64
  %bits2 = hip.ballot %any mask(%full) : i64
  %bin = arith.index_cast %u : i32 to index
  // Every atomic<Kind> on global and shared memory.
  %counts = hip.shared_alloc : memref<256xi32, #hip.memory_space<shared>>
  // CHECK: hip.atomic <add> %{{.*}}, %{{.*}}[%{{.*}}] : memref<256xi32, #hip.memory_space<shared>>
  // CHECK: hip.atomic <sub> %{{.*}}, %{{.*}}[%{{.*}}] : memref<256xi32, #hip.memory_space<global>>
  // CHECK: hip.atomic <exch> %{{.*}}, %{{.*}}[%{{.*}}] : memref<?xf64, #hip.memory_space<global>>
  // CHECK: hip.atomic <min> %{{.*}}, %{{.*}}[%{{.*}}] : memref<?xf64, #hip.memory_space<global>>
  // CHECK: hip.atomic <max> unsigned %{{.*}}, %{{.*}}[%{{.*}}] : memref<256xi32, #hip.memory_space<shared>>
  // CHECK: hip.atomic <inc> unsigned %{{.*}}, %{{.*}}[%{{.*}}] : memref<256xi32, #hip.memory_space<global>>
  // CHECK: hip.atomic <dec> unsigned %{{.*}}, %{{.*}}[%{{.*}}] : memref<256xi32, #hip.memory_space<global>>
  // CHECK: hip.atomic <and> %{{.*}}, %{{.*}}[%{{.*}}] : memref<256xi32, #hip.memory_space<shared>>
  // CHECK: hip.atomic <or> %{{.*}}, %{{.*}}[%{{.*}}] : memref<256xi32, #hip.memory_space<shared>>
  // CHECK: hip.atomic <xor> %{{.*}}, %{{.*}}[%{{.*}}] : memref<256xi32, #hip.memory_space<shared>>
  %a0 = hip.atomic <add> %c1_i32, %counts[%bin] : memref<256xi32, #hip.memory_space<shared>>
  %a1 = hip.atomic <sub> %c1_i32, %hist[%bin] : memref<256xi32, #hip.memory_space<global>>
  %a2 = hip.atomic <exch> %d, %data[%c0] : memref<?xf64, #hip.memory_space<global>>
  %a3 = hip.atomic <min> %d, %data[%c0] : memref<?xf64, #hip.memory_space<global>>
  %a4 = hip.atomic <max> unsigned %u, %counts[%bin] : memref<256xi32, #hip.memory_space<shared>>
  %a5 = hip.atomic <inc> unsigned %u, %hist[%bin] : memref<256xi32, #hip.memory_space<global>>
  %a6 = hip.atomic <dec> unsigned %u, %hist[%bin] : memref<256xi32, #hip.memory_space<global>>
  %a7 = hip.atomic <and> %u, %counts[%bin] : memref<256xi32, #hip.memory_space<shared>>
  %a8 = hip.atomic <or> %u, %counts[%bin] : memref<256xi32, #hip.memory_space<shared>>
  %a9 = hip.atomic <xor> %u, %counts[%bin] : memref<256xi32, #hip.memory_space<shared>>
  // CHECK: hip.atomic_cas %{{.*}}[%{{.*}}], %{{.*}}, %{{.*}} : memref<256xi32, #hip.memory_space<global>>
  %old = hip.atomic_cas %hist[%c0], %u, %c1_i32 : memref<256xi32, #hip.memory_space<global>>
  return
}

// float in private (local) memory, and half / bfloat16 conversions:
// __half2float, __float2half, __bfloat162float, __float2bfloat16 and __hadd.
// CHECK-LABEL: func.func @half_and_bf16
// CHECK-SAME: attributes {hip.device, hip.host}
func.func @half_and_bf16(%h: f16, %b: bf16) -> (f16, bf16)
    attributes {hip.device, hip.host} {
  %c0 = arith.constant 0 : index
  // CHECK: memref.alloca() : memref<2xf32, #hip.memory_space<local>>
  %scratch = memref.alloca() : memref<2xf32, #hip.memory_space<local>>
  // CHECK: arith.extf %{{.*}} : f16 to f32
  // CHECK: arith.extf %{{.*}} : bf16 to f32
  %hf = arith.extf %h : f16 to f32
  %bf = arith.extf %b : bf16 to f32
  memref.store %hf, %scratch[%c0] : memref<2xf32, #hip.memory_space<local>>
  %t = memref.load %scratch[%c0] : memref<2xf32, #hip.memory_space<local>>
  %s = arith.addf %t, %bf : f32
  // CHECK: arith.truncf %{{.*}} : f32 to f16
  // CHECK: arith.truncf %{{.*}} : f32 to bf16
  %h2 = arith.truncf %s : f32 to f16
  %b2 = arith.truncf %s : f32 to bf16
  // CHECK: arith.addf %{{.*}}, %{{.*}} : f16
  %hs = arith.addf %h2, %h : f16
  return %hs, %b2 : f16, bf16
}

// A 32x32x8 f16 MFMA tile: each lane loads its 4 halves of A and B and
// accumulates 16 floats of C, then a multi-block MFMA with a broadcast.
// CHECK-LABEL: func.func @mfma_tile
func.func @mfma_tile(%a: memref<?xf16, #hip.memory_space<global>>,
                     %b: memref<?xf16, #hip.memory_space<global>>,
                     %c: memref<?xf32, #hip.memory_space<global>>,
                     %x: f32, %acc: vector<32xf32>)
    attributes {hip.kernel, hip.launch_bounds = array<i32: 64, 2>} {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %zero = arith.constant dense<0.0> : vector<16xf32>
  %tx_i32 = hip.thread_idx <x>
  %tx = arith.index_cast %tx_i32 : i32 to index
  %off = arith.muli %tx, %c4 : index
  %va = vector.load %a[%off] : memref<?xf16, #hip.memory_space<global>>, vector<4xf16>
  %vb = vector.load %b[%off] : memref<?xf16, #hip.memory_space<global>>, vector<4xf16>
  // CHECK: [[D:%.+]] = hip.mfma <f32_32x32x8f16> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : vector<4xf16>, vector<4xf16>, vector<16xf32>
  %d = hip.mfma <f32_32x32x8f16> %va, %vb, %zero cbsz = 0 abid = 0 blgp = 0
      : vector<4xf16>, vector<4xf16>, vector<16xf32>
  // CHECK: vector.store [[D]]
  vector.store %d, %c[%off] : memref<?xf32, #hip.memory_space<global>>, vector<16xf32>
  // CHECK: hip.mfma <f32_32x32x1f32> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 1 abid = 1 blgp = 3 : f32, f32, vector<32xf32>
  %e = hip.mfma <f32_32x32x1f32> %x, %x, %acc cbsz = 1 abid = 1 blgp = 3
      : f32, f32, vector<32xf32>
  return
}

// Every MFMA builtin once, with the operand types of its row in the table.
// CHECK-LABEL: func.func @mfma_table
func.func @mfma_table(%s_f32: f32,
                       %s_f64: f64,
                       %s_i32: i32,
                       %s_i64: i64,
                       %s_v2_bf16: vector<2xbf16>,
                       %s_v2_f32: vector<2xf32>,
                       %s_v2_i16: vector<2xi16>,
                       %s_v4_bf16: vector<4xbf16>,
                       %s_v4_f16: vector<4xf16>,
                       %s_v4_i16: vector<4xi16>,
                       %s_v4_i32: vector<4xi32>,
                       %s_v8_bf16: vector<8xbf16>,
                       %s_v8_f16: vector<8xf16>,
                       %c_f64: f64,
                       %c_v16_f32: vector<16xf32>,
                       %c_v16_i32: vector<16xi32>,
                       %c_v32_f32: vector<32xf32>,
                       %c_v32_i32: vector<32xi32>,
                       %c_v4_f32: vector<4xf32>,
                       %c_v4_f64: vector<4xf64>,
                       %c_v4_i32: vector<4xi32>) attributes {hip.device} {
  // CHECK: hip.mfma <f32_32x32x1f32> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : f32, f32, vector<32xf32>
  %m0 = hip.mfma <f32_32x32x1f32> %s_f32, %s_f32, %c_v32_f32 cbsz = 0 abid = 0 blgp = 0 : f32, f32, vector<32xf32>
  // CHECK: hip.mfma <f32_16x16x1f32> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : f32, f32, vector<16xf32>
  %m1 = hip.mfma <f32_16x16x1f32> %s_f32, %s_f32, %c_v16_f32 cbsz = 0 abid = 0 blgp = 0 : f32, f32, vector<16xf32>
  // CHECK: hip.mfma <f32_4x4x1f32> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : f32, f32, vector<4xf32>
  %m2 = hip.mfma <f32_4x4x1f32> %s_f32, %s_f32, %c_v4_f32 cbsz = 0 abid = 0 blgp = 0 : f32, f32, vector<4xf32>
  // CHECK: hip.mfma <f32_32x32x2f32> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : f32, f32, vector<16xf32>
  %m3 = hip.mfma <f32_32x32x2f32> %s_f32, %s_f32, %c_v16_f32 cbsz = 0 abid = 0 blgp = 0 : f32, f32, vector<16xf32>
  // CHECK: hip.mfma <f32_16x16x4f32> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : f32, f32, vector<4xf32>
  %m4 = hip.mfma <f32_16x16x4f32> %s_f32, %s_f32, %c_v4_f32 cbsz = 0 abid = 0 blgp = 0 : f32, f32, vector<4xf32>
  // CHECK: hip.mfma <f32_32x32x4f16> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : vector<4xf16>, vector<4xf16>, vector<32xf32>
  %m5 = hip.mfma <f32_32x32x4f16> %s_v4_f16, %s_v4_f16, %c_v32_f32 cbsz = 0 abid = 0 blgp = 0 : vector<4xf16>, vector<4xf16>, vector<32xf32>
  // CHECK: hip.mfma <f32_16x16x4f16> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : vector<4xf16>, vector<4xf16>, vector<16xf32>
  %m6 = hip.mfma <f32_16x16x4f16> %s_v4_f16, %s_v4_f16, %c_v16_f32 cbsz = 0 abid = 0 blgp = 0 : vector<4xf16>, vector<4xf16>, vector<16xf32>
  // CHECK: hip.mfma <f32_4x4x4f16> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : vector<4xf16>, vector<4xf16>, vector<4xf32>
  %m7 = hip.mfma <f32_4x4x4f16> %s_v4_f16, %s_v4_f16, %c_v4_f32 cbsz = 0 abid = 0 blgp = 0 : vector<4xf16>, vector<4xf16>, vector<4xf32>
  // CHECK: hip.mfma <f32_32x32x8f16> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : vector<4xf16>, vector<4xf16>, vector<16xf32>
  %m8 = hip.mfma <f32_32x32x8f16> %s_v4_f16, %s_v4_f16, %c_v16_f32 cbsz = 0 abid = 0 blgp = 0 : vector<4xf16>, vector<4xf16>, vector<16xf32>
  // CHECK: hip.mfma <f32_16x16x16f16> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : vector<4xf16>, vector<4xf16>, vector<4xf32>
  %m9 = hip.mfma <f32_16x16x16f16> %s_v4_f16, %s_v4_f16, %c_v4_f32 cbsz = 0 abid = 0 blgp = 0 : vector<4xf16>, vector<4xf16>, vector<4xf32>
  // CHECK: hip.mfma <i32_32x32x4i8> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : i32, i32, vector<32xi32>
  %m10 = hip.mfma <i32_32x32x4i8> %s_i32, %s_i32, %c_v32_i32 cbsz = 0 abid = 0 blgp = 0 : i32, i32, vector<32xi32>
  // CHECK: hip.mfma <i32_16x16x4i8> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : i32, i32, vector<16xi32>
  %m11 = hip.mfma <i32_16x16x4i8> %s_i32, %s_i32, %c_v16_i32 cbsz = 0 abid = 0 blgp = 0 : i32, i32, vector<16xi32>
  // CHECK: hip.mfma <i32_4x4x4i8> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : i32, i32, vector<4xi32>
  %m12 = hip.mfma <i32_4x4x4i8> %s_i32, %s_i32, %c_v4_i32 cbsz = 0 abid = 0 blgp = 0 : i32, i32, vector<4xi32>
  // CHECK: hip.mfma <i32_32x32x8i8> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : i32, i32, vector<16xi32>
  %m13 = hip.mfma <i32_32x32x8i8> %s_i32, %s_i32, %c_v16_i32 cbsz = 0 abid = 0 blgp = 0 : i32, i32, vector<16xi32>
  // CHECK: hip.mfma <i32_16x16x16i8> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : i32, i32, vector<4xi32>
  %m14 = hip.mfma <i32_16x16x16i8> %s_i32, %s_i32, %c_v4_i32 cbsz = 0 abid = 0 blgp = 0 : i32, i32, vector<4xi32>
  // CHECK: hip.mfma <f32_32x32x2bf16> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : vector<2xbf16>, vector<2xbf16>, vector<32xf32>
  %m15 = hip.mfma <f32_32x32x2bf16> %s_v2_bf16, %s_v2_bf16, %c_v32_f32 cbsz = 0 abid = 0 blgp = 0 : vector<2xbf16>, vector<2xbf16>, vector<32xf32>
  // CHECK: hip.mfma <f32_16x16x2bf16> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : vector<2xi16>, vector<2xi16>, vector<16xf32>
  %m16 = hip.mfma <f32_16x16x2bf16> %s_v2_i16, %s_v2_i16, %c_v16_f32 cbsz = 0 abid = 0 blgp = 0 : vector<2xi16>, vector<2xi16>, vector<16xf32>
  // CHECK: hip.mfma <f32_4x4x2bf16> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : vector<2xbf16>, vector<2xbf16>, vector<4xf32>
  %m17 = hip.mfma <f32_4x4x2bf16> %s_v2_bf16, %s_v2_bf16, %c_v4_f32 cbsz = 0 abid = 0 blgp = 0 : vector<2xbf16>, vector<2xbf16>, vector<4xf32>
  // CHECK: hip.mfma <f32_32x32x4bf16> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : vector<2xbf16>, vector<2xbf16>, vector<16xf32>
  %m18 = hip.mfma <f32_32x32x4bf16> %s_v2_bf16, %s_v2_bf16, %c_v16_f32 cbsz = 0 abid = 0 blgp = 0 : vector<2xbf16>, vector<2xbf16>, vector<16xf32>
  // CHECK: hip.mfma <f32_16x16x8bf16> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : vector<2xi16>, vector<2xi16>, vector<4xf32>
  %m19 = hip.mfma <f32_16x16x8bf16> %s_v2_i16, %s_v2_i16, %c_v4_f32 cbsz = 0 abid = 0 blgp = 0 : vector<2xi16>, vector<2xi16>, vector<4xf32>
  // CHECK: hip.mfma <f32_32x32x4bf16_1k> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : vector<4xbf16>, vector<4xbf16>, vector<32xf32>
  %m20 = hip.mfma <f32_32x32x4bf16_1k> %s_v4_bf16, %s_v4_bf16, %c_v32_f32 cbsz = 0 abid = 0 blgp = 0 : vector<4xbf16>, vector<4xbf16>, vector<32xf32>
  // CHECK: hip.mfma <f32_16x16x4bf16_1k> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : vector<4xbf16>, vector<4xbf16>, vector<16xf32>
  %m21 = hip.mfma <f32_16x16x4bf16_1k> %s_v4_bf16, %s_v4_bf16, %c_v16_f32 cbsz = 0 abid = 0 blgp = 0 : vector<4xbf16>, vector<4xbf16>, vector<16xf32>
  // CHECK: hip.mfma <f32_4x4x4bf16_1k> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : vector<4xbf16>, vector<4xbf16>, vector<4xf32>
  %m22 = hip.mfma <f32_4x4x4bf16_1k> %s_v4_bf16, %s_v4_bf16, %c_v4_f32 cbsz = 0 abid = 0 blgp = 0 : vector<4xbf16>, vector<4xbf16>, vector<4xf32>
  // CHECK: hip.mfma <f32_32x32x8bf16_1k> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : vector<4xbf16>, vector<4xbf16>, vector<16xf32>
  %m23 = hip.mfma <f32_32x32x8bf16_1k> %s_v4_bf16, %s_v4_bf16, %c_v16_f32 cbsz = 0 abid = 0 blgp = 0 : vector<4xbf16>, vector<4xbf16>, vector<16xf32>
  // CHECK: hip.mfma <f32_16x16x16bf16_1k> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : vector<4xi16>, vector<4xi16>, vector<4xf32>
  %m24 = hip.mfma <f32_16x16x16bf16_1k> %s_v4_i16, %s_v4_i16, %c_v4_f32 cbsz = 0 abid = 0 blgp = 0 : vector<4xi16>, vector<4xi16>, vector<4xf32>
  // CHECK: hip.mfma <f64_16x16x4f64> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : f64, f64, vector<4xf64>
  %m25 = hip.mfma <f64_16x16x4f64> %s_f64, %s_f64, %c_v4_f64 cbsz = 0 abid = 0 blgp = 0 : f64, f64, vector<4xf64>
  // CHECK: hip.mfma <f64_4x4x4f64> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : f64, f64, f64
  %m26 = hip.mfma <f64_4x4x4f64> %s_f64, %s_f64, %c_f64 cbsz = 0 abid = 0 blgp = 0 : f64, f64, f64
  // CHECK: hip.mfma <i32_16x16x32_i8> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : i64, i64, vector<4xi32>
  %m27 = hip.mfma <i32_16x16x32_i8> %s_i64, %s_i64, %c_v4_i32 cbsz = 0 abid = 0 blgp = 0 : i64, i64, vector<4xi32>
  // CHECK: hip.mfma <i32_32x32x16_i8> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : i64, i64, vector<16xi32>
  %m28 = hip.mfma <i32_32x32x16_i8> %s_i64, %s_i64, %c_v16_i32 cbsz = 0 abid = 0 blgp = 0 : i64, i64, vector<16xi32>
  // CHECK: hip.mfma <f32_16x16x8_xf32> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : vector<2xf32>, vector<2xf32>, vector<4xf32>
  %m29 = hip.mfma <f32_16x16x8_xf32> %s_v2_f32, %s_v2_f32, %c_v4_f32 cbsz = 0 abid = 0 blgp = 0 : vector<2xf32>, vector<2xf32>, vector<4xf32>
  // CHECK: hip.mfma <f32_32x32x4_xf32> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : vector<2xf32>, vector<2xf32>, vector<16xf32>
  %m30 = hip.mfma <f32_32x32x4_xf32> %s_v2_f32, %s_v2_f32, %c_v16_f32 cbsz = 0 abid = 0 blgp = 0 : vector<2xf32>, vector<2xf32>, vector<16xf32>
  // CHECK: hip.mfma <f32_16x16x32_bf8_bf8> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : i64, i64, vector<4xf32>
  %m31 = hip.mfma <f32_16x16x32_bf8_bf8> %s_i64, %s_i64, %c_v4_f32 cbsz = 0 abid = 0 blgp = 0 : i64, i64, vector<4xf32>
  // CHECK: hip.mfma <f32_16x16x32_bf8_fp8> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : i64, i64, vector<4xf32>
  %m32 = hip.mfma <f32_16x16x32_bf8_fp8> %s_i64, %s_i64, %c_v4_f32 cbsz = 0 abid = 0 blgp = 0 : i64, i64, vector<4xf32>
  // CHECK: hip.mfma <f32_16x16x32_fp8_bf8> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : i64, i64, vector<4xf32>
  %m33 = hip.mfma <f32_16x16x32_fp8_bf8> %s_i64, %s_i64, %c_v4_f32 cbsz = 0 abid = 0 blgp = 0 : i64, i64, vector<4xf32>
  // CHECK: hip.mfma <f32_16x16x32_fp8_fp8> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : i64, i64, vector<4xf32>
  %m34 = hip.mfma <f32_16x16x32_fp8_fp8> %s_i64, %s_i64, %c_v4_f32 cbsz = 0 abid = 0 blgp = 0 : i64, i64, vector<4xf32>
  // CHECK: hip.mfma <f32_32x32x16_bf8_bf8> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : i64, i64, vector<16xf32>
  %m35 = hip.mfma <f32_32x32x16_bf8_bf8> %s_i64, %s_i64, %c_v16_f32 cbsz = 0 abid = 0 blgp = 0 : i64, i64, vector<16xf32>
  // CHECK: hip.mfma <f32_32x32x16_bf8_fp8> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : i64, i64, vector<16xf32>
  %m36 = hip.mfma <f32_32x32x16_bf8_fp8> %s_i64, %s_i64, %c_v16_f32 cbsz = 0 abid = 0 blgp = 0 : i64, i64, vector<16xf32>
  // CHECK: hip.mfma <f32_32x32x16_fp8_bf8> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : i64, i64, vector<16xf32>
  %m37 = hip.mfma <f32_32x32x16_fp8_bf8> %s_i64, %s_i64, %c_v16_f32 cbsz = 0 abid = 0 blgp = 0 : i64, i64, vector<16xf32>
  // CHECK: hip.mfma <f32_32x32x16_fp8_fp8> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : i64, i64, vector<16xf32>
  %m38 = hip.mfma <f32_32x32x16_fp8_fp8> %s_i64, %s_i64, %c_v16_f32 cbsz = 0 abid = 0 blgp = 0 : i64, i64, vector<16xf32>
  // CHECK: hip.mfma <f32_16x16x32_f16> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : vector<8xf16>, vector<8xf16>, vector<4xf32>
  %m39 = hip.mfma <f32_16x16x32_f16> %s_v8_f16, %s_v8_f16, %c_v4_f32 cbsz = 0 abid = 0 blgp = 0 : vector<8xf16>, vector<8xf16>, vector<4xf32>
  // CHECK: hip.mfma <f32_32x32x16_f16> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : vector<8xf16>, vector<8xf16>, vector<16xf32>
  %m40 = hip.mfma <f32_32x32x16_f16> %s_v8_f16, %s_v8_f16, %c_v16_f32 cbsz = 0 abid = 0 blgp = 0 : vector<8xf16>, vector<8xf16>, vector<16xf32>
  // CHECK: hip.mfma <f32_16x16x32_bf16> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : vector<8xbf16>, vector<8xbf16>, vector<4xf32>
  %m41 = hip.mfma <f32_16x16x32_bf16> %s_v8_bf16, %s_v8_bf16, %c_v4_f32 cbsz = 0 abid = 0 blgp = 0 : vector<8xbf16>, vector<8xbf16>, vector<4xf32>
  // CHECK: hip.mfma <f32_32x32x16_bf16> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : vector<8xbf16>, vector<8xbf16>, vector<16xf32>
  %m42 = hip.mfma <f32_32x32x16_bf16> %s_v8_bf16, %s_v8_bf16, %c_v16_f32 cbsz = 0 abid = 0 blgp = 0 : vector<8xbf16>, vector<8xbf16>, vector<16xf32>
  // CHECK: hip.mfma <i32_16x16x64_i8> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : vector<4xi32>, vector<4xi32>, vector<4xi32>
  %m43 = hip.mfma <i32_16x16x64_i8> %s_v4_i32, %s_v4_i32, %c_v4_i32 cbsz = 0 abid = 0 blgp = 0 : vector<4xi32>, vector<4xi32>, vector<4xi32>
  // CHECK: hip.mfma <i32_32x32x32_i8> %{{.*}}, %{{.*}}, %{{.*}} cbsz = 0 abid = 0 blgp = 0 : vector<4xi32>, vector<4xi32>, vector<16xi32>
  %m44 = hip.mfma <i32_32x32x32_i8> %s_v4_i32, %s_v4_i32, %c_v16_i32 cbsz = 0 abid = 0 blgp = 0 : vector<4xi32>, vector<4xi32>, vector<16xi32>
  return
}

// Host code: hipMalloc, hipMemcpy in every direction, both launch syntaxes,
// streams, hipDeviceSynchronize and hipFree.
// CHECK-LABEL: func.func @host
// CHECK-SAME: attributes {hip.host}
func.func @host(%h_in: memref<?xf32>, %h_out: memref<1xf32>, %n: i32,
                %bytes: index) attributes {hip.host} {
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c64 = arith.constant 64 : index
  %c256 = arith.constant 256 : index
  %zero = arith.constant 0 : index
  %nidx = arith.index_cast %n : i32 to index
  %grid = arith.ceildivui %nidx, %c256 : index
  // CHECK: [[IN:%.+]] = hip.malloc %{{.*}} : memref<?xf32, #hip.memory_space<global>>
  // CHECK: [[OUT:%.+]] = hip.malloc %{{.*}} : memref<1xf32, #hip.memory_space<global>>
  %d_in = hip.malloc %bytes : memref<?xf32, #hip.memory_space<global>>
  %d_out = hip.malloc %c4 : memref<1xf32, #hip.memory_space<global>>
  %h_tmp = memref.alloc(%nidx) : memref<?xf32>
  %d_tmp = hip.malloc %bytes : memref<?xf32, #hip.memory_space<global>>
  // CHECK: hip.memcpy <host_to_device> [[IN]], %{{.*}}, %{{.*}} : memref<?xf32, #hip.memory_space<global>>, memref<?xf32>
  // CHECK: hip.memcpy <device_to_device> %{{.*}}, [[IN]], %{{.*}} : memref<?xf32, #hip.memory_space<global>>, memref<?xf32, #hip.memory_space<global>>
  // CHECK: hip.memcpy <host_to_host> %{{.*}}, %{{.*}}, %{{.*}} : memref<?xf32>, memref<?xf32>
  hip.memcpy <host_to_device> %d_in, %h_in, %bytes
      : memref<?xf32, #hip.memory_space<global>>, memref<?xf32>
  hip.memcpy <device_to_device> %d_tmp, %d_in, %bytes
      : memref<?xf32, #hip.memory_space<global>>, memref<?xf32, #hip.memory_space<global>>
  hip.memcpy <host_to_host> %h_tmp, %h_in, %bytes : memref<?xf32>, memref<?xf32>
  // hipLaunchKernelGGL(block_sum, dim3(grid), dim3(256), 0, 0, d_in, d_out, n)
  // CHECK: hip.launch @block_sum grid(%{{.*}}, %{{.*}}, %{{.*}}) block(%{{.*}}, %{{.*}}, %{{.*}}) args([[IN]], [[OUT]], %{{.*}} : memref<?xf32, #hip.memory_space<global>>, memref<1xf32, #hip.memory_space<global>>, i32)
  hip.launch @block_sum grid(%grid, %c1, %c1) block(%c256, %c1, %c1)
      args(%d_in, %d_out, %n : memref<?xf32, #hip.memory_space<global>>,
           memref<1xf32, #hip.memory_space<global>>, i32)
  // CHECK: [[S:%.+]] = hip.stream_create : !hip.stream
  %s = hip.stream_create : !hip.stream
  // block_sum<<<grid, 256, 0, s>>>(d_in, d_out, n)
  // CHECK: hip.launch @block_sum grid({{.*}}) block({{.*}}) shared(%{{.*}}) stream([[S]]) args(
  hip.launch @block_sum grid(%grid, %c1, %c1) block(%c256, %c1, %c1)
      shared(%zero) stream(%s)
      args(%d_in, %d_out, %n : memref<?xf32, #hip.memory_space<global>>,
           memref<1xf32, #hip.memory_space<global>>, i32)
  // CHECK: hip.stream_synchronize [[S]]
  // CHECK: hip.stream_destroy [[S]]
  hip.stream_synchronize %s
  hip.stream_destroy %s
  // CHECK: hip.device_synchronize
  hip.device_synchronize
  // CHECK: hip.memcpy <device_to_host> %{{.*}}, [[OUT]], %{{.*}} : memref<1xf32>, memref<1xf32, #hip.memory_space<global>>
  // CHECK: hip.memcpy <default> %{{.*}}, [[OUT]], %{{.*}} : memref<1xf32>, memref<1xf32, #hip.memory_space<global>>
  hip.memcpy <device_to_host> %h_out, %d_out, %c4
      : memref<1xf32>, memref<1xf32, #hip.memory_space<global>>
  hip.memcpy <default> %h_out, %d_out, %c4
      : memref<1xf32>, memref<1xf32, #hip.memory_space<global>>
  // CHECK: hip.free [[IN]] : memref<?xf32, #hip.memory_space<global>>
  hip.free %d_in : memref<?xf32, #hip.memory_space<global>>
  hip.free %d_out : memref<1xf32, #hip.memory_space<global>>
  hip.free %d_tmp : memref<?xf32, #hip.memory_space<global>>
  memref.dealloc %h_tmp : memref<?xf32>
  return
}

}
