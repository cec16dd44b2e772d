// Stock mlir-opt-22 loads xpiler's dialects and passes from the plugin.
// RUN: mlir-opt-22 --load-dialect-plugin=%xpiler_libs/XpilerPlugin.so --load-pass-plugin=%xpiler_libs/XpilerPlugin.so %s --pass-pipeline="builtin.module(xpl-set-target{language=hip})" | FileCheck %s
// RUN: not mlir-opt-22 %s 2>&1 | FileCheck %s --check-prefix=NOPLUGIN

// CHECK: module attributes {xpl.target = #xpl.target<hip, "gfx942">}
// CHECK: xpl.launch @k grid
// NOPLUGIN: error: {{.*}}xpl
module {
  func.func @k() attributes {xpl.kernel} { return }
  func.func @h() attributes {xpl.launcher} {
    %c1 = arith.constant 1 : index
    xpl.launch @k grid(%c1, %c1, %c1) block(%c1, %c1, %c1)
    return
  }
}
