//===- gemm_half.cpp - driver of the half-input HIP gemm --------*- C++ -*-===//
//
// The HIP gemm computes C = A B on the MFMA matrix cores with _Float16 A
// and B (see ../gemm.hip). This is the shared driver
// ../../drivers/gemm.cpp with its matrix operands passed as _Float16: the
// float inputs are rounded to half before the reference sees them, and the
// half-input tolerance 1e-2 + 1e-2|ref| applies. Host C++17; _Float16 needs
// clang or g++ >= 12 on x86-64. Build it next to the kernel, e.g. with ROCm:
//   hipcc -O2 --offload-arch=gfx90a ../gemm.hip gemm_half.cpp -o gemm
//
//===----------------------------------------------------------------------===//

#ifndef CORPUS_INPUT_T
#define CORPUS_INPUT_T _Float16
#endif
#include "../../drivers/gemm.cpp"
