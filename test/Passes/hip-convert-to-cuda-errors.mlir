// RUN: xpiler-opt %s -split-input-file -verify-diagnostics --hip-convert-to-cuda
// RUN: not xpiler-opt %s --hip-convert-to-cuda=source-arch=gfx 2>&1 | FileCheck %s --check-prefix=SRCARCH

// SRCARCH: error: unknown HIP architecture 'gfx' (expected gfx<N>, e.g. gfx90a)

func.func @mfma(%a: vector<4xf16>, %c: vector<4xf32>) -> vector<4xf32> attributes {hip.device} {
  // expected-error @below {{'hip.mfma' has no CUDA equivalent: mfma maps to wmma only through detensorize and re-tensorization, which this direct conversion does not do}}
  %d = hip.mfma <f32_16x16x16f16> %a, %a, %c cbsz = 0 abid = 0 blgp = 0 : vector<4xf16>, vector<4xf16>, vector<4xf32>
  return %d : vector<4xf32>
}
