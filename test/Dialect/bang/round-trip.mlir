// RUN: xpiler-opt %s | xpiler-opt | FileCheck %s
// RUN: xpiler-opt %s --mlir-print-op-generic | xpiler-opt | FileCheck %s

!g = memref<?xf32, #bang.memory_space<gdram>>
!n = memref<256xf32, #bang.memory_space<nram>>
!nh = memref<256xf16, #bang.memory_space<nram>>

// Vector add, the way BANG code tiles it over tasks.
// CHECK-LABEL: func.func @vec_add
// CHECK-SAME: attributes {bang.kernel}
func.func @vec_add(%a: !g, %b: !g, %c: !g, %len: i32) attributes {bang.kernel} {
  // CHECK: [[X:%.+]] = bang.alloc {name = "nram_x"} : memref<256xf32, #bang.memory_space<nram>>
  %x = bang.alloc {name = "nram_x"} : !n
  %y = bang.alloc : !n
  // CHECK: bang.task_id : i32
  %tid = bang.task_id : i32
  %tdim = bang.task_dim : i32
  %c256 = arith.constant 256 : i32
  %c1024 = arith.constant 1024 : i32
  // CHECK: bang.memcpy [[X]], %{{.*}}, %{{.*}}, <GDRAM2NRAM> : memref<256xf32, #bang.memory_space<nram>>, memref<?xf32, #bang.memory_space<gdram>>
  bang.memcpy %x, %a, %c1024, <GDRAM2NRAM> : !n, !g
  bang.memcpy %y, %b, %c1024, <GDRAM2NRAM> : !n, !g
  // CHECK: bang.binary <add> [[X]], [[X]], %{{.*}}, %{{.*}} : memref<256xf32
  bang.binary <add> %x, %x, %y, %c256 : !n, !n, !n
  // CHECK: bang.memcpy %{{.*}}, [[X]], %{{.*}}, <NRAM2GDRAM>
  bang.memcpy %c, %x, %c1024, <NRAM2GDRAM> : !g, !n
  return
}

// CHECK-LABEL: func.func @helper
// CHECK-SAME: attributes {bang.func}
func.func @helper(%x: !n, %n: i32) attributes {bang.func} {
  // CHECK: bang.unary <active_relu>
  bang.unary <active_relu> %x, %x, %n : !n, !n
  return
}

// CHECK-LABEL: func.func @dev_helper
// CHECK-SAME: attributes {bang.device}
func.func @dev_helper() attributes {bang.device} {
  return
}

// CHECK-LABEL: func.func @indices
func.func @indices() -> (i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32) {
  // CHECK: bang.task_id : i32
  // CHECK: bang.task_id_x : i32
  // CHECK: bang.task_id_y : i32
  // CHECK: bang.task_id_z : i32
  // CHECK: bang.task_dim : i32
  // CHECK: bang.task_dim_x : i32
  // CHECK: bang.task_dim_y : i32
  // CHECK: bang.task_dim_z : i32
  // CHECK: bang.cluster_id : i32
  // CHECK: bang.cluster_dim : i32
  // CHECK: bang.core_id : i32
  // CHECK: bang.core_dim : i32
  %0 = bang.task_id : i32
  %1 = bang.task_id_x : i32
  %2 = bang.task_id_y : i32
  %3 = bang.task_id_z : i32
  %4 = bang.task_dim : i32
  %5 = bang.task_dim_x : i32
  %6 = bang.task_dim_y : i32
  %7 = bang.task_dim_z : i32
  %8 = bang.cluster_id : i32
  %9 = bang.cluster_dim : i32
  %10 = bang.core_id : i32
  %11 = bang.core_dim : i32
  // CHECK: bang.sync <all>
  // CHECK: bang.sync <cluster>
  // CHECK: bang.sync <compute>
  // CHECK: bang.sync <all_ipu>
  // CHECK: bang.sync <all_mpu>
  bang.sync <all>
  bang.sync <cluster>
  bang.sync <compute>
  bang.sync <all_ipu>
  bang.sync <all_mpu>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11 : i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32
}

// Every memcpy form and direction.
// CHECK-LABEL: func.func @copies
func.func @copies(%g: !g, %l: memref<?xf32, #bang.memory_space<ldram>>, %size: i32, %ds: i32, %ss: i32, %seg: i32, %cl: i32) attributes {bang.kernel} {
  %n = bang.alloc : !n
  %n2 = bang.alloc : !n
  %w = bang.alloc {file_scope} : memref<256xf32, #bang.memory_space<wram>>
  // CHECK: bang.alloc {name = "shared"} : memref<256xf32, #bang.memory_space<sram>>
  %s = bang.alloc {name = "shared"} : memref<256xf32, #bang.memory_space<sram>>
  %s2 = bang.alloc : memref<256xf32, #bang.memory_space<sram>>
  // CHECK: <GDRAM2NRAM>
  // CHECK: <NRAM2GDRAM>
  // CHECK: <LDRAM2NRAM>
  // CHECK: <NRAM2LDRAM>
  // CHECK: <GDRAM2WRAM>
  // CHECK: <WRAM2GDRAM>
  // CHECK: <LDRAM2WRAM>
  // CHECK: <WRAM2LDRAM>
  // CHECK: <NRAM2NRAM>
  // CHECK: <NRAM2WRAM>
  // CHECK: <WRAM2NRAM>
  // CHECK: <GDRAM2SRAM>
  // CHECK: <SRAM2GDRAM>
  // CHECK: <LDRAM2SRAM>
  // CHECK: <SRAM2LDRAM>
  // CHECK: <SRAM2NRAM>
  // CHECK: <NRAM2SRAM>
  // CHECK: <SRAM2WRAM>
  // CHECK: <WRAM2SRAM>
  // CHECK: <GDRAM2GDRAM>
  // CHECK: <GDRAM2LDRAM>
  // CHECK: <LDRAM2GDRAM>
  bang.memcpy %n, %g, %size, <GDRAM2NRAM> : !n, !g
  bang.memcpy %g, %n, %size, <NRAM2GDRAM> : !g, !n
  bang.memcpy %n, %l, %size, <LDRAM2NRAM> : !n, memref<?xf32, #bang.memory_space<ldram>>
  bang.memcpy %l, %n, %size, <NRAM2LDRAM> : memref<?xf32, #bang.memory_space<ldram>>, !n
  bang.memcpy %w, %g, %size, <GDRAM2WRAM> : memref<256xf32, #bang.memory_space<wram>>, !g
  bang.memcpy %g, %w, %size, <WRAM2GDRAM> : !g, memref<256xf32, #bang.memory_space<wram>>
  bang.memcpy %w, %l, %size, <LDRAM2WRAM> : memref<256xf32, #bang.memory_space<wram>>, memref<?xf32, #bang.memory_space<ldram>>
  bang.memcpy %l, %w, %size, <WRAM2LDRAM> : memref<?xf32, #bang.memory_space<ldram>>, memref<256xf32, #bang.memory_space<wram>>
  bang.memcpy %n2, %n, %size, <NRAM2NRAM> : !n, !n
  bang.memcpy %w, %n, %size, <NRAM2WRAM> : memref<256xf32, #bang.memory_space<wram>>, !n
  bang.memcpy %n, %w, %size, <WRAM2NRAM> : !n, memref<256xf32, #bang.memory_space<wram>>
  bang.memcpy %s, %g, %size, <GDRAM2SRAM> : memref<256xf32, #bang.memory_space<sram>>, !g
  bang.memcpy %g, %s, %size, <SRAM2GDRAM> : !g, memref<256xf32, #bang.memory_space<sram>>
  bang.memcpy %s, %l, %size, <LDRAM2SRAM> : memref<256xf32, #bang.memory_space<sram>>, memref<?xf32, #bang.memory_space<ldram>>
  bang.memcpy %l, %s, %size, <SRAM2LDRAM> : memref<?xf32, #bang.memory_space<ldram>>, memref<256xf32, #bang.memory_space<sram>>
  bang.memcpy %n, %s, %size, <SRAM2NRAM> : !n, memref<256xf32, #bang.memory_space<sram>>
  bang.memcpy %s, %n, %size, <NRAM2SRAM> : memref<256xf32, #bang.memory_space<sram>>, !n
  bang.memcpy %w, %s, %size, <SRAM2WRAM> : memref<256xf32, #bang.memory_space<wram>>, memref<256xf32, #bang.memory_space<sram>>
  bang.memcpy %s, %w, %size, <WRAM2SRAM> : memref<256xf32, #bang.memory_space<sram>>, memref<256xf32, #bang.memory_space<wram>>
  bang.memcpy %g, %g, %size, <GDRAM2GDRAM> : !g, !g
  bang.memcpy %l, %g, %size, <GDRAM2LDRAM> : memref<?xf32, #bang.memory_space<ldram>>, !g
  bang.memcpy %g, %l, %size, <LDRAM2GDRAM> : !g, memref<?xf32, #bang.memory_space<ldram>>
  // CHECK: bang.memcpy %{{.*}}, %{{.*}}, %{{.*}}, <LDRAM2LDRAM> stride(%{{.*}}, %{{.*}}, %{{.*}})
  bang.memcpy %l, %l, %size, <LDRAM2LDRAM> stride(%ds, %ss, %seg) : memref<?xf32, #bang.memory_space<ldram>>, memref<?xf32, #bang.memory_space<ldram>>
  // CHECK: bang.memcpy %{{.*}}, %{{.*}}, %{{.*}}, <SRAM2SRAM> cluster(%{{.*}})
  bang.memcpy %s2, %s, %size, <SRAM2SRAM> cluster(%cl) : memref<256xf32, #bang.memory_space<sram>>, memref<256xf32, #bang.memory_space<sram>>
  // CHECK: bang.memcpy %{{.*}}, %{{.*}}, %{{.*}}, <SRAM2SRAM> stride(%{{.*}}, %{{.*}}, %{{.*}}) cluster(%{{.*}})
  bang.memcpy %s2, %s, %size, <SRAM2SRAM> stride(%ds, %ss, %seg) cluster(%cl) : memref<256xf32, #bang.memory_space<sram>>, memref<256xf32, #bang.memory_space<sram>>
  // CHECK: bang.memcpy async %{{.*}}, %{{.*}}, %{{.*}}, <GDRAM2NRAM> :
  bang.memcpy async %n, %g, %size, <GDRAM2NRAM> : !n, !g
  // CHECK: bang.memcpy async %{{.*}}, %{{.*}}, %{{.*}}, <NRAM2GDRAM> stride(
  bang.memcpy async %g, %n, %size, <NRAM2GDRAM> stride(%ds, %ss, %seg) : !g, !n
  bang.sync <all>
  return
}

// CHECK-LABEL: func.func @elementwise
func.func @elementwise(%d: !n, %a: !n, %b: !n, %h: !nh, %hb: memref<256xbf16, #bang.memory_space<nram>>,
                       %i: memref<256xi32, #bang.memory_space<nram>>, %seg: memref<64xf32, #bang.memory_space<nram>>,
                       %n: i32, %m: i32, %s: f32, %si: i32, %v: f16) {
  // CHECK: bang.fill <memset_nram> %{{.*}}, %{{.*}}, %{{.*}} : memref<256xf16, #bang.memory_space<nram>>, f16
  bang.fill <memset_nram> %h, %n, %v : !nh, f16
  // CHECK: bang.fill <write_value>
  bang.fill <write_value> %d, %n, %s : !n, f32
  // CHECK: bang.write_zero %{{.*}}, %{{.*}} : memref<256xbf16
  bang.write_zero %hb, %n : memref<256xbf16, #bang.memory_space<nram>>
  // CHECK: bang.binary <add>
  // CHECK: bang.binary <sub>
  // CHECK: bang.binary <mul>
  // CHECK: bang.binary <div>
  // CHECK: bang.binary <maximum>
  // CHECK: bang.binary <minimum>
  // CHECK: bang.binary <maxequal>
  // CHECK: bang.binary <minequal>
  // CHECK: bang.binary <eq>
  // CHECK: bang.binary <ne>
  // CHECK: bang.binary <gt>
  // CHECK: bang.binary <ge>
  // CHECK: bang.binary <lt>
  // CHECK: bang.binary <le>
  // CHECK: bang.binary <and>
  // CHECK: bang.binary <or>
  // CHECK: bang.binary <xor>
  bang.binary <add> %i, %i, %i, %n : memref<256xi32, #bang.memory_space<nram>>, memref<256xi32, #bang.memory_space<nram>>, memref<256xi32, #bang.memory_space<nram>>
  bang.binary <sub> %d, %a, %b, %n : !n, !n, !n
  bang.binary <mul> %d, %a, %b, %n : !n, !n, !n
  bang.binary <div> %hb, %hb, %hb, %n : memref<256xbf16, #bang.memory_space<nram>>, memref<256xbf16, #bang.memory_space<nram>>, memref<256xbf16, #bang.memory_space<nram>>
  bang.binary <maximum> %d, %a, %b, %n : !n, !n, !n
  bang.binary <minimum> %d, %a, %b, %n : !n, !n, !n
  bang.binary <maxequal> %h, %h, %h, %n : !nh, !nh, !nh
  bang.binary <minequal> %d, %a, %b, %n : !n, !n, !n
  bang.binary <eq> %d, %a, %b, %n : !n, !n, !n
  bang.binary <ne> %d, %a, %b, %n : !n, !n, !n
  bang.binary <gt> %d, %a, %b, %n : !n, !n, !n
  bang.binary <ge> %d, %a, %b, %n : !n, !n, !n
  bang.binary <lt> %d, %a, %b, %n : !n, !n, !n
  bang.binary <le> %d, %a, %b, %n : !n, !n, !n
  bang.binary <and> %d, %a, %b, %n : !n, !n, !n
  bang.binary <or> %d, %a, %b, %n : !n, !n, !n
  bang.binary <xor> %d, %a, %b, %n : !n, !n, !n
  // CHECK: bang.binary_scalar <add> <scalar> {{.*}} : memref<256xi32, #bang.memory_space<nram>>, memref<256xi32, #bang.memory_space<nram>>, i32
  bang.binary_scalar <add> <scalar> %i, %i, %si, %n : memref<256xi32, #bang.memory_space<nram>>, memref<256xi32, #bang.memory_space<nram>>, i32
  // CHECK: bang.binary_scalar <mul> <const>
  bang.binary_scalar <mul> <const> %d, %a, %s, %n : !n, !n, f32
  // CHECK: bang.binary_scalar <ge> <scalar>
  bang.binary_scalar <ge> <scalar> %d, %a, %s, %n : !n, !n, f32
  // CHECK: bang.cycle <add> %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : memref<256xf32, #bang.memory_space<nram>>, memref<256xf32, #bang.memory_space<nram>>, memref<64xf32, #bang.memory_space<nram>>
  bang.cycle <add> %d, %a, %seg, %n, %m : !n, !n, memref<64xf32, #bang.memory_space<nram>>
  // CHECK: bang.reduce <max>
  // CHECK: bang.reduce <min>
  bang.reduce <max> %seg, %a, %n : memref<64xf32, #bang.memory_space<nram>>, !n
  bang.reduce <min> %seg, %a, %n : memref<64xf32, #bang.memory_space<nram>>, !n
  return
}

// CHECK-LABEL: func.func @unary
func.func @unary(%x: !n, %h: !nh, %n: i32) {
  // CHECK: bang.unary <recip>
  // CHECK: bang.unary <sqrt>
  // CHECK: bang.unary <rsqrt>
  // CHECK: bang.unary <sin>
  // CHECK: bang.unary <cos>
  // CHECK: bang.unary <sigmoid>
  // CHECK: bang.unary <square>
  // CHECK: bang.unary <log>
  // CHECK: bang.unary <abs>
  bang.unary <recip> %x, %x, %n : !n, !n
  bang.unary <sqrt> %x, %x, %n : !n, !n
  bang.unary <rsqrt> %x, %x, %n : !n, !n
  bang.unary <sin> %x, %x, %n : !n, !n
  bang.unary <cos> %x, %x, %n : !n, !n
  bang.unary <sigmoid> %x, %x, %n : !n, !n
  bang.unary <square> %x, %x, %n : !n, !n
  bang.unary <log> %x, %x, %n : !n, !n
  bang.unary <abs> %x, %x, %n : !n, !n
  // CHECK: bang.unary <active_abs>
  // CHECK: bang.unary <active_cos>
  // CHECK: bang.unary <active_exp>
  // CHECK: bang.unary <active_exphp>
  // CHECK: bang.unary <active_exp_less_0>
  // CHECK: bang.unary <active_gelu>
  // CHECK: bang.unary <active_gelup>
  // CHECK: bang.unary <active_log>
  // CHECK: bang.unary <active_loghp>
  // CHECK: bang.unary <active_pow2>
  // CHECK: bang.unary <active_recip>
  // CHECK: bang.unary <active_recip_greater_1>
  // CHECK: bang.unary <active_reciphp>
  // CHECK: bang.unary <active_relu>
  // CHECK: bang.unary <active_rsqrt>
  // CHECK: bang.unary <active_rsqrthp>
  // CHECK: bang.unary <active_sigmoid>
  // CHECK: bang.unary <active_sign>
  // CHECK: bang.unary <active_sin>
  // CHECK: bang.unary <active_sqrt>
  // CHECK: bang.unary <active_tanh>
  bang.unary <active_abs> %h, %h, %n : !nh, !nh
  bang.unary <active_cos> %h, %h, %n : !nh, !nh
  bang.unary <active_exp> %x, %x, %n : !n, !n
  bang.unary <active_exphp> %h, %h, %n : !nh, !nh
  bang.unary <active_exp_less_0> %h, %h, %n : !nh, !nh
  bang.unary <active_gelu> %h, %h, %n : !nh, !nh
  bang.unary <active_gelup> %x, %x, %n : !n, !n
  bang.unary <active_log> %h, %h, %n : !nh, !nh
  bang.unary <active_loghp> %h, %h, %n : !nh, !nh
  bang.unary <active_pow2> %h, %h, %n : !nh, !nh
  bang.unary <active_recip> %h, %h, %n : !nh, !nh
  bang.unary <active_recip_greater_1> %h, %h, %n : !nh, !nh
  bang.unary <active_reciphp> %h, %h, %n : !nh, !nh
  bang.unary <active_relu> %h, %h, %n : !nh, !nh
  bang.unary <active_rsqrt> %h, %h, %n : !nh, !nh
  bang.unary <active_rsqrthp> %h, %h, %n : !nh, !nh
  bang.unary <active_sigmoid> %h, %h, %n : !nh, !nh
  bang.unary <active_sign> %h, %h, %n : !nh, !nh
  bang.unary <active_sin> %h, %h, %n : !nh, !nh
  bang.unary <active_sqrt> %h, %h, %n : !nh, !nh
  bang.unary <active_tanh> %h, %h, %n : !nh, !nh
  return
}

// CHECK-LABEL: func.func @tensor_builtins
func.func @tensor_builtins(%c: i32, %h: i32, %w: i32, %k: i32, %s: i32, %co: i32, %pos: i32) {
  %x = bang.alloc : memref<4096xf32, #bang.memory_space<nram>>
  %y = bang.alloc : memref<4096xf32, #bang.memory_space<nram>>
  %f = bang.alloc : memref<4096xf32, #bang.memory_space<wram>>
  %b = bang.alloc : memref<64xf32, #bang.memory_space<nram>>
  %x8 = bang.alloc : memref<4096xi8, #bang.memory_space<nram>>
  %x16 = bang.alloc : memref<4096xi16, #bang.memory_space<nram>>
  %f8 = bang.alloc : memref<4096xi8, #bang.memory_space<wram>>
  %yh = bang.alloc : memref<4096xf16, #bang.memory_space<nram>>
  // CHECK: bang.pool <sum> {{.*}} : memref<4096xf32
  // CHECK: bang.pool <avg> {{.*}} stride(
  // CHECK: bang.pool <max>
  // CHECK: bang.pool <min>
  bang.pool <sum> %y, %x, %c, %h, %w, %k, %k : memref<4096xf32, #bang.memory_space<nram>>, memref<4096xf32, #bang.memory_space<nram>>
  bang.pool <avg> %y, %x, %c, %h, %w, %k, %k stride(%s, %s) : memref<4096xf32, #bang.memory_space<nram>>, memref<4096xf32, #bang.memory_space<nram>>
  bang.pool <max> %y, %x, %c, %h, %w, %k, %k stride(%s, %s) : memref<4096xf32, #bang.memory_space<nram>>, memref<4096xf32, #bang.memory_space<nram>>
  bang.pool <min> %y, %x, %c, %h, %w, %k, %k stride(%s, %s) : memref<4096xf32, #bang.memory_space<nram>>, memref<4096xf32, #bang.memory_space<nram>>
  // CHECK: bang.transpose
  bang.transpose %y, %x, %h, %w : memref<4096xf32, #bang.memory_space<nram>>, memref<4096xf32, #bang.memory_space<nram>>
  // CHECK: bang.matmul {{.*}} : memref<4096xf32, #bang.memory_space<nram>>, memref<4096xf32, #bang.memory_space<nram>>, memref<4096xf32, #bang.memory_space<wram>>
  bang.matmul %y, %x, %f, %h, %k, %w : memref<4096xf32, #bang.memory_space<nram>>, memref<4096xf32, #bang.memory_space<nram>>, memref<4096xf32, #bang.memory_space<wram>>
  // CHECK: bang.matmul {{.*}} pos(%{{.*}})
  bang.matmul %y, %x16, %f8, %h, %k, %w pos(%pos) : memref<4096xf32, #bang.memory_space<nram>>, memref<4096xi16, #bang.memory_space<nram>>, memref<4096xi8, #bang.memory_space<wram>>
  // CHECK: bang.mlp %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} :
  bang.mlp %y, %x, %f, %h, %w : memref<4096xf32, #bang.memory_space<nram>>, memref<4096xf32, #bang.memory_space<nram>>, memref<4096xf32, #bang.memory_space<wram>>
  // CHECK: bang.mlp {{.*}} bias(%{{.*}} : memref<4096xf16, #bang.memory_space<nram>>){{.*}} pos(
  bang.mlp %yh, %x8 bias(%yh : memref<4096xf16, #bang.memory_space<nram>>), %f8, %h, %w pos(%pos) : memref<4096xf16, #bang.memory_space<nram>>, memref<4096xi8, #bang.memory_space<nram>>, memref<4096xi8, #bang.memory_space<wram>>
  // CHECK: bang.conv %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} :
  bang.conv %y, %x, %f, %c, %h, %w, %k, %k, %s, %s, %co : memref<4096xf32, #bang.memory_space<nram>>, memref<4096xf32, #bang.memory_space<nram>>, memref<4096xf32, #bang.memory_space<wram>>
  // CHECK: bang.conv {{.*}} bias(%{{.*}} : memref<64xf32, #bang.memory_space<nram>>){{.*}} pos(
  bang.conv %y, %x8, %f8 bias(%b : memref<64xf32, #bang.memory_space<nram>>), %c, %h, %w, %k, %k, %s, %s, %co pos(%pos) : memref<4096xf32, #bang.memory_space<nram>>, memref<4096xi8, #bang.memory_space<nram>>, memref<4096xi8, #bang.memory_space<wram>>
  return
}

// The host program: CNRT queue, buffers, copies and the launch.
// CHECK-LABEL: func.func @host
func.func @host(%ha: memref<?xf32>, %hc: memref<?xf32>, %len: i32) {
  %bytes = arith.constant 4096 : i64
  %c1 = arith.constant 1 : i32
  %c4 = arith.constant 4 : i32
  // CHECK: [[Q:%.+]] = bang.queue_create : !bang.queue
  %q = bang.queue_create : !bang.queue
  // CHECK: [[D:%.+]] = bang.dim3 %{{.*}}, %{{.*}}, %{{.*}} : !bang.dim3
  %dim = bang.dim3 %c4, %c1, %c1 : !bang.dim3
  // CHECK: [[A:%.+]] = bang.malloc %{{.*}} : memref<?xf32, #bang.memory_space<gdram>>
  %a = bang.malloc %bytes : !g
  %c = bang.malloc %bytes : !g
  // CHECK: bang.cnrt_memcpy [[A]], %{{.*}}, %{{.*}}, <host2dev> : memref<?xf32, #bang.memory_space<gdram>>, memref<?xf32>
  bang.cnrt_memcpy %a, %ha, %bytes, <host2dev> : !g, memref<?xf32>
  // CHECK: bang.cnrt_memcpy {{.*}} <dev2dev>
  bang.cnrt_memcpy %c, %a, %bytes, <dev2dev> : !g, !g
  // CHECK: bang.cnrt_memcpy {{.*}} <host2host>
  bang.cnrt_memcpy %hc, %ha, %bytes, <host2host> : memref<?xf32>, memref<?xf32>
  // CHECK: bang.launch @vec_add dim([[D]]) func_type(<union1>) queue([[Q]]) args(
  bang.launch @vec_add dim(%dim) func_type(<union1>) queue(%q) args(%a, %a, %c, %len : !g, !g, !g, i32)
  // CHECK: func_type(<block>)
  // CHECK: func_type(<union2>)
  // CHECK: func_type(<union4>)
  // CHECK: func_type(<union8>)
  // CHECK: func_type(<union16>)
  bang.launch @dev_kernel dim(%dim) func_type(<block>) queue(%q)
  bang.launch @dev_kernel dim(%dim) func_type(<union2>) queue(%q)
  bang.launch @dev_kernel dim(%dim) func_type(<union4>) queue(%q)
  bang.launch @dev_kernel dim(%dim) func_type(<union8>) queue(%q)
  bang.launch @dev_kernel dim(%dim) func_type(<union16>) queue(%q)
  // CHECK: bang.queue_sync [[Q]] : !bang.queue
  bang.queue_sync %q : !bang.queue
  // CHECK: bang.cnrt_memcpy {{.*}} <dev2host>
  bang.cnrt_memcpy %hc, %c, %bytes, <dev2host> : memref<?xf32>, !g
  // CHECK: bang.free [[A]] : memref<?xf32, #bang.memory_space<gdram>>
  bang.free %a : !g
  bang.free %c : !g
  // CHECK: bang.queue_destroy [[Q]] : !bang.queue
  bang.queue_destroy %q : !bang.queue
  return
}

func.func @dev_kernel() attributes {bang.kernel} {
  return
}
