// RUN: xpiler-opt %s -split-input-file -verify-diagnostics --hip-convert-to-cuda
// RUN: not xpiler-opt %s --hip-convert-to-cuda=source-arch=gfx 2>&1 | FileCheck %s --check-prefix=SRCARCH

// SRCARCH: error: unknown HIP architecture 'gfx' (expected gfx<N>, e.g. gfx90a)

// mfma errors: hip-convert-to-cuda-mfma-errors.mlir.
