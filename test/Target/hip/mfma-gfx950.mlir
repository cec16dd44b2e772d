// hip.mfma rows 40 to 45: the kinds that gfx950 introduced.
// Each becomes its __builtin_amdgcn_mfma_* on clang ext_vector_type
// vectors (bf16 operands bit-cast to the short vectors the builtins
// before gfx950 take), and clang compiles each to one v_mfma for every
// target that has it (clang-22's backend fails on the others).
// RUN: xpiler-translate --emit-hip %s | FileCheck %s
// RUN: %if clang-hip %{ xpiler-translate --emit-hip %s -o %t.gfx950.hip && /usr/lib/llvm-22/bin/clang++ -x hip --offload-arch=gfx950 --cuda-device-only -S -nogpulib -O1 -D__AMDGCN_WAVEFRONT_SIZE=64 -I/usr/include %t.gfx950.hip -o - | FileCheck %s --check-prefix=ASM %}

// CHECK-DAG: typedef _Float16 _Float16x8 __attribute__((ext_vector_type(8)));
// CHECK-DAG: typedef __bf16 __bf16x8 __attribute__((ext_vector_type(8)));
// CHECK-DAG: typedef float floatx4 __attribute__((ext_vector_type(4)));
// CHECK-DAG: typedef float floatx16 __attribute__((ext_vector_type(16)));
// CHECK-DAG: typedef int32_t int32x4 __attribute__((ext_vector_type(4)));
// CHECK-DAG: typedef int32_t int32x16 __attribute__((ext_vector_type(16)));
// CHECK-LABEL: __global__ void mfma_f32_16x16x32_f16(
// CHECK-SAME: const _Float16x8 *arg0,
// CHECK: floatx4 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_f32_16x16x32_f16({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}0,{{[[:space:]]*}}0,{{[[:space:]]*}}7);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_f32_32x32x16_f16(
// CHECK-SAME: const _Float16x8 *arg0,
// CHECK: floatx16 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_f32_32x32x16_f16({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}0,{{[[:space:]]*}}0,{{[[:space:]]*}}0);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_f32_16x16x32_bf16(
// CHECK-SAME: const __bf16x8 *arg0,
// CHECK: floatx4 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_f32_16x16x32_bf16({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}0,{{[[:space:]]*}}0,{{[[:space:]]*}}1);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_f32_32x32x16_bf16(
// CHECK-SAME: const __bf16x8 *arg0,
// CHECK: floatx16 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_f32_32x32x16_bf16({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}0,{{[[:space:]]*}}0,{{[[:space:]]*}}2);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_i32_16x16x64_i8(
// CHECK-SAME: const int32x4 *arg0,
// CHECK: int32x4 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_i32_16x16x64_i8({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}0,{{[[:space:]]*}}0,{{[[:space:]]*}}3);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_i32_32x32x32_i8(
// CHECK-SAME: const int32x4 *arg0,
// CHECK: int32x16 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_i32_32x32x32_i8({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}0,{{[[:space:]]*}}0,{{[[:space:]]*}}4);
// CHECK-NEXT: arg2[0] = v;

// ASM-COUNT-6: v_mfma_
// ASM-NOT: v_mfma_

module {
  func.func @mfma_f32_16x16x32_f16(%pa: memref<?xvector<8xf16>, #hip.memory_space<global>>, %pb: memref<?xvector<8xf16>, #hip.memory_space<global>>, %pc: memref<?xvector<4xf32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xvector<8xf16>, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xvector<8xf16>, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<4xf32>, #hip.memory_space<global>>
    %d = hip.mfma <f32_16x16x32_f16> %a, %b, %c cbsz = 0 abid = 0 blgp = 7 : vector<8xf16>, vector<8xf16>, vector<4xf32>
    memref.store %d, %pc[%c0] : memref<?xvector<4xf32>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_f32_32x32x16_f16(%pa: memref<?xvector<8xf16>, #hip.memory_space<global>>, %pb: memref<?xvector<8xf16>, #hip.memory_space<global>>, %pc: memref<?xvector<16xf32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xvector<8xf16>, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xvector<8xf16>, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<16xf32>, #hip.memory_space<global>>
    %d = hip.mfma <f32_32x32x16_f16> %a, %b, %c cbsz = 0 abid = 0 blgp = 0 : vector<8xf16>, vector<8xf16>, vector<16xf32>
    memref.store %d, %pc[%c0] : memref<?xvector<16xf32>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_f32_16x16x32_bf16(%pa: memref<?xvector<8xbf16>, #hip.memory_space<global>>, %pb: memref<?xvector<8xbf16>, #hip.memory_space<global>>, %pc: memref<?xvector<4xf32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xvector<8xbf16>, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xvector<8xbf16>, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<4xf32>, #hip.memory_space<global>>
    %d = hip.mfma <f32_16x16x32_bf16> %a, %b, %c cbsz = 0 abid = 0 blgp = 1 : vector<8xbf16>, vector<8xbf16>, vector<4xf32>
    memref.store %d, %pc[%c0] : memref<?xvector<4xf32>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_f32_32x32x16_bf16(%pa: memref<?xvector<8xbf16>, #hip.memory_space<global>>, %pb: memref<?xvector<8xbf16>, #hip.memory_space<global>>, %pc: memref<?xvector<16xf32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xvector<8xbf16>, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xvector<8xbf16>, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<16xf32>, #hip.memory_space<global>>
    %d = hip.mfma <f32_32x32x16_bf16> %a, %b, %c cbsz = 0 abid = 0 blgp = 2 : vector<8xbf16>, vector<8xbf16>, vector<16xf32>
    memref.store %d, %pc[%c0] : memref<?xvector<16xf32>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_i32_16x16x64_i8(%pa: memref<?xvector<4xi32>, #hip.memory_space<global>>, %pb: memref<?xvector<4xi32>, #hip.memory_space<global>>, %pc: memref<?xvector<4xi32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xvector<4xi32>, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xvector<4xi32>, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<4xi32>, #hip.memory_space<global>>
    %d = hip.mfma <i32_16x16x64_i8> %a, %b, %c cbsz = 0 abid = 0 blgp = 3 : vector<4xi32>, vector<4xi32>, vector<4xi32>
    memref.store %d, %pc[%c0] : memref<?xvector<4xi32>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_i32_32x32x32_i8(%pa: memref<?xvector<4xi32>, #hip.memory_space<global>>, %pb: memref<?xvector<4xi32>, #hip.memory_space<global>>, %pc: memref<?xvector<16xi32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xvector<4xi32>, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xvector<4xi32>, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<16xi32>, #hip.memory_space<global>>
    %d = hip.mfma <i32_32x32x32_i8> %a, %b, %c cbsz = 0 abid = 0 blgp = 4 : vector<4xi32>, vector<4xi32>, vector<16xi32>
    memref.store %d, %pc[%c0] : memref<?xvector<16xi32>, #hip.memory_space<global>>
    return
  }
}
