// Host error exits, as the VNNI emitter writes a cf.assert
// (`std::fprintf(stderr, ...); std::exit(1);`), import as the CUDA, HIP and
// BANG importers model them: printing is dropped, exiting traps.
// RUN: xpiler-translate --import-vnni %s | FileCheck %s
// RUN: xpiler-translate --import-vnni %s | xpiler-translate --emit-vnni | FileCheck %s --check-prefix=EMIT

#include <cstdio>
#include <cstdlib>

// CHECK-LABEL: func.func @checked
// CHECK: scf.if
// CHECK-NOT: fprintf
// CHECK: cf.assert %false, "host code exits"
// EMIT: std::fprintf(stderr, "%s\n", "host code exits");
// EMIT: std::exit(1);
extern "C" void checked(float *x, int n) {
  if (n > 256) {
    std::fprintf(stderr, "checked: n %d too large\n", n);
    std::exit(1);
  }
  x[0] = 1.0f;
}
