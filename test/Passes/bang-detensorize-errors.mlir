// RUN: xpiler-opt %s --bang-detensorize -split-input-file -verify-diagnostics

!nram = memref<256xf32, #bang.memory_space<nram>>
!gdram = memref<?xf32, #bang.memory_space<gdram>>
func.func @async(%g: !gdram, %n: i32) attributes {bang.kernel} {
  %a = bang.alloc : !nram
  // expected-error @below {{cannot detensorize __memcpy_async}}
  bang.memcpy async %a, %g, %n, <GDRAM2NRAM> : !nram, !gdram
  return
}

// -----

!nram = memref<256xf32, #bang.memory_space<nram>>
!gdram = memref<?xf32, #bang.memory_space<gdram>>
func.func @partial_elements(%g: !gdram, %bytes: i32) attributes {bang.kernel} {
  %a = bang.alloc : !nram
  // expected-error @below {{the size is not provably a whole number of 'f32' elements}}
  bang.memcpy %a, %g, %bytes, <GDRAM2NRAM> : !nram, !gdram
  return
}

// -----

func.func @overlap_without_size(%a: memref<?xf32, #bang.memory_space<nram>>, %h: i32) attributes {bang.func} {
  // expected-error @below {{the destination may overlap a source and has no static size}}
  bang.transpose %a, %a, %h, %h : memref<?xf32, #bang.memory_space<nram>>, memref<?xf32, #bang.memory_space<nram>>
  return
}

// -----

func.func @rank2(%n: i32) attributes {bang.kernel} {
  %a = bang.alloc : memref<16x16xf32, #bang.memory_space<nram>>
  // expected-error @below {{cannot detensorize a buffer of rank other than 1}}
  bang.write_zero %a, %n : memref<16x16xf32, #bang.memory_space<nram>>
  return
}
