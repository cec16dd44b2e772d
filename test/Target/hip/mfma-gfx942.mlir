// hip.mfma rows 28 to 29: the kinds that gfx940 introduced and gfx950 keeps.
// Each becomes its __builtin_amdgcn_mfma_* on clang ext_vector_type
// vectors (bf16 operands bit-cast to the short vectors the builtins
// before gfx950 take), and clang compiles each to one v_mfma for every
// target that has it (clang-22's backend fails on the others).
// RUN: xpiler-translate --emit-hip %s | FileCheck %s
// RUN: %if clang-hip %{ xpiler-translate --emit-hip %s -o %t.gfx942.hip && /usr/lib/llvm-22/bin/clang++ -x hip --offload-arch=gfx942 --cuda-device-only -S -nogpulib -O1 -D__AMDGCN_WAVEFRONT_SIZE=64 -I/usr/include %t.gfx942.hip -o - | FileCheck %s --check-prefix=ASM %}
// RUN: %if clang-hip %{ xpiler-translate --emit-hip %s -o %t.gfx950.hip && /usr/lib/llvm-22/bin/clang++ -x hip --offload-arch=gfx950 --cuda-device-only -S -nogpulib -O1 -D__AMDGCN_WAVEFRONT_SIZE=64 -I/usr/include %t.gfx950.hip -o - | FileCheck %s --check-prefix=ASM %}

// CHECK-DAG: typedef int32_t int32x4 __attribute__((ext_vector_type(4)));
// CHECK-DAG: typedef int32_t int32x16 __attribute__((ext_vector_type(16)));
// CHECK-LABEL: __global__ void mfma_i32_16x16x32_i8(
// CHECK-SAME: const int64_t *arg0,
// CHECK: int32x4 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_i32_16x16x32_i8({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}0,{{[[:space:]]*}}0,{{[[:space:]]*}}3);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_i32_32x32x16_i8(
// CHECK-SAME: const int64_t *arg0,
// CHECK: int32x16 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_i32_32x32x16_i8({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}0,{{[[:space:]]*}}0,{{[[:space:]]*}}4);
// CHECK-NEXT: arg2[0] = v;

// ASM-COUNT-2: v_mfma_
// ASM-NOT: v_mfma_

module {
  func.func @mfma_i32_16x16x32_i8(%pa: memref<?xi64, #hip.memory_space<global>>, %pb: memref<?xi64, #hip.memory_space<global>>, %pc: memref<?xvector<4xi32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xi64, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xi64, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<4xi32>, #hip.memory_space<global>>
    %d = hip.mfma <i32_16x16x32_i8> %a, %b, %c cbsz = 0 abid = 0 blgp = 3 : i64, i64, vector<4xi32>
    memref.store %d, %pc[%c0] : memref<?xvector<4xi32>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_i32_32x32x16_i8(%pa: memref<?xi64, #hip.memory_space<global>>, %pb: memref<?xi64, #hip.memory_space<global>>, %pc: memref<?xvector<16xi32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xi64, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xi64, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<16xi32>, #hip.memory_space<global>>
    %d = hip.mfma <i32_32x32x16_i8> %a, %b, %c cbsz = 0 abid = 0 blgp = 4 : i64, i64, vector<16xi32>
    memref.store %d, %pc[%c0] : memref<?xvector<16xi32>, #hip.memory_space<global>>
    return
  }
}
