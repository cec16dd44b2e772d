// hip.mfma rows 30 to 31: the kinds that gfx940 introduced and gfx950 dropped (xf32).
// Each becomes its __builtin_amdgcn_mfma_* on clang ext_vector_type
// vectors (bf16 operands bit-cast to the short vectors the builtins
// before gfx950 take), and clang compiles each to one v_mfma for every
// target that has it (clang-22's backend fails on the others).
// RUN: xpiler-translate --emit-hip %s | FileCheck %s
// RUN: %if clang-hip %{ xpiler-translate --emit-hip %s -o %t.gfx942.hip && /usr/lib/llvm-22/bin/clang++ -x hip --offload-arch=gfx942 --cuda-device-only -S -nogpulib -O1 -D__AMDGCN_WAVEFRONT_SIZE=64 -I/usr/include %t.gfx942.hip -o - | FileCheck %s --check-prefix=ASM %}

// CHECK-DAG: typedef float floatx2 __attribute__((ext_vector_type(2)));
// CHECK-DAG: typedef float floatx4 __attribute__((ext_vector_type(4)));
// CHECK-DAG: typedef float floatx16 __attribute__((ext_vector_type(16)));
// CHECK-LABEL: __global__ void mfma_f32_16x16x8_xf32(
// CHECK-SAME: const floatx2 *arg0,
// CHECK: floatx4 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_f32_16x16x8_xf32({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}0,{{[[:space:]]*}}0,{{[[:space:]]*}}5);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_f32_32x32x4_xf32(
// CHECK-SAME: const floatx2 *arg0,
// CHECK: floatx16 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_f32_32x32x4_xf32({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}0,{{[[:space:]]*}}0,{{[[:space:]]*}}6);
// CHECK-NEXT: arg2[0] = v;

// ASM-COUNT-2: v_mfma_
// ASM-NOT: v_mfma_

module {
  func.func @mfma_f32_16x16x8_xf32(%pa: memref<?xvector<2xf32>, #hip.memory_space<global>>, %pb: memref<?xvector<2xf32>, #hip.memory_space<global>>, %pc: memref<?xvector<4xf32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xvector<2xf32>, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xvector<2xf32>, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<4xf32>, #hip.memory_space<global>>
    %d = hip.mfma <f32_16x16x8_xf32> %a, %b, %c cbsz = 0 abid = 0 blgp = 5 : vector<2xf32>, vector<2xf32>, vector<4xf32>
    memref.store %d, %pc[%c0] : memref<?xvector<4xf32>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_f32_32x32x4_xf32(%pa: memref<?xvector<2xf32>, #hip.memory_space<global>>, %pb: memref<?xvector<2xf32>, #hip.memory_space<global>>, %pc: memref<?xvector<16xf32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xvector<2xf32>, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xvector<2xf32>, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<16xf32>, #hip.memory_space<global>>
    %d = hip.mfma <f32_32x32x4_xf32> %a, %b, %c cbsz = 0 abid = 0 blgp = 6 : vector<2xf32>, vector<2xf32>, vector<16xf32>
    memref.store %d, %pc[%c0] : memref<?xvector<16xf32>, #hip.memory_space<global>>
    return
  }
}
