// RUN: xpiler-opt %s --xpl-set-target=language=cuda | FileCheck %s --check-prefix=CUDA
// RUN: xpiler-opt %s --xpl-set-target="language=hip arch=gfx90a" | FileCheck %s --check-prefix=HIP
// RUN: xpiler-opt %s --xpl-set-target=language=bang | FileCheck %s --check-prefix=BANG
// RUN: xpiler-opt %s --xpl-set-target=language=vnni | FileCheck %s --check-prefix=VNNI
// RUN: not xpiler-opt %s --xpl-set-target=language=opencl 2>&1 | FileCheck %s --check-prefix=BADLANG
// RUN: not xpiler-opt %s --xpl-set-target="language=cuda arch=gfx942" 2>&1 | FileCheck %s --check-prefix=BADARCH

// An existing target is replaced.
// CUDA: module attributes {xpl.target = #xpl.target<cuda, "sm_90">}
// HIP: module attributes {xpl.target = #xpl.target<hip, "gfx90a">}
// BANG: module attributes {xpl.target = #xpl.target<bang, "mtp_592">}
// VNNI: module attributes {xpl.target = #xpl.target<vnni, "avx512vnni">}
// BADLANG: error: xpl-set-target: unknown language 'opencl' (expected cuda, hip, bang or vnni)
// BADARCH: error: xpl-set-target: unknown cuda architecture 'gfx942' (expected sm_<N>)
module attributes {xpl.target = #xpl.target<cuda, "sm_80">} {
  func.func @f() { return }
}
