// RUN: xpiler-opt %s --bang-raise-loops -split-input-file -verify-diagnostics

// expected-error @below {{cannot raise a kernel that no launcher launches}}
func.func @orphan() attributes {bang.kernel} {
  return
}

// -----

func.func @helper() -> i32 attributes {bang.func} {
  // expected-error @below {{cannot raise a task index or barrier outside a kernel}}
  %t = bang.task_id : i32
  return %t : i32
}

// -----

func.func @k(%c: i1) attributes {bang.kernel} {
  %core = bang.core_id : i32
  %zero = arith.constant 0 : i32
  %first = arith.cmpi eq, %core, %zero : i32
  scf.if %first {
    // expected-error @below {{cannot raise a barrier in control flow that differs between cores}}
    bang.sync <cluster>
  }
  return
}

func.func @launch() {
  %c1 = arith.constant 1 : i32
  %c4 = arith.constant 4 : i32
  %q = bang.queue_create : !bang.queue
  %dim = bang.dim3 %c4, %c1, %c1 : !bang.dim3
  %true = arith.constant true
  bang.launch @k dim(%dim) func_type(<union1>) queue(%q) args(%true : i1)
  return
}

// -----

func.func @k() attributes {bang.kernel} {
  // expected-error @below {{cannot raise a barrier of all tasks (only __sync_cluster)}}
  bang.sync <all>
  return
}

func.func @launch() {
  %c1 = arith.constant 1 : i32
  %c4 = arith.constant 4 : i32
  %q = bang.queue_create : !bang.queue
  %dim = bang.dim3 %c4, %c1, %c1 : !bang.dim3
  bang.launch @k dim(%dim) func_type(<union1>) queue(%q)
  return
}

// -----

func.func @k() attributes {bang.kernel} {
  return
}

func.func @launch() {
  %c1 = arith.constant 1 : i32
  %c4 = arith.constant 4 : i32
  %q = bang.queue_create : !bang.queue
  %dim = bang.dim3 %c4, %c1, %c1 : !bang.dim3
  bang.launch @k dim(%dim) func_type(<union1>) queue(%q)
  // expected-error @below {{cannot raise: the kernel is launched both as Block and as Union}}
  bang.launch @k dim(%dim) func_type(<block>) queue(%q)
  return
}
