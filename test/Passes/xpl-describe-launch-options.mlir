// The launch shape of kernels without a launcher from the pass options.
// RUN: xpiler-opt %s -split-input-file -verify-diagnostics --xpl-describe-launch='grid=64,2 block=128' | FileCheck %s
// RUN: xpiler-opt %s -split-input-file --xpl-describe-launch=grid=8 2>/dev/null | FileCheck %s --check-prefix=GRID
// RUN: not xpiler-opt %s --xpl-describe-launch=grid=0 2>&1 | FileCheck %s --check-prefix=ZERO
// RUN: not xpiler-opt %s --xpl-describe-launch=block=1,2,3,4 2>&1 | FileCheck %s --check-prefix=FOUR
// RUN: not xpiler-opt %s --xpl-describe-launch=grid=a 2>&1 | FileCheck %s --check-prefix=ALPHA

// ZERO: error: xpl-describe-launch: 'grid' must be 1 to 3 positive extents, got 0
// FOUR: error: xpl-describe-launch: 'block' must be 1 to 3 positive extents, got 1,2,3,4
// ALPHA: for the --grid option: 'a' value invalid

// The options override __launch_bounds__; a launched kernel gets its shape
// on the launch instead.
// CHECK-LABEL: func.func @bounded
// CHECK-SAME: xpl.launch_shape = #xpl.launch_shape<grid = [() -> (64), () -> (2)], block = [() -> (128)]>
// GRID-LABEL: func.func @bounded
// GRID-SAME: xpl.launch_shape = #xpl.launch_shape<grid = [() -> (8)], block = [() -> (256)]>
func.func @bounded() attributes {cuda.kernel, cuda.launch_bounds = #cuda.launch_bounds<256>} {
  return
}

// CHECK-LABEL: func.func @plain
// CHECK-SAME: xpl.launch_shape = #xpl.launch_shape<grid = [() -> (64), () -> (2)], block = [() -> (128)]>
// GRID-LABEL: func.func @plain
// GRID-SAME: xpl.launch_shape = #xpl.launch_shape<grid = [() -> (8)]>
func.func @plain() attributes {hip.kernel} {
  return
}

// CHECK-LABEL: func.func @launched
// CHECK-SAME: attributes {cuda.kernel, xpl.kernel}
// GRID-LABEL: func.func @launched
// GRID-SAME: attributes {cuda.kernel, xpl.kernel}
func.func @launched() attributes {cuda.kernel} {
  return
}

// CHECK-LABEL: func.func @launcher
// CHECK: cuda.launch @launched
// CHECK-SAME: xpl.launch_shape = #xpl.launch_shape<grid = [() -> (1)], block = [() -> (32)]>
func.func @launcher() {
  %c1 = arith.constant 1 : index
  %c32 = arith.constant 32 : index
  cuda.launch @launched grid(%c1, %c1, %c1) block(%c32, %c1, %c1)
  return
}

// -----

// BANG: the grid is the task dimension; there is no block.
// GRID-LABEL: func.func @task
// GRID-SAME: xpl.launch_shape = #xpl.launch_shape<grid = [() -> (8)]>
// expected-error @+1 {{xpl-describe-launch: 'block' does not apply to the BANG kernel 'task' (its block is 1 x 1 x 1; 'grid' is its task dimension)}}
func.func @task() attributes {bang.kernel} {
  return
}

// -----

// expected-warning @+1 {{xpl-describe-launch: 'grid' and 'block' apply to kernels without a launcher, and there is none}}
module {
  func.func @only_launched() attributes {cuda.kernel} {
    return
  }
  func.func @launcher2() {
    %c1 = arith.constant 1 : index
    cuda.launch @only_launched grid(%c1, %c1, %c1) block(%c1, %c1, %c1)
    return
  }
}
