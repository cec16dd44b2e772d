// hip.mfma rows 21 to 27: the kinds that gfx90a introduced.
// Each becomes its __builtin_amdgcn_mfma_* on clang ext_vector_type
// vectors (bf16 operands bit-cast to the short vectors the builtins
// before gfx950 take), and clang compiles each to one v_mfma for every
// target that has it (clang-22's backend fails on the others).
// RUN: xpiler-translate --emit-hip %s | FileCheck %s
// RUN: %if clang-hip %{ xpiler-translate --emit-hip %s -o %t.gfx90a.hip && /usr/lib/llvm-22/bin/clang++ -x hip --offload-arch=gfx90a --cuda-device-only -S -nogpulib -O1 -D__AMDGCN_WAVEFRONT_SIZE=64 -I/usr/include %t.gfx90a.hip -o - | FileCheck %s --check-prefix=ASM %}
// RUN: %if clang-hip %{ xpiler-translate --emit-hip %s -o %t.gfx942.hip && /usr/lib/llvm-22/bin/clang++ -x hip --offload-arch=gfx942 --cuda-device-only -S -nogpulib -O1 -D__AMDGCN_WAVEFRONT_SIZE=64 -I/usr/include %t.gfx942.hip -o - | FileCheck %s --check-prefix=ASM %}
// RUN: %if clang-hip %{ xpiler-translate --emit-hip %s -o %t.gfx950.hip && /usr/lib/llvm-22/bin/clang++ -x hip --offload-arch=gfx950 --cuda-device-only -S -nogpulib -O1 -D__AMDGCN_WAVEFRONT_SIZE=64 -I/usr/include %t.gfx950.hip -o - | FileCheck %s --check-prefix=ASM %}

// CHECK-DAG: typedef __bf16 __bf16x4 __attribute__((ext_vector_type(4)));
// CHECK-DAG: typedef double doublex4 __attribute__((ext_vector_type(4)));
// CHECK-DAG: typedef float floatx4 __attribute__((ext_vector_type(4)));
// CHECK-DAG: typedef float floatx16 __attribute__((ext_vector_type(16)));
// CHECK-DAG: typedef float floatx32 __attribute__((ext_vector_type(32)));
// CHECK-DAG: typedef int16_t int16x4 __attribute__((ext_vector_type(4)));
// CHECK-LABEL: __global__ void mfma_f32_32x32x4bf16_1k(
// CHECK-SAME: const __bf16x4 *arg0,
// CHECK: floatx32 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_f32_32x32x4bf16_1k({{[[:space:]]*}}__builtin_bit_cast({{[[:space:]]*}}int16x4,{{[[:space:]]*}}arg0[0]),{{[[:space:]]*}}__builtin_bit_cast({{[[:space:]]*}}int16x4,{{[[:space:]]*}}arg1[0]),{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}1,{{[[:space:]]*}}1,{{[[:space:]]*}}4);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_f32_16x16x4bf16_1k(
// CHECK-SAME: const int16x4 *arg0,
// CHECK: floatx16 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_f32_16x16x4bf16_1k({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}0,{{[[:space:]]*}}0,{{[[:space:]]*}}5);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_f32_4x4x4bf16_1k(
// CHECK-SAME: const __bf16x4 *arg0,
// CHECK: floatx4 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_f32_4x4x4bf16_1k({{[[:space:]]*}}__builtin_bit_cast({{[[:space:]]*}}int16x4,{{[[:space:]]*}}arg0[0]),{{[[:space:]]*}}__builtin_bit_cast({{[[:space:]]*}}int16x4,{{[[:space:]]*}}arg1[0]),{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}1,{{[[:space:]]*}}1,{{[[:space:]]*}}6);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_f32_32x32x8bf16_1k(
// CHECK-SAME: const int16x4 *arg0,
// CHECK: floatx16 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_f32_32x32x8bf16_1k({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}0,{{[[:space:]]*}}0,{{[[:space:]]*}}7);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_f32_16x16x16bf16_1k(
// CHECK-SAME: const __bf16x4 *arg0,
// CHECK: floatx4 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_f32_16x16x16bf16_1k({{[[:space:]]*}}__builtin_bit_cast({{[[:space:]]*}}int16x4,{{[[:space:]]*}}arg0[0]),{{[[:space:]]*}}__builtin_bit_cast({{[[:space:]]*}}int16x4,{{[[:space:]]*}}arg1[0]),{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}0,{{[[:space:]]*}}0,{{[[:space:]]*}}0);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_f64_16x16x4f64(
// CHECK-SAME: const double *arg0,
// CHECK: doublex4 v ={{[[:space:]]*}}__builtin_amdgcn_mfma_f64_16x16x4f64({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}0,{{[[:space:]]*}}0,{{[[:space:]]*}}0);
// CHECK-NEXT: arg2[0] = v;
// CHECK-LABEL: __global__ void mfma_f64_4x4x4f64(
// CHECK-SAME: const double *arg0,
// CHECK: double v ={{[[:space:]]*}}__builtin_amdgcn_mfma_f64_4x4x4f64({{[[:space:]]*}}arg0[0],{{[[:space:]]*}}arg1[0],{{[[:space:]]*}}arg2[0],{{[[:space:]]*}}0,{{[[:space:]]*}}0,{{[[:space:]]*}}0);
// CHECK-NEXT: arg2[0] = v;

// ASM-COUNT-7: v_mfma_
// ASM-NOT: v_mfma_

module {
  func.func @mfma_f32_32x32x4bf16_1k(%pa: memref<?xvector<4xbf16>, #hip.memory_space<global>>, %pb: memref<?xvector<4xbf16>, #hip.memory_space<global>>, %pc: memref<?xvector<32xf32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xvector<4xbf16>, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xvector<4xbf16>, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<32xf32>, #hip.memory_space<global>>
    %d = hip.mfma <f32_32x32x4bf16_1k> %a, %b, %c cbsz = 1 abid = 1 blgp = 4 : vector<4xbf16>, vector<4xbf16>, vector<32xf32>
    memref.store %d, %pc[%c0] : memref<?xvector<32xf32>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_f32_16x16x4bf16_1k(%pa: memref<?xvector<4xi16>, #hip.memory_space<global>>, %pb: memref<?xvector<4xi16>, #hip.memory_space<global>>, %pc: memref<?xvector<16xf32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xvector<4xi16>, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xvector<4xi16>, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<16xf32>, #hip.memory_space<global>>
    %d = hip.mfma <f32_16x16x4bf16_1k> %a, %b, %c cbsz = 0 abid = 0 blgp = 5 : vector<4xi16>, vector<4xi16>, vector<16xf32>
    memref.store %d, %pc[%c0] : memref<?xvector<16xf32>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_f32_4x4x4bf16_1k(%pa: memref<?xvector<4xbf16>, #hip.memory_space<global>>, %pb: memref<?xvector<4xbf16>, #hip.memory_space<global>>, %pc: memref<?xvector<4xf32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xvector<4xbf16>, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xvector<4xbf16>, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<4xf32>, #hip.memory_space<global>>
    %d = hip.mfma <f32_4x4x4bf16_1k> %a, %b, %c cbsz = 1 abid = 1 blgp = 6 : vector<4xbf16>, vector<4xbf16>, vector<4xf32>
    memref.store %d, %pc[%c0] : memref<?xvector<4xf32>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_f32_32x32x8bf16_1k(%pa: memref<?xvector<4xi16>, #hip.memory_space<global>>, %pb: memref<?xvector<4xi16>, #hip.memory_space<global>>, %pc: memref<?xvector<16xf32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xvector<4xi16>, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xvector<4xi16>, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<16xf32>, #hip.memory_space<global>>
    %d = hip.mfma <f32_32x32x8bf16_1k> %a, %b, %c cbsz = 0 abid = 0 blgp = 7 : vector<4xi16>, vector<4xi16>, vector<16xf32>
    memref.store %d, %pc[%c0] : memref<?xvector<16xf32>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_f32_16x16x16bf16_1k(%pa: memref<?xvector<4xbf16>, #hip.memory_space<global>>, %pb: memref<?xvector<4xbf16>, #hip.memory_space<global>>, %pc: memref<?xvector<4xf32>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xvector<4xbf16>, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xvector<4xbf16>, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<4xf32>, #hip.memory_space<global>>
    %d = hip.mfma <f32_16x16x16bf16_1k> %a, %b, %c cbsz = 0 abid = 0 blgp = 0 : vector<4xbf16>, vector<4xbf16>, vector<4xf32>
    memref.store %d, %pc[%c0] : memref<?xvector<4xf32>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_f64_16x16x4f64(%pa: memref<?xf64, #hip.memory_space<global>>, %pb: memref<?xf64, #hip.memory_space<global>>, %pc: memref<?xvector<4xf64>, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xf64, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xf64, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xvector<4xf64>, #hip.memory_space<global>>
    %d = hip.mfma <f64_16x16x4f64> %a, %b, %c cbsz = 0 abid = 0 blgp = 0 : f64, f64, vector<4xf64>
    memref.store %d, %pc[%c0] : memref<?xvector<4xf64>, #hip.memory_space<global>>
    return
  }
  func.func @mfma_f64_4x4x4f64(%pa: memref<?xf64, #hip.memory_space<global>>, %pb: memref<?xf64, #hip.memory_space<global>>, %pc: memref<?xf64, #hip.memory_space<global>>) attributes {hip.kernel} {
    %c0 = arith.constant 0 : index
    %a = memref.load %pa[%c0] : memref<?xf64, #hip.memory_space<global>>
    %b = memref.load %pb[%c0] : memref<?xf64, #hip.memory_space<global>>
    %c = memref.load %pc[%c0] : memref<?xf64, #hip.memory_space<global>>
    %d = hip.mfma <f64_4x4x4f64> %a, %b, %c cbsz = 0 abid = 0 blgp = 0 : f64, f64, f64
    memref.store %d, %pc[%c0] : memref<?xf64, #hip.memory_space<global>>
    return
  }
}
