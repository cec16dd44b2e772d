// RUN: xpiler-opt %s --bang-detensorize | FileCheck %s
// Oracle tests of every builtin: bang-detensorize-oracle.mlu.

!nram = memref<256xf32, #bang.memory_space<nram>>
!wram = memref<256xf32, #bang.memory_space<wram>>
!gdram = memref<?xf32, #bang.memory_space<gdram>>

// CHECK-LABEL: func.func @copy_and_add
// A copy of n * 4 bytes is n element copies, through the subview's offset.
// CHECK: scf.for %[[I:.+]] = %{{.+}} to %[[N:.+]] step
// CHECK:   %[[AT:.+]] = arith.addi %[[OFF:.+]], %[[I]] : index
// CHECK:   %[[V:.+]] = memref.load %arg0[%[[AT]]]
// CHECK:   memref.store %[[V]], %[[A:.+]][%[[I]]]
// CHECK: scf.for %[[J:.+]] =
// CHECK:   %[[X:.+]] = memref.load %[[A]][%[[J]]]
// CHECK:   %[[Y:.+]] = memref.load %[[B:.+]][%[[J]]]
// CHECK:   %[[S:.+]] = arith.addf %[[X]], %[[Y]] : f32
// CHECK:   memref.store %[[S]], %[[A]][%[[J]]]
// CHECK-NOT: bang.memcpy
// CHECK-NOT: bang.binary
func.func @copy_and_add(%g: !gdram, %off: index, %n: i32) attributes {bang.kernel} {
  %c4 = arith.constant 4 : i32
  %a = bang.alloc {name = "a"} : !nram
  %b = bang.alloc {name = "b"} : !nram
  %c0 = arith.constant 0 : index
  %dim = memref.dim %g, %c0 : !gdram
  %size = arith.subi %dim, %off : index
  %view = memref.subview %g[%off] [%size] [1] : !gdram to memref<?xf32, strided<[1], offset: ?>, #bang.memory_space<gdram>>
  %bytes = arith.muli %n, %c4 : i32
  bang.memcpy %a, %view, %bytes, <GDRAM2NRAM> : !nram, memref<?xf32, strided<[1], offset: ?>, #bang.memory_space<gdram>>
  bang.binary <add> %a, %a, %b, %n : !nram, !nram, !nram
  return
}

// CHECK-LABEL: func.func @active
// gelu in double, rounded once.
// CHECK: arith.extf %{{.+}} : f32 to f64
// CHECK: math.tanh %{{.+}} : f64
// CHECK: arith.truncf %{{.+}} : f64 to f32
// CHECK: math.exp
// CHECK: arith.divf
func.func @active(%n: i32) attributes {bang.kernel} {
  %a = bang.alloc : !nram
  %b = bang.alloc : !nram
  bang.unary <active_gelu> %b, %a, %n : !nram, !nram
  bang.unary <active_sigmoid> %a, %b, %n : !nram, !nram
  return
}

// CHECK-LABEL: func.func @matmul
// Accumulated in double from 0.0, rounded once.
// CHECK: scf.for
// CHECK:   scf.for
// CHECK:     %[[ZERO:.+]] = arith.constant 0.000000e+00 : f64
// CHECK:     %[[SUM:.+]] = scf.for {{.+}} iter_args(%{{.+}} = %[[ZERO]]) -> (f64)
// CHECK:       arith.mulf %{{.+}}, %{{.+}} : f64
// CHECK:     arith.truncf %[[SUM]] : f64 to f32
func.func @matmul(%m: i32, %k: i32, %n: i32) attributes {bang.kernel} {
  %c = bang.alloc : !nram
  %a = bang.alloc : !nram
  %w = bang.alloc : !wram
  bang.matmul %c, %a, %w, %m, %k, %n : !nram, !nram, !wram
  return
}

// CHECK-LABEL: func.func @in_place_pool
// The destination overlaps the source: a temporary, then a copy.
// CHECK: %[[TMP:.+]] = bang.alloc {name = "nram_tmp"} : memref<256xf32, #bang.memory_space<nram>>
// CHECK: memref.store %{{.+}}, %[[TMP]]
// CHECK: %[[T:.+]] = memref.load %[[TMP]]
// CHECK: memref.store %[[T]], %[[A:.+]][
func.func @in_place_pool(%c: i32, %h: i32, %w: i32, %k: i32) attributes {bang.kernel} {
  %a = bang.alloc : !nram
  bang.pool <max> %a, %a, %c, %h, %w, %k, %k : !nram, !nram
  return
}
