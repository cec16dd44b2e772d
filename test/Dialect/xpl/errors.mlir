// RUN: xpiler-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{unknown cuda architecture 'gfx90a' (expected sm_<N>)}}
module attributes {xpl.target = #xpl.target<cuda, "gfx90a">} {}

// -----

// expected-error @+1 {{'xpl.target' must be a #xpl.target}}
module attributes {xpl.target = "sm_90"} {}

// -----

module {
  // expected-error @+1 {{'xpl.target' only applies to modules}}
  func.func @f() attributes {xpl.target = #xpl.target<cuda, "sm_90">} {
    return
  }
}

// -----

// expected-error @+1 {{'xpl.kernel' must be a unit attribute}}
func.func @k() attributes {xpl.kernel = 1 : i32} { return }

// -----

// expected-error @+1 {{'xpl.kernel' only applies to functions}}
module attributes {xpl.kernel} {}

// -----

// expected-error @+1 {{kernel must not return values}}
func.func @k() -> i32 attributes {xpl.kernel} {
  %0 = arith.constant 0 : i32
  return %0 : i32
}

// -----

func.func @f(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{'xpl.mapping' has 1 axes for 2 loop dimensions}}
  scf.parallel (%i, %j) = (%c0, %c0) to (%n, %n) step (%c1, %c1) {
    scf.reduce
  } {xpl.mapping = [#xpl.axis<thread_x>]}
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{'xpl.mapping' only applies to loops}}
  %c0 = arith.constant {xpl.mapping = [#xpl.axis<thread_x>]} 0 : index
  return
}

// -----

func.func @f(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{'xpl.mapping' must be an array of #xpl.axis}}
  scf.for %i = %c0 to %n step %c1 {
  } {xpl.mapping = ["thread_x"]}
  return
}

// -----

// expected-error @+1 {{'xpl.buffer' applies to launcher arguments, not operations}}
func.func @f() attributes {xpl.buffer = #xpl.buffer<in, size = ()[s0] -> (s0)>} {
  return
}

// -----

// expected-error @+1 {{unknown xpl attribute 'xpl.bogus'}}
func.func @f() attributes {xpl.bogus} { return }

// -----

// expected-error @+1 {{'xpl.buffer' only applies to arguments of launchers}}
func.func @f(%a: memref<?xf32> {xpl.buffer = #xpl.buffer<in, size = ()[s0] -> (s0)>}) {
  return
}

// -----

// expected-error @+1 {{'xpl.buffer' on argument 0 which is not a memref}}
func.func @f(%a: i32 {xpl.buffer = #xpl.buffer<in, size = ()[s0] -> (s0)>}) attributes {xpl.launcher} {
  return
}

// -----

// expected-error @+1 {{'xpl.buffer' size map has 1 symbols but the launcher has 2 arguments}}
func.func @f(%a: memref<?xf32> {xpl.buffer = #xpl.buffer<in, size = ()[s0] -> (s0)>}, %n: i32) attributes {xpl.launcher} {
  return
}

// -----

// expected-error @+1 {{'xpl.buffer' size uses argument 0 which is not an integer}}
func.func @f(%a: memref<?xf32> {xpl.buffer = #xpl.buffer<in, size = ()[s0, s1] -> (s0)>}, %n: i32) attributes {xpl.launcher} {
  return
}

// -----

// expected-error @+1 {{'xpl.buffer' must be a #xpl.buffer}}
func.func @f(%a: memref<?xf32> {xpl.buffer = 3 : i32}) attributes {xpl.launcher} {
  return
}

// -----

// expected-error @+1 {{unknown xpl argument attribute 'xpl.bogus'}}
func.func @f(%a: memref<?xf32> {xpl.bogus}) attributes {xpl.launcher} {
  return
}

// -----

// expected-error @+1 {{buffer size must be a map with no dimensions and one result}}
func.func @f(%a: memref<?xf32> {xpl.buffer = #xpl.buffer<in, size = (d0) -> (d0)>}) attributes {xpl.launcher} {
  return
}

// -----

func.func @k() attributes {xpl.kernel} { return }
func.func @h() {
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{union_clusters must be 0, 1, 2, 4, 8 or 16, got 3}}
  xpl.launch @k grid(%c1, %c1, %c1) block(%c1, %c1, %c1) {union_clusters = 3 : i32}
  return
}

// -----

func.func @h() {
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{'missing' does not reference a function}}
  xpl.launch @missing grid(%c1, %c1, %c1) block(%c1, %c1, %c1)
  return
}

// -----

func.func @notkernel() { return }
func.func @h() {
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{'notkernel' is not an xpl.kernel}}
  xpl.launch @notkernel grid(%c1, %c1, %c1) block(%c1, %c1, %c1)
  return
}

// -----

func.func @k(%n: i32) attributes {xpl.kernel} { return }
func.func @h() {
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{passes 0 arguments to a kernel that takes 1}}
  xpl.launch @k grid(%c1, %c1, %c1) block(%c1, %c1, %c1)
  return
}

// -----

func.func @k(%n: i32) attributes {xpl.kernel} { return }
func.func @h(%n: i64) {
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{argument 0 has type 'i64' but the kernel expects 'i32'}}
  xpl.launch @k grid(%c1, %c1, %c1) block(%c1, %c1, %c1) args(%n : i64)
  return
}

// -----

// expected-error @+1 {{launch shape grid extent 0 must be positive, got 0}}
func.func @k() attributes {xpl.kernel, xpl.launch_shape = #xpl.launch_shape<grid = [() -> (0)]>} {
  return
}

// -----

// expected-error @+1 {{launch shape block has more than 3 extents (4)}}
func.func @k() attributes {xpl.kernel, xpl.launch_shape = #xpl.launch_shape<block = [() -> (1), () -> (1), () -> (1), () -> (1)]>} {
  return
}

// -----

// expected-error @+1 {{launch shape needs a grid or a block}}
func.func @k() attributes {xpl.kernel, xpl.launch_shape = #xpl.launch_shape<>} {
  return
}

// -----

// expected-error @+1 {{launch shape block extent 0 must be a map with no dimensions and at least one result}}
func.func @k() attributes {xpl.kernel, xpl.launch_shape = #xpl.launch_shape<block = [(d0) -> (d0)]>} {
  return
}

// -----

// expected-error @+1 {{a BANG launch shape (union_clusters) has no block}}
func.func @k() attributes {xpl.kernel, xpl.launch_shape = #xpl.launch_shape<grid = [() -> (4)], block = [() -> (1)], union_clusters = 1>} {
  return
}

// -----

// expected-error @+1 {{union_clusters must be 0, 1, 2, 4, 8 or 16, got 3}}
func.func @k() attributes {xpl.kernel, xpl.launch_shape = #xpl.launch_shape<grid = [() -> (4)], union_clusters = 3>} {
  return
}

// -----

// expected-error @+1 {{launch shape extents have different numbers of symbols (1 and 0)}}
func.func @k() attributes {xpl.kernel, xpl.launch_shape = #xpl.launch_shape<grid = [() -> (4)], block = [()[s0] -> (s0)]>} {
  return
}

// -----

// expected-error @+1 {{expected 'grid', 'block' or 'union_clusters' (once each), got 'threads'}}
func.func @k() attributes {xpl.kernel, xpl.launch_shape = #xpl.launch_shape<threads = [() -> (4)]>} {
  return
}

// -----

// expected-error @+1 {{'xpl.launch_shape' of a function must have no symbols}}
func.func @k() attributes {xpl.kernel, xpl.launch_shape = #xpl.launch_shape<grid = [()[s0] -> (s0)]>} {
  return
}

// -----

// expected-error @+1 {{'xpl.launch_shape' must be a #xpl.launch_shape}}
func.func @k() attributes {xpl.kernel, xpl.launch_shape = [1, 2]} {
  return
}

// -----

func.func @e() attributes {xpl.kernel} { return }

func.func @launcher(%x: f32, %n: index) attributes {xpl.launcher} {
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{'xpl.launch_shape' has 1 symbols but the enclosing function has 2 arguments}}
  xpl.launch @e grid(%n, %c1, %c1) block(%c1, %c1, %c1) {xpl.launch_shape = #xpl.launch_shape<grid = [()[s0] -> (s0)]>}
  return
}

// -----

func.func @e() attributes {xpl.kernel} { return }

func.func @launcher(%x: f32, %n: index) attributes {xpl.launcher} {
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{'xpl.launch_shape' uses argument 0 which is not an integer}}
  xpl.launch @e grid(%n, %c1, %c1) block(%c1, %c1, %c1) {xpl.launch_shape = #xpl.launch_shape<grid = [()[s0, s1] -> (s0)]>}
  return
}

// -----

// expected-error @+1 {{'xpl.launch_shape' applies to kernels and to launch ops in functions}}
module attributes {xpl.launch_shape = #xpl.launch_shape<grid = [() -> (1)]>} {}

// -----

func.func @omp_not_loop() {
  // expected-error @+1 {{'xpl.omp_parallel_for' only applies to loops}}
  %c = arith.constant {xpl.omp_parallel_for = {}} 0 : i32
  return
}

// -----

func.func @omp_not_dict(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{'xpl.omp_parallel_for' must be a dictionary}}
  scf.for %i = %c0 to %n step %c1 {
  } {xpl.omp_parallel_for}
  return
}

// -----

func.func @omp_collapse(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{'xpl.omp_parallel_for' clause 'collapse' must be an integer >= 1}}
  scf.for %i = %c0 to %n step %c1 {
  } {xpl.omp_parallel_for = {collapse = 0 : i64}}
  return
}

// -----

func.func @omp_schedule(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{'xpl.omp_parallel_for' schedule must be static, dynamic, guided, auto or runtime}}
  scf.for %i = %c0 to %n step %c1 {
  } {xpl.omp_parallel_for = {schedule = "fast"}}
  return
}

// -----

func.func @omp_chunk(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{'xpl.omp_parallel_for' chunk needs a static, dynamic or guided schedule}}
  scf.for %i = %c0 to %n step %c1 {
  } {xpl.omp_parallel_for = {chunk = 4 : i64}}
  return
}

// -----

func.func @omp_clause(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{'xpl.omp_parallel_for' has unknown clause 'reduction'}}
  scf.for %i = %c0 to %n step %c1 {
  } {xpl.omp_parallel_for = {reduction = "+"}}
  return
}
