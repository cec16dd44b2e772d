// Every op of the hip dialect (but hip.mfma: mfma-*.mlir) as HIP source, and
// clang accepts the result: the device code for gfx90a and gfx942, the host
// code for x86.
// RUN: xpiler-translate --emit-hip %s | FileCheck %s
// RUN: %if clang-hip %{ xpiler-translate --emit-hip %s -o %t.hip && /usr/lib/llvm-22/bin/clang++ -x hip --offload-arch=gfx90a --cuda-device-only -S -nogpulib -O1 -D__AMDGCN_WAVEFRONT_SIZE=64 -I/usr/include %t.hip -o %t.gfx90a.s && FileCheck %s --check-prefix=ASM --input-file=%t.gfx90a.s %}
// RUN: %if clang-hip %{ xpiler-translate --emit-hip %s -o %t.hip && /usr/lib/llvm-22/bin/clang++ -x hip --offload-arch=gfx942 --cuda-device-only -S -nogpulib -O1 -D__AMDGCN_WAVEFRONT_SIZE=64 -I/usr/include %t.hip -o %t.gfx942.s && FileCheck %s --check-prefix=ASM --input-file=%t.gfx942.s %}
// RUN: %if clang-hip %{ xpiler-translate --emit-hip %s -o %t.hip && /usr/lib/llvm-22/bin/clang++ -x hip --offload-arch=gfx90a --cuda-host-only -c -nogpulib -O1 -D__AMDGCN_WAVEFRONT_SIZE=64 -I/usr/include %t.hip -o %t.host.o %}

// CHECK: #include <hip/hip_runtime.h>
// CHECK: #pragma clang fp contract(off)
// CHECK: #define HIP_CHECK(call)
// CHECK: hipError_t status_ = (call);
// CHECK: if (status_ != hipSuccess) {
// CHECK: hipGetErrorString(status_));
// CHECK: #if defined(__HIP_PLATFORM_AMD__)
// CHECK: __device__ inline long long atomicMinI64(long long *address, long long value) {
// CHECK-NEXT: return __hip_atomic_fetch_min(address, value, __ATOMIC_RELAXED,
// CHECK: __device__ inline long long atomicMaxI64(long long *address, long long value) {
// CHECK-NEXT: return __hip_atomic_fetch_max(address, value, __ATOMIC_RELAXED,
// CHECK: #else
// CHECK-NEXT: #define atomicMinI64 atomicMin
// CHECK-NEXT: #define atomicMaxI64 atomicMax
// CHECK-NEXT: #endif

// ASM-DAG: .amdhsa_kernel _Z7indicesPi
// ASM-DAG: .amdhsa_kernel _Z7barrierPf
// ASM-DAG: .amdhsa_kernel _Z8shufflesPfPlPDF16_i
// ASM-DAG: .amdhsa_kernel _Z5votesPiPlf
// ASM-DAG: .amdhsa_kernel _Z7atomics
// ASM-DAG: .amdhsa_kernel _Z6sharedPf
// ASM-DAG: .amdhsa_kernel _Z7dynamicPfi
// ASM-DAG: .amdhsa_kernel _Z6boundsPf
// ASM-DAG: .amdhsa_kernel _Z6vecargDv4_fPf
// ASM-DAG: .wavefront_size: 64

!gf32 = memref<?xf32, #hip.memory_space<global>>
!gi32 = memref<?xi32, #hip.memory_space<global>>
!gi64 = memref<?xi64, #hip.memory_space<global>>
!gf64 = memref<?xf64, #hip.memory_space<global>>
!gf16 = memref<?xf16, #hip.memory_space<global>>

module {
  // CHECK-LABEL: __global__ void indices(int32_t *arg0) {
  // CHECK: arg0[0] = (int)threadIdx.x + (int)threadIdx.y + (int)threadIdx.z;
  // CHECK: arg0[1] = (int)blockIdx.x + (int)blockIdx.y + (int)blockIdx.z;
  // CHECK: arg0[2] = (int)blockDim.x * (int)blockDim.y * (int)blockDim.z;
  // CHECK: arg0[3] = (int)gridDim.x * (int)gridDim.y * (int)gridDim.z;
  // CHECK: arg0[4] = warpSize;
  func.func @indices(%out: !gi32) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %c3 = arith.constant 3 : index
    %c4 = arith.constant 4 : index
    %tx = hip.thread_idx <x>
    %ty = hip.thread_idx <y>
    %tz = hip.thread_idx <z>
    %t0 = arith.addi %tx, %ty : i32
    %t = arith.addi %t0, %tz : i32
    memref.store %t, %out[%c0] : !gi32
    %bx = hip.block_idx <x>
    %by = hip.block_idx <y>
    %bz = hip.block_idx <z>
    %b0 = arith.addi %bx, %by : i32
    %b = arith.addi %b0, %bz : i32
    memref.store %b, %out[%c1] : !gi32
    %dx = hip.block_dim <x>
    %dy = hip.block_dim <y>
    %dz = hip.block_dim <z>
    %d0 = arith.muli %dx, %dy : i32
    %d = arith.muli %d0, %dz : i32
    memref.store %d, %out[%c2] : !gi32
    %gx = hip.grid_dim <x>
    %gy = hip.grid_dim <y>
    %gz = hip.grid_dim <z>
    %g0 = arith.muli %gx, %gy : i32
    %g = arith.muli %g0, %gz : i32
    memref.store %g, %out[%c3] : !gi32
    %ws = hip.warp_size
    memref.store %ws, %out[%c4] : !gi32
    return
  }

  // Thread indices are non-negative: unsigned arithmetic on them needs no
  // casts.
  // CHECK-LABEL: __device__ int32_t lane() { return (int)threadIdx.x % warpSize; }
  func.func @lane() -> i32 attributes {hip.device} {
    %tx = hip.thread_idx <x>
    %ws = hip.warp_size
    %l = arith.remui %tx, %ws : i32
    return %l : i32
  }

  // CHECK-LABEL: __host__ __device__ float twice(float arg0) { return arg0 + arg0; }
  func.func @twice(%x: f32) -> f32 attributes {hip.device, hip.host} {
    %y = arith.addf %x, %x : f32
    return %y : f32
  }

  // CHECK-LABEL: static __device__ float thrice(float arg0) { return arg0 + arg0 + arg0; }
  func.func private @thrice(%x: f32) -> f32 attributes {hip.device} {
    %y = arith.addf %x, %x : f32
    %z = arith.addf %y, %x : f32
    return %z : f32
  }

  // Callees come first.
  // CHECK-LABEL: __global__ void barrier(float *arg0) {
  // CHECK: float v = twice(1.0f);
  // CHECK: float v2 = thrice(v);
  // CHECK: __syncthreads();
  // CHECK: __threadfence_block();
  // CHECK: __threadfence();
  // CHECK: __threadfence_system();
  func.func @barrier(%out: !gf32) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %one = arith.constant 1.0 : f32
    %x = func.call @twice(%one) : (f32) -> f32
    %y = func.call @thrice(%x) : (f32) -> f32
    memref.store %y, %out[%c0] : !gf32
    hip.syncthreads
    hip.threadfence <block>
    hip.threadfence <device>
    hip.threadfence <system>
    return
  }

  // CHECK-LABEL: __global__ void shuffles(float *arg0, int64_t *arg1, _Float16 *arg2,
  // CHECK-NEXT: int32_t arg3) {
  // CHECK: float v = __shfl(arg0[0], arg3);
  // CHECK: float v2 = __shfl_up(v, 1, 16);
  // CHECK: float v3 = __shfl_down(v2, 2);
  // CHECK: float v4 = __shfl_xor(v3, 4, 64);
  // CHECK: arg0[0] = v4;
  // CHECK: int64_t v5 = __shfl_xor(arg1[0], 1);
  // CHECK: arg1[0] = v5;
  // CHECK: _Float16 v6 = __builtin_bit_cast(
  // CHECK-NEXT: _Float16,
  // CHECK-NEXT: (int16_t)__shfl_down((int)__builtin_bit_cast(int16_t, arg2[0]), 8));
  // CHECK: arg2[0] = v6;
  func.func @shuffles(%pf: !gf32, %pl: !gi64, %ph: !gf16, %src: i32) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : i32
    %c2 = arith.constant 2 : i32
    %c4 = arith.constant 4 : i32
    %c8 = arith.constant 8 : i32
    %c16 = arith.constant 16 : i32
    %c64 = arith.constant 64 : i32
    %x = memref.load %pf[%c0] : !gf32
    %a = hip.shfl <idx> %x, %src : f32
    %b = hip.shfl <up> %a, %c1 width(%c16) : f32
    %c = hip.shfl <down> %b, %c2 : f32
    %d = hip.shfl <xor> %c, %c4 width(%c64) : f32
    memref.store %d, %pf[%c0] : !gf32
    %l = memref.load %pl[%c0] : !gi64
    %l2 = hip.shfl <xor> %l, %c1 : i64
    memref.store %l2, %pl[%c0] : !gi64
    %h = memref.load %ph[%c0] : !gf16
    %h2 = hip.shfl <down> %h, %c8 : f16
    memref.store %h2, %ph[%c0] : !gf16
    return
  }

  // CHECK-LABEL: __global__ void votes(int32_t *arg0, int64_t *arg1, float arg2) {
  // CHECK: bool v = arg2 > 0.0f;
  // CHECK: bool v2 = __any(v) != 0;
  // CHECK: bool v3 = __all(v) != 0;
  // CHECK: int64_t v4 = (int64_t)__ballot(v);
  // CHECK: arg1[0] = v4;
  func.func @votes(%out: !gi32, %bits: !gi64, %x: f32) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %zero = arith.constant 0.0 : f32
    %p = arith.cmpf ogt, %x, %zero : f32
    %any = hip.vote <any> %p : i1
    %all = hip.vote <all> %p : i1
    %ballot = hip.ballot %p : i64
    %anyi = arith.extui %any : i1 to i32
    %alli = arith.extui %all : i1 to i32
    memref.store %anyi, %out[%c0] : !gi32
    memref.store %alli, %out[%c1] : !gi32
    memref.store %ballot, %bits[%c0] : !gi64
    return
  }

  // CHECK-LABEL: __global__ void atomics(float *arg0, double *arg1, int32_t *arg2,
  // CHECK: float v = atomicAdd(&arg0[0], 1.0f);
  // CHECK: atomicSub(&arg0[1], v);
  // CHECK: atomicExch(&arg0[2], v);
  // CHECK: atomicMin(&arg0[3], v);
  // CHECK: atomicMax(&arg0[4], v);
  // CHECK: atomicAdd(&arg1[0], 1.0);
  // CHECK: int32_t v2 = atomicAdd(&arg2[0], 1);
  // CHECK: atomicMin(&arg2[1], v2);
  // CHECK: atomicMax(&arg2[2], v2);
  // CHECK: atomicMin((unsigned *)&arg2[3], (unsigned)v2);
  // CHECK: int32_t v3 = (int32_t)atomicMax((unsigned *)&arg2[4], (unsigned)v2);
  // CHECK: atomicInc((unsigned *)&arg2[5], (unsigned)v3);
  // CHECK: atomicDec((unsigned *)&arg2[6], (unsigned)v3);
  // CHECK: atomicAnd(&arg2[7], v3);
  // CHECK: atomicOr(&arg2[8], v3);
  // CHECK: atomicXor(&arg2[9], v3);
  // CHECK: int32_t v4 = atomicCAS(&arg2[10], 0, v3);
  // CHECK: int64_t v5 = (int64_t)atomicAdd((unsigned long long *)&arg3[0],
  // CHECK-NEXT: (unsigned long long)INT64_C(4294967296));
  // CHECK: atomicMinI64((long long *)&arg3[1], (long long)v5);
  // CHECK: atomicMax((unsigned long long *)&arg3[2], (unsigned long long)v5);
  // CHECK: atomicXor((unsigned long long *)&arg3[3], (unsigned long long)v5);
  // CHECK: int64_t v6 =
  // CHECK-NEXT: (int64_t)atomicCAS((unsigned long long *)&arg3[4], (unsigned long long)v5,
  // CHECK-NEXT: (unsigned long long)(int64_t)v4);
  // A local named after a function gets a suffix.
  // CHECK: __shared__ int32_t shared_[4];
  // CHECK: atomicAdd(&shared_[(int64_t)(int)threadIdx.x], 1);
  func.func @atomics(%f: !gf32, %d: !gf64, %i: !gi32, %l: !gi64) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %c3 = arith.constant 3 : index
    %c4 = arith.constant 4 : index
    %c5 = arith.constant 5 : index
    %c6 = arith.constant 6 : index
    %c7 = arith.constant 7 : index
    %c8 = arith.constant 8 : index
    %c9 = arith.constant 9 : index
    %c10 = arith.constant 10 : index
    %onef = arith.constant 1.0 : f32
    %oned = arith.constant 1.0 : f64
    %one = arith.constant 1 : i32
    %zero = arith.constant 0 : i32
    %big = arith.constant 4294967296 : i64
    %a0 = hip.atomic <add> %onef, %f[%c0] : !gf32
    %a1 = hip.atomic <sub> %a0, %f[%c1] : !gf32
    %a2 = hip.atomic <exch> %a0, %f[%c2] : !gf32
    %a3 = hip.atomic <min> %a0, %f[%c3] : !gf32
    %a4 = hip.atomic <max> %a0, %f[%c4] : !gf32
    %a5 = hip.atomic <add> %oned, %d[%c0] : !gf64
    %b0 = hip.atomic <add> %one, %i[%c0] : !gi32
    %b1 = hip.atomic <min> %b0, %i[%c1] : !gi32
    %b2 = hip.atomic <max> %b0, %i[%c2] : !gi32
    %b3 = hip.atomic <min> unsigned %b0, %i[%c3] : !gi32
    %b4 = hip.atomic <max> unsigned %b0, %i[%c4] : !gi32
    %b5 = hip.atomic <inc> %b4, %i[%c5] : !gi32
    %b6 = hip.atomic <dec> %b4, %i[%c6] : !gi32
    %b7 = hip.atomic <and> %b4, %i[%c7] : !gi32
    %b8 = hip.atomic <or> %b4, %i[%c8] : !gi32
    %b9 = hip.atomic <xor> %b4, %i[%c9] : !gi32
    %cas = hip.atomic_cas %i[%c10], %zero, %b4 : !gi32
    %l0 = hip.atomic <add> %big, %l[%c0] : !gi64
    %l1 = hip.atomic <min> %l0, %l[%c1] : !gi64
    %l2 = hip.atomic <max> unsigned %l0, %l[%c2] : !gi64
    %l3 = hip.atomic <xor> %l0, %l[%c3] : !gi64
    %casw = arith.extsi %cas : i32 to i64
    %l4 = hip.atomic_cas %l[%c4], %l0, %casw : !gi64
    %s = hip.shared_alloc : memref<4xi32, #hip.memory_space<shared>>
    %tx = hip.thread_idx <x>
    %txi = arith.index_cast %tx : i32 to index
    %s0 = hip.atomic <add> %one, %s[%txi] : memref<4xi32, #hip.memory_space<shared>>
    memref.store %l4, %l[%c5] : !gi64
    return
  }

  // CHECK-LABEL: __global__ void shared(float *arg0) {
  // CHECK: __shared__ float shared_[16][17];
  // CHECK: int64_t v = (int64_t)(int)threadIdx.x;
  // CHECK: int64_t v2 = (int64_t)(int)threadIdx.y;
  // CHECK: shared_[v2][v] = arg0[0];
  // CHECK: __syncthreads();
  // CHECK: arg0[0] = shared_[v][v2];
  func.func @shared(%out: !gf32) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %tile = hip.shared_alloc : memref<16x17xf32, #hip.memory_space<shared>>
    %tx = hip.thread_idx <x>
    %ty = hip.thread_idx <y>
    %i = arith.index_cast %tx : i32 to index
    %j = arith.index_cast %ty : i32 to index
    %x = memref.load %out[%c0] : !gf32
    memref.store %x, %tile[%j, %i] : memref<16x17xf32, #hip.memory_space<shared>>
    hip.syncthreads
    %y = memref.load %tile[%i, %j] : memref<16x17xf32, #hip.memory_space<shared>>
    memref.store %y, %out[%c0] : !gf32
    return
  }

  // All dynamic shared arrays alias one extern array.
  // CHECK-LABEL: __global__ void dynamic(float *arg0, int32_t arg1) {
  // CHECK: extern __shared__ __attribute__((aligned(16))) float dynamic_shared[];
  // CHECK: extern __shared__ __attribute__((aligned(16))) int32_t dynamic_shared2[];
  func.func @dynamic(%out: !gf32, %n: i32) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %buf = hip.dynamic_shared : memref<?xf32, #hip.memory_space<shared>>
    %ibuf = hip.dynamic_shared : memref<?xi32, #hip.memory_space<shared>>
    %tx = hip.thread_idx <x>
    %i = arith.index_cast %tx : i32 to index
    %x = memref.load %out[%i] : !gf32
    memref.store %x, %buf[%i] : memref<?xf32, #hip.memory_space<shared>>
    memref.store %n, %ibuf[%c0] : memref<?xi32, #hip.memory_space<shared>>
    hip.syncthreads
    %y = memref.load %buf[%c0] : memref<?xf32, #hip.memory_space<shared>>
    memref.store %y, %out[%i] : !gf32
    return
  }

  // CHECK-LABEL: __global__ void __launch_bounds__(128, 2) bounds(float *arg0) {
  func.func @bounds(%out: !gf32) attributes {hip.kernel, hip.launch_bounds = array<i32: 128, 2>} {
    %c0 = arith.constant 0 : index
    %one = arith.constant 1.0 : f32
    memref.store %one, %out[%c0] : !gf32
    return
  }

  // CHECK-LABEL: __global__ void vecarg(floatx4 arg0, float *arg1) {
  func.func @vecarg(%v: vector<4xf32>, %out: !gf32) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %x = vector.extract %v[1] : f32 from vector<4xf32>
    memref.store %x, %out[%c0] : !gf32
    return
  }

  // The host launcher: every runtime call checked.
  // CHECK-LABEL: extern "C" void launch(const float *arg0, float *arg1, int32_t arg2) {
  // CHECK: float *device = nullptr;
  // CHECK: HIP_CHECK(hipMalloc(&device, 1024));
  // CHECK: HIP_CHECK(hipMemcpy(device, arg0, 1024, hipMemcpyHostToDevice));
  // CHECK: HIP_CHECK(hipMemcpy(device2, device, 1024, hipMemcpyDeviceToDevice));
  // CHECK: HIP_CHECK(hipMemcpy(arg1, arg0, 1024, hipMemcpyHostToHost));
  // CHECK: HIP_CHECK(hipMemcpy(device2, arg0, 1024, hipMemcpyDefault));
  // CHECK: hipStream_t stream;
  // CHECK: HIP_CHECK(hipStreamCreate(&stream));
  // CHECK: hipLaunchKernelGGL(dynamic, dim3((unsigned)(int64_t)arg2, 2, 1),
  // CHECK-NEXT: dim3(256, 1, 1), 1024, stream, device, arg2);
  // CHECK-NEXT: HIP_CHECK(hipGetLastError());
  // CHECK: HIP_CHECK(hipStreamSynchronize(stream));
  // CHECK: HIP_CHECK(hipStreamDestroy(stream));
  // CHECK: hipLaunchKernelGGL(bounds, dim3(1, 1, 1), dim3(128, 1, 1), 0, 0, device2);
  // CHECK-NEXT: HIP_CHECK(hipGetLastError());
  // A vector literal is parenthesised: hipLaunchKernelGGL is a macro.
  // CHECK: hipLaunchKernelGGL(vecarg, dim3(1, 1, 1), dim3(128, 1, 1), 0, 0,
  // CHECK-NEXT: (floatx4{1.0f, 1.0f, 1.0f, 1.0f}), device2);
  // CHECK-NEXT: HIP_CHECK(hipGetLastError());
  // CHECK: HIP_CHECK(hipDeviceSynchronize());
  // CHECK: HIP_CHECK(hipMemcpy(arg1, device, 1024, hipMemcpyDeviceToHost));
  // CHECK: HIP_CHECK(hipFree(device));
  // CHECK: HIP_CHECK(hipFree(device2));
  func.func @launch(%in: memref<?xf32>, %out: memref<?xf32>, %n: i32) {
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %c128 = arith.constant 128 : index
    %c256 = arith.constant 256 : index
    %bytes = arith.constant 1024 : index
    %d = hip.malloc %bytes : !gf32
    %d2 = hip.malloc %bytes : !gf32
    hip.memcpy <host_to_device> %d, %in, %bytes : !gf32, memref<?xf32>
    hip.memcpy <device_to_device> %d2, %d, %bytes : !gf32, !gf32
    hip.memcpy <host_to_host> %out, %in, %bytes : memref<?xf32>, memref<?xf32>
    hip.memcpy <default> %d2, %in, %bytes : !gf32, memref<?xf32>
    %s = hip.stream_create : !hip.stream
    %ni = arith.index_cast %n : i32 to index
    hip.launch @dynamic grid(%ni, %c2, %c1) block(%c256, %c1, %c1) shared(%bytes) stream(%s) args(%d, %n : !gf32, i32)
    hip.stream_synchronize %s
    hip.stream_destroy %s
    hip.launch @bounds grid(%c1, %c1, %c1) block(%c128, %c1, %c1) args(%d2 : !gf32)
    %one = arith.constant 1.0 : f32
    %ones = vector.broadcast %one : f32 to vector<4xf32>
    hip.launch @vecarg grid(%c1, %c1, %c1) block(%c128, %c1, %c1) args(%ones, %d2 : vector<4xf32>, !gf32)
    hip.device_synchronize
    hip.memcpy <device_to_host> %out, %d, %bytes : memref<?xf32>, !gf32
    hip.free %d : !gf32
    hip.free %d2 : !gf32
    return
  }
}
