// hip.mfma rows 1 to 13: the kinds that gfx908 introduced and every later CDNA keeps.
// Each becomes its __builtin_amdgcn_mfma_* on clang ext_vector_type
// vectors (bf16 operands bit-cast to the short vectors the builtins
// before gfx950 take), and clang compiles each to one v_mfma for every
// target that has it (clang-22's backend fails on the others).
// RUN: xpiler-translate --emit-hip %s | FileCheck %s
// RUN: %if clang-hip %{ xpiler-translate --emit-hip %s -o %t.gfx908.hip && /usr/lib/llvm-22/bin/clang++ -x hip --offload-arch=gfx908 --cuda-device-only -S -nogpulib -O1 -D__AMDGCN_WAVEFRONT_SIZE=64 -I/usr/include %t.gfx908.hip -o - | FileCheck %s --check-prefix=ASM %}
// RUN: %if clang-hip %{ xpiler-translate --emit-hip %s -o %t.gfx90a.hip && /usr/lib/llvm-22/bin/clang++ -x hip --offload-arch=gfx90a --cuda-device-only -S -nogpulib -O1 -D__AMDGCN_WAVEFRONT_SIZE=64 -I/usr/include %t.gfx90a.hip -o - | FileCheck %s --check-prefix=ASM %}
// RUN: %if clang-hip %{ xpiler-translate --emit-hip %s -o %t.gfx942.hip && /usr/lib/llvm-22/bin/clang++ -x hip --offload-arch=gfx942 --cuda-device-only -S -nogpulib -O1 -D__AMDGCN_WAVEFRONT_SIZE=64 -I/usr/include %t.gfx942.hip -o - | FileCheck %s --check-prefix=ASM %}
// RUN: %if clang-hip %{ xpiler-translate --emit-hip %s -o %t.gfx950.hip && /usr/lib/llvm-22/bin/clang++ -x hip --offload-arch=gfx950 --cuda-device-only -S -nogpulib -O1 -D__AMDGCN_WAVEFRONT_SIZE=64 -I/usr/include %t.gfx950.hip -o - | FileCheck %s --check-prefix=ASM %}

// CHECK-DAG: typedef _Float16 _Float16x4 __attribute__((ext_vector_type(4)));
// CHECK-DAG: typedef float floatx4 __attribute__((ext_vector_type(4)));
// CHECK-DAG: typedef float floatx16 __attribute__((ext_vector_type(16)));
// CHECK-DAG: typedef float floatx32 __attribute__((ext_vector_type(32)));
// CHECK-DAG: typedef int32_t int32x4 __attribute__((ext_vector_type(4)));
// CHECK-DAG: typedef int32_t int32x16 __attribute__((ext_vector_type(16)));
// CHECK-DAG: typedef int32_t int32x32 __attribute__((ext_vector_type(32)));
// CHECK-LABEL: __global__ void mfma_f32_32x32x1f32(
// CHECK-SAME: const float *arg0,
// CHECK: floatx32 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_f32_32x32x1f32({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}1,{{[[:space:]]*}}1,{{[[:space:]]*}}0);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_f32_16x16x1f32(
// CHECK-SAME: const float *arg0,
// CHECK: floatx16 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_f32_16x16x1f32({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}0,{{[[:space:]]*}}0,{{[[:space:]]*}}1);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_f32_4x4x1f32(
// CHECK-SAME: const float *arg0,
// CHECK: floatx4 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_f32_4x4x1f32({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}1,{{[[:space:]]*}}1,{{[[:space:]]*}}2);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_f32_32x32x2f32(
// CHECK-SAME: const float *arg0,
// CHECK: floatx16 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_f32_32x32x2f32({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}0,{{[[:space:]]*}}0,{{[[:space:]]*}}3);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_f32_16x16x4f32(
// CHECK-SAME: const float *arg0,
// CHECK: floatx4 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_f32_16x16x4f32({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}0,{{[[:space:]]*}}0,{{[[:space:]]*}}4);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_f32_32x32x4f16(
// CHECK-SAME: const _Float16x4 *arg0,
// CHECK: floatx32 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_f32_32x32x4f16({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}0,{{[[:space:]]*}}0,{{[[:space:]]*}}5);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_f32_16x16x4f16(
// CHECK-SAME: const _Float16x4 *arg0,
// CHECK: floatx16 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_f32_16x16x4f16({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}1,{{[[:space:]]*}}1,{{[[:space:]]*}}6);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_f32_4x4x4f16(
// CHECK-SAME: const _Float16x4 *arg0,
// CHECK: floatx4 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_f32_4x4x4f16({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}0,{{[[:space:]]*}}0,{{[[:space:]]*}}7);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_f32_32x32x8f16(
// CHECK-SAME: const _Float16x4 *arg0,
// CHECK: floatx16 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_f32_32x32x8f16({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}0,{{[[:space:]]*}}0,{{[[:space:]]*}}0);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_f32_16x16x16f16(
// CHECK-SAME: const _Float16x4 *arg0,
// CHECK: floatx4 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_f32_16x16x16f16({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}0,{{[[:space:]]*}}0,{{[[:space:]]*}}1);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_i32_32x32x4i8(
// CHECK-SAME: const int32_t *arg0,
// CHECK: int32x32 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_i32_32x32x4i8({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}1,{{[[:space:]]*}}1,{{[[:space:]]*}}2);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_i32_16x16x4i8(
// CHECK-SAME: const int32_t *arg0,
// CHECK: int32x16 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_i32_16x16x4i8({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}0,{{[[:space:]]*}}0,{{[[:space:]]*}}3);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_i32_4x4x4i8(
// CHECK-SAME: const int32_t *arg0,
// CHECK: int32x4 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_i32_4x4x4i8({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}1,{{[[:space:]]*}}1,{{[[:space:]]*}}4);
// CHECK-NEXT: arg2[0] = v;

// ASM-COUNT-13: v_mfma_
// ASM-NOT: v_mfma_

module {
  func.func @mfma_f32_32x32x1f32(%pa: memref<?xf32, #hip.memory_space<global>>, %pb: memref<?xf32, #hip.memory_space<global>>, %pc: memref<?xvector<32xf32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xf32, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xf32, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<32xf32>, #hip.memory_space<global>>
    %d = hip.mfma <f32_32x32x1f32> %a, %b, %c cbsz = 1 abid = 1 blgp = 0 : f32, f32, vector<32xf32>
    memref.store %d, %pc[%c0] : memref<?xvector<32xf32>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_f32_16x16x1f32(%pa: memref<?xf32, #hip.memory_space<global>>, %pb: memref<?xf32, #hip.memory_space<global>>, %pc: memref<?xvector<16xf32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xf32, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xf32, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<16xf32>, #hip.memory_space<global>>
    %d = hip.mfma <f32_16x16x1f32> %a, %b, %c cbsz = 0 abid = 0 blgp = 1 : f32, f32, vector<16xf32>
    memref.store %d, %pc[%c0] : memref<?xvector<16xf32>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_f32_4x4x1f32(%pa: memref<?xf32, #hip.memory_space<global>>, %pb: memref<?xf32, #hip.memory_space<global>>, %pc: memref<?xvector<4xf32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xf32, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xf32, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<4xf32>, #hip.memory_space<global>>
    %d = hip.mfma <f32_4x4x1f32> %a, %b, %c cbsz = 1 abid = 1 blgp = 2 : f32, f32, vector<4xf32>
    memref.store %d, %pc[%c0] : memref<?xvector<4xf32>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_f32_32x32x2f32(%pa: memref<?xf32, #hip.memory_space<global>>, %pb: memref<?xf32, #hip.memory_space<global>>, %pc: memref<?xvector<16xf32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xf32, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xf32, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<16xf32>, #hip.memory_space<global>>
    %d = hip.mfma <f32_32x32x2f32> %a, %b, %c cbsz = 0 abid = 0 blgp = 3 : f32, f32, vector<16xf32>
    memref.store %d, %pc[%c0] : memref<?xvector<16xf32>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_f32_16x16x4f32(%pa: memref<?xf32, #hip.memory_space<global>>, %pb: memref<?xf32, #hip.memory_space<global>>, %pc: memref<?xvector<4xf32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xf32, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xf32, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<4xf32>, #hip.memory_space<global>>
    %d = hip.mfma <f32_16x16x4f32> %a, %b, %c cbsz = 0 abid = 0 blgp = 4 : f32, f32, vector<4xf32>
    memref.store %d, %pc[%c0] : memref<?xvector<4xf32>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_f32_32x32x4f16(%pa: memref<?xvector<4xf16>, #hip.memory_space<global>>, %pb: memref<?xvector<4xf16>, #hip.memory_space<global>>, %pc: memref<?xvector<32xf32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xvector<4xf16>, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xvector<4xf16>, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<32xf32>, #hip.memory_space<global>>
    %d = hip.mfma <f32_32x32x4f16> %a, %b, %c cbsz = 0 abid = 0 blgp = 5 : vector<4xf16>, vector<4xf16>, vector<32xf32>
    memref.store %d, %pc[%c0] : memref<?xvector<32xf32>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_f32_16x16x4f16(%pa: memref<?xvector<4xf16>, #hip.memory_space<global>>, %pb: memref<?xvector<4xf16>, #hip.memory_space<global>>, %pc: memref<?xvector<16xf32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xvector<4xf16>, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xvector<4xf16>, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<16xf32>, #hip.memory_space<global>>
    %d = hip.mfma <f32_16x16x4f16> %a, %b, %c cbsz = 1 abid = 1 blgp = 6 : vector<4xf16>, vector<4xf16>, vector<16xf32>
    memref.store %d, %pc[%c0] : memref<?xvector<16xf32>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_f32_4x4x4f16(%pa: memref<?xvector<4xf16>, #hip.memory_space<global>>, %pb: memref<?xvector<4xf16>, #hip.memory_space<global>>, %pc: memref<?xvector<4xf32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xvector<4xf16>, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xvector<4xf16>, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<4xf32>, #hip.memory_space<global>>
    %d = hip.mfma <f32_4x4x4f16> %a, %b, %c cbsz = 0 abid = 0 blgp = 7 : vector<4xf16>, vector<4xf16>, vector<4xf32>
    memref.store %d, %pc[%c0] : memref<?xvector<4xf32>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_f32_32x32x8f16(%pa: memref<?xvector<4xf16>, #hip.memory_space<global>>, %pb: memref<?xvector<4xf16>, #hip.memory_space<global>>, %pc: memref<?xvector<16xf32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xvector<4xf16>, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xvector<4xf16>, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<16xf32>, #hip.memory_space<global>>
    %d = hip.mfma <f32_32x32x8f16> %a, %b, %c cbsz = 0 abid = 0 blgp = 0 : vector<4xf16>, vector<4xf16>, vector<16xf32>
    memref.store %d, %pc[%c0] : memref<?xvector<16xf32>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_f32_16x16x16f16(%pa: memref<?xvector<4xf16>, #hip.memory_space<global>>, %pb: memref<?xvector<4xf16>, #hip.memory_space<global>>, %pc: memref<?xvector<4xf32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xvector<4xf16>, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xvector<4xf16>, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<4xf32>, #hip.memory_space<global>>
    %d = hip.mfma <f32_16x16x16f16> %a, %b, %c cbsz = 0 abid = 0 blgp = 1 : vector<4xf16>, vector<4xf16>, vector<4xf32>
    memref.store %d, %pc[%c0] : memref<?xvector<4xf32>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_i32_32x32x4i8(%pa: memref<?xi32, #hip.memory_space<global>>, %pb: memref<?xi32, #hip.memory_space<global>>, %pc: memref<?xvector<32xi32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xi32, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xi32, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<32xi32>, #hip.memory_space<global>>
    %d = hip.mfma <i32_32x32x4i8> %a, %b, %c cbsz = 1 abid = 1 blgp = 2 : i32, i32, vector<32xi32>
    memref.store %d, %pc[%c0] : memref<?xvector<32xi32>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_i32_16x16x4i8(%pa: memref<?xi32, #hip.memory_space<global>>, %pb: memref<?xi32, #hip.memory_space<global>>, %pc: memref<?xvector<16xi32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xi32, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xi32, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<16xi32>, #hip.memory_space<global>>
    %d = hip.mfma <i32_16x16x4i8> %a, %b, %c cbsz = 0 abid = 0 blgp = 3 : i32, i32, vector<16xi32>
    memref.store %d, %pc[%c0] : memref<?xvector<16xi32>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_i32_4x4x4i8(%pa: memref<?xi32, #hip.memory_space<global>>, %pb: memref<?xi32, #hip.memory_space<global>>, %pc: memref<?xvector<4xi32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xi32, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xi32, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<4xi32>, #hip.memory_space<global>>
    %d = hip.mfma <i32_4x4x4i8> %a, %b, %c cbsz = 1 abid = 1 blgp = 4 : i32, i32, vector<4xi32>
    memref.store %d, %pc[%c0] : memref<?xvector<4xi32>, #hip.memory_space<global>>
    return
  }
}
