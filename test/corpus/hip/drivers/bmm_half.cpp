//===- bmm_half.cpp - driver of the half-input HIP bmm ----------*- C++ -*-===//
//
// The HIP bmm computes C[b] = A[b] B[b] on the MFMA matrix cores with
// _Float16 A and B (see ../bmm.hip). This is the shared driver
// ../../drivers/bmm.cpp with its matrix operands passed as _Float16: the
// float inputs are rounded to half before the reference sees them, and the
// half-input tolerance 1e-2 + 1e-2|ref| applies. Host C++17; _Float16 needs
// clang or g++ >= 12 on x86-64. Build it next to the kernel, e.g. with ROCm:
//   hipcc -O2 --offload-arch=gfx90a ../bmm.hip bmm_half.cpp -o bmm
//
//===----------------------------------------------------------------------===//

#ifndef CORPUS_INPUT_T
#define CORPUS_INPUT_T _Float16
#endif
#include "../../drivers/bmm.cpp"
