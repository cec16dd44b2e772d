// Ops and types the HIP emitter has no spelling for are errors naming them.
// RUN: xpiler-translate --emit-hip --split-input-file --verify-diagnostics %s

func.func @foreign() attributes {hip.kernel} {
  // expected-error @below {{cannot emit 'cuda.syncthreads' as HIP source}}
  cuda.syncthreads
  return
}

// -----

// expected-error @below {{cannot emit type '!cuda.stream' as HIP source}}
func.func @stream(%s: !cuda.stream) {
  return
}

// -----

func.func @alloca(%n: index) attributes {hip.kernel} {
  // expected-error @below {{cannot emit a dynamically sized local array}}
  %a = memref.alloca(%n) : memref<?xf32>
  return
}
