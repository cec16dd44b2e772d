// Copies, fills and every __bang_* builtin family, with the parameter order
// of Cambricon's headers (runtime/bang/include implements the same).
// RUN: xpiler-translate --emit-bang %s -o %t.mlu
// RUN: FileCheck %s < %t.mlu
// The output compiles against the BANG runtime (every overload resolves).
// RUN: env BANG_CXX=%cxx %xpiler_src/runtime/bang/bin/bang-cc -fsyntax-only %t.mlu

!nf = memref<256xf32, #bang.memory_space<nram>>
!nh = memref<256xf16, #bang.memory_space<nram>>
!ni = memref<256xi32, #bang.memory_space<nram>>
!ws = memref<256xf32, #bang.memory_space<wram>>
!ss = memref<256xf32, #bang.memory_space<sram>>
!gd = memref<?xf32, #bang.memory_space<gdram>>
!ld = memref<256xf32, #bang.memory_space<ldram>>

// CHECK: __nram__ float a[256];
// CHECK-NEXT: __nram__ float b[256];
// CHECK-NEXT: __nram__ float c[256];
// CHECK-NEXT: __nram__ half h[256];
// CHECK-NEXT: __nram__ int32_t n[256];
// CHECK-NEXT: __wram__ float w[256];
// CHECK-NEXT: __mlu_shared__ float s[256];

// CHECK-LABEL: __mlu_entry__ void builtins(float *arg0, const float *arg1, int32_t arg2,
// CHECK-NEXT: float arg3, half arg4, float *arg5) {
func.func @builtins(%g: !gd, %gin: !gd, %x: i32, %v: f32, %vh: f16, %ld: !ld) attributes {bang.kernel} {
  %a = bang.alloc {file_scope, name = "a"} : !nf
  %b = bang.alloc {file_scope, name = "b"} : !nf
  %c = bang.alloc {file_scope, name = "c"} : !nf
  %h = bang.alloc {file_scope, name = "h"} : !nh
  %n = bang.alloc {file_scope, name = "n"} : !ni
  %w = bang.alloc {file_scope, name = "w"} : !ws
  %s = bang.alloc {file_scope, name = "s"} : !ss
  %bytes = arith.constant 1024 : i32
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %c3 = arith.constant 3 : i32
  %c4 = arith.constant 4 : i32
  %c16 = arith.constant 16 : i32
  %c64 = arith.constant 64 : i32
  %c128 = arith.constant 128 : i32
  %c256 = arith.constant 256 : i32

  // CHECK: __memcpy(a, arg1, 1024, GDRAM2NRAM);
  bang.memcpy %a, %gin, %bytes, <GDRAM2NRAM> : !nf, !gd
  // An offset pointer is a subview.
  // CHECK-NEXT: __memcpy(arg0 + (int64_t)arg2, a, 1024, NRAM2GDRAM);
  %off = arith.index_cast %x : i32 to index
  %view = memref.subview %g[%off] [256] [1] : !gd to memref<256xf32, strided<[1], offset: ?>, #bang.memory_space<gdram>>
  bang.memcpy %view, %a, %bytes, <NRAM2GDRAM> : memref<256xf32, strided<[1], offset: ?>, #bang.memory_space<gdram>>, !nf
  // CHECK-NEXT: __memcpy(w, a, 1024, NRAM2WRAM);
  bang.memcpy %w, %a, %bytes, <NRAM2WRAM> : !ws, !nf
  // CHECK-NEXT: __memcpy(s, a, 1024, NRAM2SRAM);
  bang.memcpy %s, %a, %bytes, <NRAM2SRAM> : !ss, !nf
  // CHECK-NEXT: __memcpy(b, s, 1024, SRAM2NRAM);
  bang.memcpy %b, %s, %bytes, <SRAM2NRAM> : !nf, !ss
  // CHECK-NEXT: __memcpy(w, arg1, 1024, GDRAM2WRAM);
  bang.memcpy %w, %gin, %bytes, <GDRAM2WRAM> : !ws, !gd
  // CHECK-NEXT: __memcpy(arg0, arg1, 1024, GDRAM2GDRAM);
  bang.memcpy %g, %gin, %bytes, <GDRAM2GDRAM> : !gd, !gd
  // CHECK-NEXT: __memcpy(arg5, a, 1024, NRAM2LDRAM);
  bang.memcpy %ld, %a, %bytes, <NRAM2LDRAM> : !ld, !nf
  // CHECK-NEXT: __memcpy(a, b, 64, NRAM2NRAM, 128, 64, 3);
  bang.memcpy %a, %b, %c64, <NRAM2NRAM> stride(%c128, %c64, %c3) : !nf, !nf
  // CHECK-NEXT: __memcpy(arg0, a, 64, NRAM2GDRAM, arg2, 64, 2);
  bang.memcpy %g, %a, %c64, <NRAM2GDRAM> stride(%x, %c64, %c2) : !gd, !nf
  // CHECK-NEXT: __memcpy(s, s, 1024, SRAM2SRAM, 1);
  bang.memcpy %s, %s, %bytes, <SRAM2SRAM> cluster(%c1) : !ss, !ss
  // CHECK-NEXT: __memcpy(s, s, 64, SRAM2SRAM, 128, 64, 1, 0);
  bang.memcpy %s, %s, %c64, <SRAM2SRAM> stride(%c128, %c64, %c1) cluster(%c0) : !ss, !ss
  // CHECK-NEXT: __memcpy_async(a, arg1, 1024, GDRAM2NRAM);
  bang.memcpy async %a, %gin, %bytes, <GDRAM2NRAM> : !nf, !gd
  // CHECK-NEXT: __memcpy_async(arg0, a, 64, NRAM2GDRAM, 128, 64, 2);
  bang.memcpy async %g, %a, %c64, <NRAM2GDRAM> stride(%c128, %c64, %c2) : !gd, !nf

  // Fills: the builtins are overloaded on the value's type.
  // CHECK-NEXT: __bang_write_value(a, 256, arg3);
  bang.fill <write_value> %a, %c256, %v : !nf, f32
  // CHECK-NEXT: __memset_nram(h, 256, arg4);
  bang.fill <memset_nram> %h, %c256, %vh : !nh, f16
  // CHECK-NEXT: __memset_nram(h, 256, (half)(1.5f));
  %onehalf = arith.constant 1.5 : f16
  bang.fill <memset_nram> %h, %c256, %onehalf : !nh, f16
  // CHECK-NEXT: __bang_write_value(n, 256, 7);
  %seven = arith.constant 7 : i32
  bang.fill <write_value> %n, %c256, %seven : !ni, i32
  // CHECK-NEXT: __bang_write_zero(a, 256);
  bang.write_zero %a, %c256 : !nf

  // CHECK-NEXT: __bang_add(c, a, b, 256);
  // CHECK-NEXT: __bang_sub(c, a, b, 256);
  // CHECK-NEXT: __bang_mul(c, a, b, 256);
  // CHECK-NEXT: __bang_div(c, a, b, 256);
  // CHECK-NEXT: __bang_maximum(c, a, b, 256);
  // CHECK-NEXT: __bang_minimum(c, a, b, 256);
  // CHECK-NEXT: __bang_maxequal(c, a, b, 256);
  // CHECK-NEXT: __bang_minequal(c, a, b, 256);
  // CHECK-NEXT: __bang_eq(c, a, b, 256);
  // CHECK-NEXT: __bang_ne(c, a, b, 256);
  // CHECK-NEXT: __bang_gt(c, a, b, 256);
  // CHECK-NEXT: __bang_ge(c, a, b, 256);
  // CHECK-NEXT: __bang_lt(c, a, b, 256);
  // CHECK-NEXT: __bang_le(c, a, b, 256);
  // CHECK-NEXT: __bang_and(c, a, b, 256);
  // CHECK-NEXT: __bang_or(c, a, b, 256);
  // CHECK-NEXT: __bang_xor(c, a, b, 256);
  // CHECK-NEXT: __bang_add(n, n, n, 256);
  bang.binary <add> %c, %a, %b, %c256 : !nf, !nf, !nf
  bang.binary <sub> %c, %a, %b, %c256 : !nf, !nf, !nf
  bang.binary <mul> %c, %a, %b, %c256 : !nf, !nf, !nf
  bang.binary <div> %c, %a, %b, %c256 : !nf, !nf, !nf
  bang.binary <maximum> %c, %a, %b, %c256 : !nf, !nf, !nf
  bang.binary <minimum> %c, %a, %b, %c256 : !nf, !nf, !nf
  bang.binary <maxequal> %c, %a, %b, %c256 : !nf, !nf, !nf
  bang.binary <minequal> %c, %a, %b, %c256 : !nf, !nf, !nf
  bang.binary <eq> %c, %a, %b, %c256 : !nf, !nf, !nf
  bang.binary <ne> %c, %a, %b, %c256 : !nf, !nf, !nf
  bang.binary <gt> %c, %a, %b, %c256 : !nf, !nf, !nf
  bang.binary <ge> %c, %a, %b, %c256 : !nf, !nf, !nf
  bang.binary <lt> %c, %a, %b, %c256 : !nf, !nf, !nf
  bang.binary <le> %c, %a, %b, %c256 : !nf, !nf, !nf
  bang.binary <and> %c, %a, %b, %c256 : !nf, !nf, !nf
  bang.binary <or> %c, %a, %b, %c256 : !nf, !nf, !nf
  bang.binary <xor> %c, %a, %b, %c256 : !nf, !nf, !nf
  bang.binary <add> %n, %n, %n, %c256 : !ni, !ni, !ni

  // CHECK-NEXT: __bang_add_scalar(c, a, arg3, 256);
  // CHECK-NEXT: __bang_mul_scalar(c, a, 2.0f, 256);
  // CHECK-NEXT: __bang_gt_scalar(c, a, arg3, 256);
  // CHECK-NEXT: __bang_sub_const(c, a, arg3, 256);
  // CHECK-NEXT: __bang_mul_scalar(h, h, arg4, 256);
  bang.binary_scalar <add> <scalar> %c, %a, %v, %c256 : !nf, !nf, f32
  %two = arith.constant 2.0 : f32
  bang.binary_scalar <mul> <scalar> %c, %a, %two, %c256 : !nf, !nf, f32
  bang.binary_scalar <gt> <scalar> %c, %a, %v, %c256 : !nf, !nf, f32
  bang.binary_scalar <sub> <const> %c, %a, %v, %c256 : !nf, !nf, f32
  bang.binary_scalar <mul> <scalar> %h, %h, %vh, %c256 : !nh, !nh, f16

  // CHECK-NEXT: __bang_cycle_add(c, a, b, 256, 64);
  // CHECK-NEXT: __bang_cycle_mul(c, a, b, 256, 64);
  // CHECK-NEXT: __bang_cycle_maxequal(c, a, b, 256, 64);
  // CHECK-NEXT: __bang_cycle_le(c, a, b, 256, 64);
  bang.cycle <add> %c, %a, %b, %c256, %c64 : !nf, !nf, !nf
  bang.cycle <mul> %c, %a, %b, %c256, %c64 : !nf, !nf, !nf
  bang.cycle <maxequal> %c, %a, %b, %c256, %c64 : !nf, !nf, !nf
  bang.cycle <le> %c, %a, %b, %c256, %c64 : !nf, !nf, !nf

  // CHECK-NEXT: __bang_recip(c, a, 256);
  // CHECK-NEXT: __bang_rsqrt(c, a, 256);
  // CHECK-NEXT: __bang_square(c, a, 256);
  // CHECK-NEXT: __bang_active_exp_less_0(c, a, 256);
  // CHECK-NEXT: __bang_active_gelup(c, a, 256);
  // CHECK-NEXT: __bang_active_recip_greater_1(c, a, 256);
  // CHECK-NEXT: __bang_active_sign(h, h, 256);
  bang.unary <recip> %c, %a, %c256 : !nf, !nf
  bang.unary <rsqrt> %c, %a, %c256 : !nf, !nf
  bang.unary <square> %c, %a, %c256 : !nf, !nf
  bang.unary <active_exp_less_0> %c, %a, %c256 : !nf, !nf
  bang.unary <active_gelup> %c, %a, %c256 : !nf, !nf
  bang.unary <active_recip_greater_1> %c, %a, %c256 : !nf, !nf
  bang.unary <active_sign> %h, %h, %c256 : !nh, !nh

  // CHECK-NEXT: __bang_max(c, a, 256);
  // CHECK-NEXT: __bang_min(c, a, 256);
  bang.reduce <max> %c, %a, %c256 : !nf, !nf
  bang.reduce <min> %c, %a, %c256 : !nf, !nf

  // __bang_<kind>pool(dst, src, channel, height, width, kernel_height,
  // kernel_width[, stride_x, stride_y]).
  // CHECK-NEXT: __bang_sumpool(c, a, 4, 16, 4, 2, 1);
  // CHECK-NEXT: __bang_avgpool(c, a, 4, 16, 4, 2, 2, 1, 2);
  // CHECK-NEXT: __bang_maxpool(c, a, 4, 16, 4, 3, 2, 2, 1);
  // CHECK-NEXT: __bang_minpool(h, h, 16, 4, 4, 2, 2);
  bang.pool <sum> %c, %a, %c4, %c16, %c4, %c2, %c1 : !nf, !nf
  bang.pool <avg> %c, %a, %c4, %c16, %c4, %c2, %c2 stride(%c1, %c2) : !nf, !nf
  bang.pool <max> %c, %a, %c4, %c16, %c4, %c3, %c2 stride(%c2, %c1) : !nf, !nf
  bang.pool <min> %h, %h, %c16, %c4, %c4, %c2, %c2 : !nh, !nh

  // CHECK-NEXT: __bang_transpose(c, a, 16, 4);
  bang.transpose %c, %a, %c16, %c4 : !nf, !nf
  // __bang_matmul(dst, lhs, rhs, m, k, n[, fix_position]).
  // CHECK-NEXT: __bang_matmul(c, a, w, 4, 16, 2);
  bang.matmul %c, %a, %w, %c4, %c16, %c2 : !nf, !nf, !ws
  // __bang_mlp(dst, src, [bias,] weight, height, width[, fix_position]).
  // CHECK-NEXT: __bang_mlp(c, a, w, 16, 16);
  // CHECK-NEXT: __bang_mlp(c, a, b, w, 16, 16);
  bang.mlp %c, %a, %w, %c16, %c16 : !nf, !nf, !ws
  bang.mlp %c, %a bias(%b : !nf), %w, %c16, %c16 : !nf, !nf, !ws
  // __bang_conv(dst, src, kernel, [bias,] channel_input, height, width,
  // kernel_height, kernel_width, stride_x, stride_y, channel_output
  // [, fix_position]).
  // CHECK-NEXT: __bang_conv(c, a, w, 4, 8, 8, 3, 2, 1, 2, 3);
  // CHECK-NEXT: __bang_conv(c, a, w, b, 4, 8, 8, 3, 2, 1, 2, 3);
  %c8 = arith.constant 8 : i32
  bang.conv %c, %a, %w, %c4, %c8, %c8, %c3, %c2, %c1, %c2, %c3 : !nf, !nf, !ws
  bang.conv %c, %a, %w bias(%b : !nf), %c4, %c8, %c8, %c3, %c2, %c1, %c2, %c3 : !nf, !nf, !ws
  return
}

// Fixed-point forms: int8/int16 inputs with a fix_position.
!n8 = memref<256xi8, #bang.memory_space<nram>>
!n16 = memref<256xi16, #bang.memory_space<nram>>
!w8 = memref<256xi8, #bang.memory_space<wram>>
// CHECK-LABEL: __mlu_entry__ void fixed(int32_t arg0) {
// CHECK: __bang_matmul(buffer3, buffer, buffer2, 4, 16, 2, arg0);
// CHECK-NEXT: __bang_mlp(buffer3, buffer, buffer2, 16, 16, -3);
// CHECK-NEXT: __bang_mlp(buffer4, buffer, buffer5, buffer2, 16, 16, arg0);
// CHECK-NEXT: __bang_conv(buffer4, buffer, buffer2, 4, 8, 8, 3, 2, 1, 2, 3, arg0);
// CHECK-NEXT: __bang_conv(buffer4, buffer, buffer2, buffer5, 4, 8, 8, 3, 2, 1, 2, 3, arg0);
// CHECK-NEXT: __bang_write_value(buffer, 256, (int8_t)-1);
// CHECK-NEXT: __nram__ int16_t buffer6[256];
// CHECK-NEXT: __bang_write_value(buffer6, 256, (int16_t)arg0);
func.func @fixed(%pos: i32) attributes {bang.kernel} {
  %x = bang.alloc : !n8
  %w = bang.alloc : !w8
  %y = bang.alloc : !nf
  %y16 = bang.alloc : !n16
  %bias = bang.alloc : !n16
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %c3 = arith.constant 3 : i32
  %c4 = arith.constant 4 : i32
  %c8 = arith.constant 8 : i32
  %c16 = arith.constant 16 : i32
  %c256 = arith.constant 256 : i32
  %m3 = arith.constant -3 : i32
  bang.matmul %y, %x, %w, %c4, %c16, %c2 pos(%pos) : !nf, !n8, !w8
  bang.mlp %y, %x, %w, %c16, %c16 pos(%m3) : !nf, !n8, !w8
  bang.mlp %y16, %x bias(%bias : !n16), %w, %c16, %c16 pos(%pos) : !n16, !n8, !w8
  bang.conv %y16, %x, %w, %c4, %c8, %c8, %c3, %c2, %c1, %c2, %c3 pos(%pos) : !n16, !n8, !w8
  bang.conv %y16, %x, %w bias(%bias : !n16), %c4, %c8, %c8, %c3, %c2, %c1, %c2, %c3 pos(%pos) : !n16, !n8, !w8
  %m1 = arith.constant -1 : i8
  bang.fill <write_value> %x, %c256, %m1 : !n8, i8
  %p16 = arith.trunci %pos : i32 to i16
  %z = bang.alloc : !n16
  bang.fill <write_value> %z, %c256, %p16 : !n16, i16
  return
}

// Cambricon's headers take the sources of __bang_* builtins as `T *`: a
// read-only pointer argument (declared const) is cast.
!dn = memref<?xf32, #bang.memory_space<nram>>
!dw = memref<?xf32, #bang.memory_space<wram>>
// CHECK-LABEL: __mlu_func__ void from_const(float *arg0, const float *arg1, const float *arg2,
// CHECK-NEXT: int32_t arg3) {
// CHECK-NEXT: __bang_active_relu(arg0, (float *)arg1, arg3);
// CHECK-NEXT: __bang_add(arg0, arg0, (float *)(arg1 + 4), arg3);
// CHECK-NEXT: __bang_matmul(arg0, (float *)arg1, (float *)arg2, 1, arg3, 1);
// CHECK-NEXT: __memcpy(arg0, arg1, arg3, NRAM2NRAM);
func.func @from_const(%dst: !dn, %src: !dn, %w: !dw, %n: i32) attributes {bang.func} {
  %c1 = arith.constant 1 : i32
  bang.unary <active_relu> %dst, %src, %n : !dn, !dn
  %view = memref.subview %src[4] [16] [1] : !dn to memref<16xf32, strided<[1], offset: 4>, #bang.memory_space<nram>>
  bang.binary <add> %dst, %dst, %view, %n : !dn, !dn, memref<16xf32, strided<[1], offset: 4>, #bang.memory_space<nram>>
  bang.matmul %dst, %src, %w, %c1, %n, %c1 : !dn, !dn, !dw
  bang.memcpy %dst, %src, %n, <NRAM2NRAM> : !dn, !dn
  return
}
