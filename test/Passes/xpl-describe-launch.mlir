// RUN: xpiler-opt %s -split-input-file -verify-diagnostics --xpl-describe-launch | FileCheck %s

// CUDA, as softmax.cu imports: bytes = size_t(rows) * cols * sizeof(float),
// one block of 256 threads per row.

// CHECK-LABEL: func.func @softmax_kernel
// CHECK-SAME: attributes {cuda.kernel, xpl.kernel}
func.func @softmax_kernel(%x: memref<?xf32, #cuda.memory_space<global>>,
                          %out: memref<?xf32, #cuda.memory_space<global>>,
                          %cols: i32) attributes {cuda.kernel} {
  return
}

// CHECK-LABEL: func.func @softmax
// CHECK-SAME: %{{.*}}: memref<?xf32> {xpl.buffer = #xpl.buffer<in, size = ()[s0, s1, s2, s3] -> (s2 * s3)>}
// CHECK-SAME: %{{.*}}: memref<?xf32> {xpl.buffer = #xpl.buffer<out, size = ()[s0, s1, s2, s3] -> (s2 * s3)>}
// CHECK-SAME: %{{.*}}: i32, %{{.*}}: i32) attributes {xpl.launcher}
// CHECK: cuda.launch @softmax_kernel
// CHECK-SAME: {xpl.launch_shape = #xpl.launch_shape<grid = [()[s0, s1, s2, s3] -> (s2)], block = [()[s0, s1, s2, s3] -> (256)]>}
func.func @softmax(%x: memref<?xf32>, %out: memref<?xf32>, %rows: i32,
                   %cols: i32) {
  %c0_i32 = arith.constant 0 : i32
  %c1 = arith.constant 1 : index
  %c256 = arith.constant 256 : index
  %c4_i64 = arith.constant 4 : i64
  %empty = arith.cmpi sle, %rows, %c0_i32 : i32
  scf.if %empty {
  } else {
    %r = arith.extsi %rows : i32 to i64
    %c = arith.extsi %cols : i32 to i64
    %rc = arith.muli %r, %c : i64
    %b = arith.muli %rc, %c4_i64 : i64
    %bytes = arith.index_castui %b : i64 to index
    %dx = cuda.malloc %bytes : memref<?xf32, #cuda.memory_space<global>>
    %dout = cuda.malloc %bytes : memref<?xf32, #cuda.memory_space<global>>
    cuda.memcpy HostToDevice %dx, %x, %bytes : memref<?xf32, #cuda.memory_space<global>>, memref<?xf32>
    %g = arith.index_castui %rows : i32 to index
    cuda.launch @softmax_kernel grid(%g, %c1, %c1) block(%c256, %c1, %c1) args(%dx, %dout, %cols : memref<?xf32, #cuda.memory_space<global>>, memref<?xf32, #cuda.memory_space<global>>, i32)
    cuda.memcpy DeviceToHost %out, %dout, %bytes : memref<?xf32>, memref<?xf32, #cuda.memory_space<global>>
    cuda.free %dx : memref<?xf32, #cuda.memory_space<global>>
    cuda.free %dout : memref<?xf32, #cuda.memory_space<global>>
  }
  return
}

// -----

// Copied in and back: inout. Element sizes of f16 and i32, a grid from a
// rounded-up division, a 2-D block, shifts and a byte count that is not a
// multiple of the element size (the elements it touches: ceildiv).

func.func @k(%a: memref<?xf16, #cuda.memory_space<global>>,
             %b: memref<?xi32, #cuda.memory_space<global>>,
             %c: memref<?xf32, #cuda.memory_space<global>>,
             %n: i32) attributes {cuda.kernel} {
  return
}

// CHECK-LABEL: func.func @inout
// CHECK-SAME: memref<?xf16> {xpl.buffer = #xpl.buffer<inout, size = ()[s0, s1, s2, s3, s4] -> (s3 * 8)>}
// CHECK-SAME: memref<?xi32> {xpl.buffer = #xpl.buffer<in, size = ()[s0, s1, s2, s3, s4] -> (s3 * s4 + 1)>}
// CHECK-SAME: memref<?xf32> {xpl.buffer = #xpl.buffer<out, size = ()[s0, s1, s2, s3, s4] -> (s4 ceildiv 4)>}
// CHECK: cuda.launch @k
// CHECK-SAME: {xpl.launch_shape = #xpl.launch_shape<grid = [()[s0, s1, s2, s3, s4] -> ((s3 + 127) floordiv 128), ()[s0, s1, s2, s3, s4] -> (s4 ceildiv 2)], block = [()[s0, s1, s2, s3, s4] -> (32), ()[s0, s1, s2, s3, s4] -> (4)]>}
func.func @inout(%a: memref<?xf16>, %b: memref<?xi32>, %c: memref<?xf32>,
                 %n: i32, %m: i64) {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %c32 = arith.constant 32 : index
  %c127_i32 = arith.constant 127 : i32
  %c128_i32 = arith.constant 128 : i32
  %c4_i32 = arith.constant 4 : i32
  %c4_i64 = arith.constant 4 : i64
  %n64 = arith.extsi %n : i32 to i64
  // a: n * 8 halves, as (n << 4) bytes.
  %nb = arith.shli %n64, %c4_i64 : i64
  %abytes = arith.index_cast %nb : i64 to index
  // b: (n * m + 1) ints.
  %nm = arith.muli %n64, %m : i64
  %nm4 = arith.muli %nm, %c4_i64 : i64
  %bb = arith.addi %nm4, %c4_i64 : i64
  %bbytes = arith.index_cast %bb : i64 to index
  // c: m bytes.
  %cbytes = arith.index_cast %m : i64 to index
  %da = cuda.malloc %abytes : memref<?xf16, #cuda.memory_space<global>>
  %db = cuda.malloc %bbytes : memref<?xi32, #cuda.memory_space<global>>
  %dc = cuda.malloc %cbytes : memref<?xf32, #cuda.memory_space<global>>
  cuda.memcpy HostToDevice %da, %a, %abytes : memref<?xf16, #cuda.memory_space<global>>, memref<?xf16>
  cuda.memcpy HostToDevice %db, %b, %bbytes : memref<?xi32, #cuda.memory_space<global>>, memref<?xi32>
  %n127 = arith.addi %n, %c127_i32 : i32
  %gx32 = arith.divsi %n127, %c128_i32 : i32
  %gx = arith.index_cast %gx32 : i32 to index
  %mi = arith.index_cast %m : i64 to index
  %gy = arith.ceildivui %mi, %c2 : index
  cuda.launch @k grid(%gx, %gy, %c1) block(%c32, %c4, %c1) args(%da, %db, %dc, %n : memref<?xf16, #cuda.memory_space<global>>, memref<?xi32, #cuda.memory_space<global>>, memref<?xf32, #cuda.memory_space<global>>, i32)
  cuda.memcpy DeviceToHost %a, %da, %abytes : memref<?xf16>, memref<?xf16, #cuda.memory_space<global>>
  cuda.memcpy DeviceToHost %c, %dc, %cbytes : memref<?xf32>, memref<?xf32, #cuda.memory_space<global>>
  return
}

// -----

// HIP: a grid clamped to at most 4096 blocks (`if (blocks > 4096) blocks =
// 4096`, `std::min`) is the minimum of the map's results; max() has no
// affine form: no shape, a warning. The buffers get theirs either way.

func.func @add_kernel(%a: memref<?xf32, #hip.memory_space<global>>,
                      %n: i32) attributes {hip.kernel} {
  return
}

// CHECK-LABEL: func.func @add(
// CHECK-SAME: {xpl.buffer = #xpl.buffer<inout, size = ()[s0, s1] -> (s1)>}
// CHECK-SAME: attributes {xpl.launcher}
// CHECK: hip.launch @add_kernel
// CHECK-SAME: {xpl.launch_shape = #xpl.launch_shape<grid = [()[s0, s1] -> ((s1 + 255) floordiv 256, 4096)], block = [()[s0, s1] -> (256)]>}
// CHECK: hip.launch @add_kernel
// CHECK-SAME: {xpl.launch_shape = #xpl.launch_shape<grid = [()[s0, s1] -> (s1 floordiv 256, 1024, s1 floordiv 2)], block = [()[s0, s1] -> (256)]>}
// CHECK: hip.launch @add_kernel
// CHECK-NOT: xpl.launch_shape
// CHECK: return
func.func @add(%a: memref<?xf32>, %n: i32) {
  %c1 = arith.constant 1 : index
  %c256 = arith.constant 256 : index
  %c1_i32 = arith.constant 1 : i32
  %c2_i32 = arith.constant 2 : i32
  %c255_i32 = arith.constant 255 : i32
  %c256_i32 = arith.constant 256 : i32
  %c1024_i32 = arith.constant 1024 : i32
  %c4096_i32 = arith.constant 4096 : i32
  %c4_i64 = arith.constant 4 : i64
  %n64 = arith.extsi %n : i32 to i64
  %b = arith.muli %n64, %c4_i64 : i64
  %bytes = arith.index_castui %b : i64 to index
  %d = hip.malloc %bytes : memref<?xf32, #hip.memory_space<global>>
  hip.memcpy <host_to_device> %d, %a, %bytes : memref<?xf32, #hip.memory_space<global>>, memref<?xf32>
  %r = arith.addi %n, %c255_i32 : i32
  %q = arith.divsi %r, %c256_i32 : i32
  %big = arith.cmpi sgt, %q, %c4096_i32 : i32
  %clamped = arith.select %big, %c4096_i32, %q : i32
  %g = arith.index_castui %clamped : i32 to index
  hip.launch @add_kernel grid(%g, %c1, %c1) block(%c256, %c1, %c1) args(%d, %n : memref<?xf32, #hip.memory_space<global>>, i32)
  // min(min(n / 256, 1024), n / 2) through casts.
  %q2 = arith.divsi %n, %c256_i32 : i32
  %m1 = arith.minsi %q2, %c1024_i32 : i32
  %m1i = arith.index_cast %m1 : i32 to index
  %half = arith.divsi %n, %c2_i32 : i32
  %halfi = arith.index_cast %half : i32 to index
  %small = arith.cmpi ult, %m1i, %halfi : index
  %m2 = arith.select %small, %m1i, %halfi : index
  hip.launch @add_kernel grid(%m2, %c1, %c1) block(%c256, %c1, %c1) args(%d, %n : memref<?xf32, #hip.memory_space<global>>, i32)
  // expected-note @+1 {{it depends on this 'arith.maxsi', which is not an affine function of the launcher's arguments}}
  %atleast1 = arith.maxsi %q2, %c1_i32 : i32
  %g3 = arith.index_cast %atleast1 : i32 to index
  // expected-warning @+1 {{launch of 'add_kernel': no xpl.launch_shape: grid extent 0 is not an affine function of the launcher's arguments}}
  hip.launch @add_kernel grid(%g3, %c1, %c1) block(%c256, %c1, %c1) args(%d, %n : memref<?xf32, #hip.memory_space<global>>, i32)
  hip.memcpy <device_to_host> %a, %d, %bytes : memref<?xf32>, memref<?xf32, #hip.memory_space<global>>
  hip.free %d : memref<?xf32, #hip.memory_space<global>>
  return
}

// -----

// BANG: the task dimension from cnrtDim3_t and the function type.

func.func @add_kernel(%a: memref<?xf32, #bang.memory_space<gdram>>,
                      %b: memref<?xf32, #bang.memory_space<gdram>>)
    attributes {bang.kernel} {
  return
}

// CHECK-LABEL: func.func @add(
// CHECK-SAME: {xpl.buffer = #xpl.buffer<in, size = ()[s0, s1, s2] -> (s2)>}
// CHECK-SAME: {xpl.buffer = #xpl.buffer<out, size = ()[s0, s1, s2] -> (s2)>}
// CHECK: bang.launch @add_kernel
// CHECK-SAME: {xpl.launch_shape = #xpl.launch_shape<grid = [()[s0, s1, s2] -> (4), ()[s0, s1, s2] -> (2)], union_clusters = 1>}
// CHECK: bang.launch @add_kernel
// CHECK-SAME: {xpl.launch_shape = #xpl.launch_shape<grid = [()[s0, s1, s2] -> (s2 ceildiv 64)], union_clusters = 0>}
func.func @add(%a: memref<?xf32>, %out: memref<?xf32>, %n: i32) {
  %c1_i32 = arith.constant 1 : i32
  %c2_i32 = arith.constant 2 : i32
  %c4_i32 = arith.constant 4 : i32
  %c64_i32 = arith.constant 64 : i32
  %c4_i64 = arith.constant 4 : i64
  %n64 = arith.extsi %n : i32 to i64
  %bytes = arith.muli %n64, %c4_i64 : i64
  %q = bang.queue_create : !bang.queue
  %da = bang.malloc %bytes : memref<?xf32, #bang.memory_space<gdram>>
  %db = bang.malloc %bytes : memref<?xf32, #bang.memory_space<gdram>>
  bang.cnrt_memcpy %da, %a, %bytes, <host2dev> : memref<?xf32, #bang.memory_space<gdram>>, memref<?xf32>
  %dim = bang.dim3 %c4_i32, %c2_i32, %c1_i32 : !bang.dim3
  bang.launch @add_kernel dim(%dim) func_type(<union1>) queue(%q) args(%da, %db : memref<?xf32, #bang.memory_space<gdram>>, memref<?xf32, #bang.memory_space<gdram>>)
  %tasks = arith.ceildivsi %n, %c64_i32 : i32
  %dim2 = bang.dim3 %tasks, %c1_i32, %c1_i32 : !bang.dim3
  bang.launch @add_kernel dim(%dim2) func_type(<block>) queue(%q) args(%da, %db : memref<?xf32, #bang.memory_space<gdram>>, memref<?xf32, #bang.memory_space<gdram>>)
  bang.queue_sync %q : !bang.queue
  bang.cnrt_memcpy %out, %db, %bytes, <dev2host> : memref<?xf32>, memref<?xf32, #bang.memory_space<gdram>>
  bang.queue_destroy %q : !bang.queue
  return
}

// -----

// Sizes that cannot be written as affine maps of the arguments: warnings,
// no attribute.

func.func @k(%a: memref<?xf32, #cuda.memory_space<global>>) attributes {cuda.kernel} {
  return
}

// CHECK-LABEL: func.func @unknown
// CHECK-NOT: xpl.buffer
// CHECK-SAME: attributes {xpl.launcher}
// CHECK: cuda.launch @k
// CHECK-SAME: xpl.launch_shape = #xpl.launch_shape<grid = [()[s0, s1, s2, s3, s4, s5] -> (1)], block = [()[s0, s1, s2, s3, s4, s5] -> (1)]>
// expected-warning @+6 {{launcher 'unknown' argument 0: no xpl.buffer: the byte count of its copy to the device is not an affine function of the launcher's arguments}}
// expected-warning @+5 {{launcher 'unknown' argument 1: no xpl.buffer: only part of it is copied (through a view), the size of the whole buffer is unknown}}
// expected-warning @+4 {{launcher 'unknown' argument 2: no xpl.buffer: its copies have different sizes (s4 and s5 elements)}}
// expected-warning @+3 {{launcher 'unknown' argument 3: no xpl.buffer: it is never copied to or from the device}}
// Argument 4 (%n) is an integer, argument 5 (%m) too.
func.func @unknown(
    %a: memref<?xf32>, %b: memref<?xf32>, %c: memref<?xf32>, %d: memref<?xf32>, %n: i32, %m: i32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c1_i32 = arith.constant 1 : i32
  %c4_i32 = arith.constant 4 : i32
  // max(n, 1) * 4 bytes
  %small = arith.cmpi slt, %n, %c1_i32 : i32
  // expected-note @+1 {{it depends on this 'arith.select', which is not an affine function of the launcher's arguments}}
  %atleast1 = arith.select %small, %c1_i32, %n : i32
  %ab = arith.muli %atleast1, %c4_i32 : i32
  %abytes = arith.index_cast %ab : i32 to index
  %da = cuda.malloc %abytes : memref<?xf32, #cuda.memory_space<global>>
  // expected-note @+1 {{the copy}}
  cuda.memcpy HostToDevice %da, %a, %abytes : memref<?xf32, #cuda.memory_space<global>>, memref<?xf32>
  // The second half of b only.
  %nb = arith.muli %n, %c4_i32 : i32
  %nbytes = arith.index_cast %nb : i32 to index
  %ni = arith.index_cast %n : i32 to index
  %half = memref.subview %b[%ni] [%ni] [1] : memref<?xf32> to memref<?xf32, strided<[1], offset: ?>>
  %db = cuda.malloc %nbytes : memref<?xf32, #cuda.memory_space<global>>
  // expected-note @+1 {{the partial copy}}
  cuda.memcpy HostToDevice %db, %half, %nbytes : memref<?xf32, #cuda.memory_space<global>>, memref<?xf32, strided<[1], offset: ?>>
  // c: n elements in, m elements out.
  %mb = arith.muli %m, %c4_i32 : i32
  %mbytes = arith.index_cast %mb : i32 to index
  %dc = cuda.malloc %nbytes : memref<?xf32, #cuda.memory_space<global>>
  // expected-note @+1 {{copy of s4 elements}}
  cuda.memcpy HostToDevice %dc, %c, %nbytes : memref<?xf32, #cuda.memory_space<global>>, memref<?xf32>
  cuda.launch @k grid(%c1, %c1, %c1) block(%c1, %c1, %c1) args(%da : memref<?xf32, #cuda.memory_space<global>>)
  // expected-note @+1 {{copy of s5 elements}}
  cuda.memcpy DeviceToHost %c, %dc, %mbytes : memref<?xf32>, memref<?xf32, #cuda.memory_space<global>>
  // d: read on the host only.
  %v = memref.load %d[%c0] : memref<?xf32>
  return
}

// -----

// A launch shape computed in a loop.

func.func @k(%n: index) attributes {cuda.kernel} {
  return
}

// CHECK-LABEL: func.func @loop
// CHECK-SAME: attributes {xpl.launcher}
// CHECK-NOT: xpl.launch_shape
func.func @loop(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-note @+1 {{it depends on a value computed by control flow, which is not an affine function of the launcher's arguments}}
  scf.for %i = %c0 to %n step %c1 {
    // expected-warning @+1 {{launch of 'k': no xpl.launch_shape: block extent 0 is not an affine function of the launcher's arguments}}
    cuda.launch @k grid(%c1, %c1, %c1) block(%i, %c1, %c1) args(%n : index)
  }
  return
}

// -----

// Kernels without a launcher: the block from __launch_bounds__; nothing
// without it. Existing descriptions are replaced.

// CHECK-LABEL: func.func @bounded
// CHECK-SAME: attributes {cuda.kernel, cuda.launch_bounds = #cuda.launch_bounds<128>, xpl.kernel, xpl.launch_shape = #xpl.launch_shape<block = [() -> (128)]>}
func.func @bounded(%a: memref<?xf32, #cuda.memory_space<global>>)
    attributes {cuda.kernel, cuda.launch_bounds = #cuda.launch_bounds<128>,
                xpl.launch_shape = #xpl.launch_shape<block = [() -> (64)]>} {
  return
}

// CHECK-LABEL: func.func @hip_bounded
// CHECK-SAME: xpl.launch_shape = #xpl.launch_shape<block = [() -> (512)]>
func.func @hip_bounded() attributes {hip.kernel, hip.launch_bounds = array<i32: 512, 2>} {
  return
}

// CHECK-LABEL: func.func @unbounded
// CHECK-SAME: attributes {cuda.kernel, xpl.kernel}
func.func @unbounded() attributes {cuda.kernel} {
  return
}

// A device function is not a kernel.
// CHECK-LABEL: func.func @helper
// CHECK-SAME: attributes {cuda.device}
func.func @helper() attributes {cuda.device} {
  return
}
