// Half and bfloat16 are clang's _Float16 and __bf16 (HIP 5.2 has no
// __hip_bfloat16, and its hip_fp16.h does not compile with clang 22);
// vectors are ext_vector_type typedefs; clang accepts the result.
// RUN: xpiler-translate --emit-hip %s | FileCheck %s
// RUN: %if clang-hip %{ xpiler-translate --emit-hip %s -o %t.hip && /usr/lib/llvm-22/bin/clang++ -x hip --offload-arch=gfx90a --cuda-device-only -S -nogpulib -O1 -D__AMDGCN_WAVEFRONT_SIZE=64 -I/usr/include %t.hip -o %t.s && FileCheck %s --check-prefix=ASM --input-file=%t.s %}

// CHECK-DAG: typedef _Float16 _Float16x4 __attribute__((ext_vector_type(4)));
// CHECK-DAG: typedef __bf16 __bf16x2 __attribute__((ext_vector_type(2)));
// CHECK-DAG: typedef float floatx4 __attribute__((ext_vector_type(4)));

// ASM: .amdhsa_kernel _Z6halvesPDF16_PDF16bPf
// ASM: .amdhsa_kernel _Z7vectorsPDv4_fPDv4_DF16_PDv2_DF16bf

!gf32 = memref<?xf32, #hip.memory_space<global>>
!gf16 = memref<?xf16, #hip.memory_space<global>>
!gbf16 = memref<?xbf16, #hip.memory_space<global>>

module {
  // Every f16 and bf16 operation is its own rounding (no excess precision on
  // AMDGPU, no contraction under the pragma).
  // CHECK-LABEL: __global__ void halves(_Float16 *arg0, __bf16 *arg1, float *arg2) {
  // CHECK: _Float16 v = arg0[0];
  // CHECK: arg0[1] = v * v + (_Float16)(1.5f);
  // CHECK: __bf16 v2 = arg1[0];
  // CHECK: arg1[1] = v2 * v2 - (__bf16)(0.25f);
  // CHECK: arg2[0] = (float)v + (float)v2;
  // CHECK: float v3 = arg2[1];
  // CHECK: arg0[2] = (_Float16)v3;
  // CHECK: arg1[2] = (__bf16)v3;
  func.func @halves(%h: !gf16, %b: !gbf16, %f: !gf32) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %x = memref.load %h[%c0] : !gf16
    %k = arith.constant 1.5 : f16
    %x2 = arith.mulf %x, %x : f16
    %x3 = arith.addf %x2, %k : f16
    memref.store %x3, %h[%c1] : !gf16
    %y = memref.load %b[%c0] : !gbf16
    %kb = arith.constant 0.25 : bf16
    %y2 = arith.mulf %y, %y : bf16
    %y3 = arith.subf %y2, %kb : bf16
    memref.store %y3, %b[%c1] : !gbf16
    %xf = arith.extf %x : f16 to f32
    %yf = arith.extf %y : bf16 to f32
    %s = arith.addf %xf, %yf : f32
    memref.store %s, %f[%c0] : !gf32
    %z = memref.load %f[%c1] : !gf32
    %zh = arith.truncf %z : f32 to f16
    %zb = arith.truncf %z : f32 to bf16
    memref.store %zh, %h[%c2] : !gf16
    memref.store %zb, %b[%c2] : !gbf16
    return
  }

  // CHECK-LABEL: __global__ void vectors(floatx4 *arg0, _Float16x4 *arg1, __bf16x2 *arg2,
  // CHECK-NEXT: float arg3) {
  // CHECK: floatx4 v = arg0[0] + floatx4{arg3, arg3, arg3, arg3};
  // CHECK: v[2] = 0.0f;
  // CHECK: arg0[1] = v;
  // CHECK: _Float16x4 v2 = arg1[0];
  // CHECK: _Float16x4 v3 = v2;
  // CHECK: v3[0] = v2[3];
  // CHECK: arg1[1] = v3;
  // CHECK: arg2[1] = arg2[0];
  func.func @vectors(%pv: memref<?xvector<4xf32>, #hip.memory_space<global>>,
                     %ph: memref<?xvector<4xf16>, #hip.memory_space<global>>,
                     %pb: memref<?xvector<2xbf16>, #hip.memory_space<global>>,
                     %x: f32) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %zero = arith.constant 0.0 : f32
    %v = memref.load %pv[%c0] : memref<?xvector<4xf32>, #hip.memory_space<global>>
    %splat = vector.broadcast %x : f32 to vector<4xf32>
    %sum = arith.addf %v, %splat : vector<4xf32>
    %w = vector.insert %zero, %sum [2] : f32 into vector<4xf32>
    memref.store %w, %pv[%c1] : memref<?xvector<4xf32>, #hip.memory_space<global>>
    %h = memref.load %ph[%c0] : memref<?xvector<4xf16>, #hip.memory_space<global>>
    %e = vector.extract %h[3] : f16 from vector<4xf16>
    %h2 = vector.insert %e, %h [0] : f16 into vector<4xf16>
    memref.store %h2, %ph[%c1] : memref<?xvector<4xf16>, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xvector<2xbf16>, #hip.memory_space<global>>
    memref.store %b, %pb[%c1] : memref<?xvector<2xbf16>, #hip.memory_space<global>>
    return
  }
}
