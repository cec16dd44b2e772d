// The C core shared by every emitter: literals, operators, casts, control
// flow, loop-carried values, memref accesses, vectors. Emitted as CUDA and
// compiled when nvcc is present.
// RUN: xpiler-translate --emit-cuda --emit-no-format %s | FileCheck %s
// RUN: %if nvcc %{ xpiler-translate --emit-cuda %s -o %t.cu && /usr/local/cuda/bin/nvcc -std=c++17 -arch=sm_80 -c %t.cu -o %t.o %}

// CHECK: struct xpl_vector
// CHECK: typedef xpl_vector<float, 4> floatx4;

// CHECK-LABEL: extern "C" void literals(float *arg0, double *arg1, int64_t *arg2, int32_t *arg3)
func.func @literals(%f: memref<?xf32>, %d: memref<?xf64>, %l: memref<?xi64>, %i: memref<?xi32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  // CHECK: arg0[0] = INFINITY;
  %inf = arith.constant 0x7F800000 : f32
  memref.store %inf, %f[%c0] : memref<?xf32>
  // CHECK: arg0[1] = -INFINITY;
  %ninf = arith.constant 0xFF800000 : f32
  memref.store %ninf, %f[%c1] : memref<?xf32>
  // CHECK: arg0[2] = 0.100000001f;
  %tenth = arith.constant 0.1 : f32
  memref.store %tenth, %f[%c2] : memref<?xf32>
  // CHECK: arg1[0] = 0.10000000000000001;
  %dtenth = arith.constant 0.1 : f64
  memref.store %dtenth, %d[%c0] : memref<?xf64>
  // CHECK: arg1[1] = NAN;
  %nan = arith.constant 0x7FF8000000000000 : f64
  memref.store %nan, %d[%c1] : memref<?xf64>
  // CHECK: arg2[0] = INT64_C(8589934592);
  %big = arith.constant 8589934592 : i64
  memref.store %big, %l[%c0] : memref<?xi64>
  // CHECK: arg3[0] = (-2147483647 - 1);
  %min = arith.constant -2147483648 : i32
  memref.store %min, %i[%c0] : memref<?xi32>
  // CHECK: arg3[1] = -7;
  %neg = arith.constant -7 : i32
  memref.store %neg, %i[%c1] : memref<?xi32>
  return
}

// CHECK-LABEL: __device__ int32_t integers(int32_t arg0, int32_t arg1)
// Unsigned division of unknown signs casts; of non-negative values does not.
// min/max operands are named, not repeated; bitwise operands are
// parenthesised.
// CHECK-NEXT: int32_t [[Q:v[0-9]*]] = (int32_t)((uint32_t)arg0 / (uint32_t)arg1);
// CHECK-NEXT: int32_t [[R:v[0-9]*]] = (int)threadIdx.x % 32;
// CHECK-NEXT: return ((uint32_t)arg0 < (uint32_t)arg1 ? ([[Q]] < [[R]] ? [[Q]] : [[R]]) : ((int32_t)((uint32_t)arg0 >> (uint32_t)3) << 2) ^ (arg1 & 255)) + (int32_t)((int64_t)(uint32_t)arg1 + (int64_t)arg0);
func.func @integers(%a: i32, %b: i32) -> i32 attributes {cuda.device} {
  %q = arith.divui %a, %b : i32
  %c32 = arith.constant 32 : i32
  %tx = cuda.thread_idx x
  %r = arith.remui %tx, %c32 : i32
  %lt = arith.cmpi ult, %a, %b : i32
  %min = arith.minsi %q, %r : i32
  %c3 = arith.constant 3 : i32
  %c2 = arith.constant 2 : i32
  %c255 = arith.constant 255 : i32
  %s1 = arith.shrui %a, %c3 : i32
  %s2 = arith.shli %s1, %c2 : i32
  %s3 = arith.andi %b, %c255 : i32
  %sh = arith.xori %s2, %s3 : i32
  %za = arith.extui %b : i32 to i64
  %sa = arith.extsi %a : i32 to i64
  %x = arith.addi %za, %sa : i64
  %t = arith.trunci %x : i64 to i32
  %sel = arith.select %lt, %min, %sh : i32
  %sum = arith.addi %sel, %t : i32
  return %sum : i32
}

// CHECK-LABEL: __device__ bool floats(float arg0, float arg1)
func.func @floats(%a: f32, %b: f32) -> i1 attributes {cuda.device} {
  // CHECK: return ((arg0 < arg1 && !(arg0 <= arg1)) || !(arg0 >= arg1)) != (arg0 < arg1 || arg0 > arg1);
  %olt = arith.cmpf olt, %a, %b : f32
  %ugt = arith.cmpf ugt, %a, %b : f32
  %ult = arith.cmpf ult, %a, %b : f32
  %one = arith.cmpf one, %a, %b : f32
  %and = arith.andi %olt, %ugt : i1
  %or = arith.ori %and, %ult : i1
  %xor = arith.xori %or, %one : i1
  return %xor : i1
}

// CHECK-LABEL: __device__ float math_ops(float arg0, double arg1)
// CHECK-NEXT: return -(float)__builtin_bit_cast(int32_t, fmaxf(fmaf(expf(arg0), sqrtf(arg0), rsqrtf(arg0)), (float)tanh(arg1)));
func.func @math_ops(%a: f32, %d: f64) -> f32 attributes {cuda.device} {
  %e = math.exp %a : f32
  %s = math.sqrt %a : f32
  %r = math.rsqrt %a : f32
  %f = math.fma %e, %s, %r : f32
  %t = math.tanh %d : f64
  %tf = arith.truncf %t : f64 to f32
  %m = arith.maxnumf %f, %tf : f32
  %bits = arith.bitcast %m : f32 to i32
  %back = arith.sitofp %bits : i32 to f32
  %n = arith.negf %back : f32
  return %n : f32
}

// CHECK-LABEL: __device__ float loops(const float *arg0, int64_t arg1)
func.func @loops(%m: memref<?xf32>, %n: index) -> f32 attributes {cuda.device} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  // CHECK: float [[ACC:v[0-9]*]] = 0.0f;
  // CHECK-NEXT: for (int64_t i = 0; i < arg1; i++) {
  // CHECK-NEXT: [[ACC]] = [[ACC]] + arg0[i];
  // CHECK-NEXT: }
  %sum = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %zero) -> f32 {
    %v = memref.load %m[%i] : memref<?xf32>
    %s = arith.addf %acc, %v : f32
    scf.yield %s : f32
  }
  // A swap needs temporaries.
  // CHECK: float [[A:v[0-9]*]] = [[ACC]];
  // CHECK-NEXT: float [[B:v[0-9]*]] = 1.0f;
  // CHECK-NEXT: for (int64_t i = 0; i < arg1; i += 2) {
  // CHECK-NEXT: float [[NA:next_v[0-9]*]] = [[B]];
  // CHECK-NEXT: float [[NB:next_v[0-9]*]] = [[A]];
  // CHECK-NEXT: [[A]] = [[NA]];
  // CHECK-NEXT: [[B]] = [[NB]];
  %one = arith.constant 1.0 : f32
  %c2 = arith.constant 2 : index
  %swapped:2 = scf.for %i = %c0 to %n step %c2 iter_args(%x = %sum, %y = %one) -> (f32, f32) {
    scf.yield %y, %x : f32, f32
  }
  // A while that steps its variable is a for; the variable lives on.
  // CHECK: int64_t [[W:i[0-9]*]] = 0;
  // CHECK-NEXT: for (; [[W]] < arg1; [[W]]++) {
  %w = scf.while (%i = %c0) : (index) -> index {
    %c = arith.cmpi slt, %i, %n : index
    scf.condition(%c) %i : index
  } do {
  ^bb0(%i: index):
    %next = arith.addi %i, %c1 : index
    scf.yield %next : index
  }
  // Condition values other than the loop variables.
  // CHECK: while (true) {
  // CHECK: if (!
  // CHECK-NEXT: break;
  %u = scf.while (%i = %c0) : (index) -> index {
    %c = arith.cmpi slt, %i, %n : index
    %twice = arith.muli %i, %c2 : index
    scf.condition(%c) %twice : index
  } do {
  ^bb0(%t: index):
    %next = arith.addi %t, %c1 : index
    scf.yield %next : index
  }
  %wf = arith.index_cast %w : index to i32
  %wff = arith.sitofp %wf : i32 to f32
  %uf = arith.index_cast %u : index to i32
  %uff = arith.sitofp %uf : i32 to f32
  %r0 = arith.addf %swapped#0, %wff : f32
  %r1 = arith.addf %r0, %uff : f32
  return %r1 : f32
}

// CHECK-LABEL: __device__ void branches(float *arg0, int32_t arg1)
func.func @branches(%m: memref<?xf32>, %n: i32) attributes {cuda.device} {
  %c0 = arith.constant 0 : index
  %c0i = arith.constant 0 : i32
  %true = arith.constant true
  %c = arith.cmpi sgt, %n, %c0i : i32
  // CHECK: bool [[C:v[0-9]*]] = arg1 > 0;
  // CHECK-NEXT: bool [[OR:v[0-9]*]] = [[C]] || arg1 < 0;
  %or = scf.if %c -> i1 {
    scf.yield %true : i1
  } else {
    %d = arith.cmpi slt, %n, %c0i : i32
    scf.yield %d : i1
  }
  // CHECK: if ([[OR]]) {
  // CHECK-NEXT: arg0[0] = 1.0f;
  // CHECK-NEXT: }
  scf.if %or {
    %one = arith.constant 1.0 : f32
    memref.store %one, %m[%c0] : memref<?xf32>
  }
  // CHECK: if (!{{v[0-9]*}}) {
  // CHECK-NEXT: arg0[0] = 2.0f;
  scf.if %c {
  } else {
    %two = arith.constant 2.0 : f32
    memref.store %two, %m[%c0] : memref<?xf32>
  }
  // CHECK: float [[R:[a-z0-9]*]];
  // CHECK-NEXT: if ([[C]]) {
  // CHECK-NEXT: arg0[0] = 3.0f;
  // CHECK-NEXT: [[R]] = 3.0f;
  // CHECK-NEXT: } else {
  // CHECK-NEXT: [[R]] = arg0[0];
  %r = scf.if %c -> f32 {
    %three = arith.constant 3.0 : f32
    memref.store %three, %m[%c0] : memref<?xf32>
    scf.yield %three : f32
  } else {
    %v = memref.load %m[%c0] : memref<?xf32>
    scf.yield %v : f32
  }
  %c1 = arith.constant 1 : index
  memref.store %r, %m[%c1] : memref<?xf32>
  return
}

// CHECK-LABEL: __device__ float memory(float *arg0, int64_t arg1)
func.func @memory(%m: memref<?xf32>, %off: index) -> f32 attributes {cuda.device} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // A load is not moved past a store to the same memory.
  // CHECK: float [[OLD:v[0-9]*]] = arg0[0];
  // CHECK-NEXT: arg0[0] = 5.0f;
  %old = memref.load %m[%c0] : memref<?xf32>
  %five = arith.constant 5.0 : f32
  memref.store %five, %m[%c0] : memref<?xf32>
  // A one-use subview folds into the access.
  // CHECK: arg0[arg1 + 1] = [[OLD]];
  %dim = memref.dim %m, %c0 : memref<?xf32>
  %size = arith.subi %dim, %off : index
  %sub = memref.subview %m[%off] [%size] [1] : memref<?xf32> to memref<?xf32, strided<[1], offset: ?>>
  memref.store %old, %sub[%c1] : memref<?xf32, strided<[1], offset: ?>>
  // CHECK: float [[LOCAL:buffer[0-9]*]][2][3];
  // CHECK-NEXT: [[LOCAL]][1][0] = [[OLD]];
  %local = memref.alloca() : memref<2x3xf32>
  memref.store %old, %local[%c1, %c0] : memref<2x3xf32>
  // CHECK: floatx4 [[V:v[0-9]*]] = floatx4{0.0f, 0.0f, 0.0f, 0.0f};
  // CHECK-NEXT: [[V]][2] = [[LOCAL]][1][0];
  %zero = arith.constant dense<0.0> : vector<4xf32>
  %l = memref.load %local[%c1, %c0] : memref<2x3xf32>
  %v = vector.insert %l, %zero [2] : f32 into vector<4xf32>
  // CHECK: return [[V]][2];
  %e = vector.extract %v[2] : f32 from vector<4xf32>
  return %e : f32
}

// CHECK-LABEL: extern "C" void host_assert(int32_t arg0)
func.func @host_assert(%n: i32) {
  %c0 = arith.constant 0 : i32
  %ok = arith.cmpi sge, %n, %c0 : i32
  // CHECK: if (!(arg0 >= 0)) {
  // CHECK-NEXT: std::fprintf(stderr, "%s\n", "n is negative"); std::exit(1);
  cf.assert %ok, "n is negative"
  return
}

// CHECK-LABEL: __device__ void device_assert()
func.func @device_assert() attributes {cuda.device} {
  %false = arith.constant false
  // CHECK: __trap();
  cf.assert %false, "unreachable"
  return
}


// A 64-bit shift of a literal keeps 64 bits: `1 << n` alone would shift an
// int.
// CHECK-LABEL: extern "C" int64_t wide_shift(int64_t arg0)
func.func @wide_shift(%n: i64) -> i64 {
  %one = arith.constant 1 : i64
  // CHECK: return ((int64_t)1 << arg0) + (int64_t)(8 >> (int32_t)arg0);
  %s = arith.shli %one, %n : i64
  %eight = arith.constant 8 : i32
  %k = arith.trunci %n : i64 to i32
  %r = arith.shrsi %eight, %k : i32
  %rw = arith.extsi %r : i32 to i64
  %sum = arith.addi %s, %rw : i64
  return %sum : i64
}
