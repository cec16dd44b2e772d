//===- CudaTypes.td - cuda types ----------------------------*- tablegen -*-===//

#ifndef XPILER_DIALECT_CUDA_CUDATYPES_TD
#define XPILER_DIALECT_CUDA_CUDATYPES_TD

include "cuda/CudaDialect.td"
include "cuda/CudaAttributes.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinTypeInterfaces.td"

class Cuda_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<Cuda_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

def Cuda_FragmentType : Cuda_Type<"Fragment", "fragment",
                                  [MemRefElementTypeInterface]> {
  let summary = "nvcuda::wmma::fragment<Use, m, n, k, T, Layout>";
  let description = [{
    A warp-wide tile of a tensor-core matrix multiply-accumulate, distributed
    over the registers of the 32 threads of a warp. Parameters are the
    template arguments of `nvcuda::wmma::fragment`: the use (`matrix_a`,
    `matrix_b`, `accumulator`), the shape `m`x`n`x`k`, the element type and,
    for `matrix_a`/`matrix_b`, the layout (`row_major`/`col_major`);
    accumulators have no layout (it is printed omitted; `none` is accepted).
    Fragments can be memref elements: a C array of fragments or a fragment
    variable is a `memref` of them.

    Element types: `__half` is `f16`, `__nv_bfloat16` `bf16`,
    `signed char`/`unsigned char` are `si8`/`ui8` (signedness matters to the
    product), `precision::tf32` is `tf32`, `double` `f64`; accumulators are
    `f16`, `f32`, `i32` (`int`) or `f64`. The verifier accepts exactly the
    combinations CUDA defines:

    | matrix_a / matrix_b | accumulator | shapes (m x n x k) |
    |---------------------|-------------|--------------------|
    | `f16`               | `f16`, `f32` | 16x16x16, 32x8x16, 8x32x16 |
    | `bf16`              | `f32`        | 16x16x16, 32x8x16, 8x32x16 |
    | `si8`, `ui8`        | `i32`        | 16x16x16, 32x8x16, 8x32x16 |
    | `tf32`              | `f32`        | 16x16x8 |
    | `f64`               | `f64`        | 8x8x4 |

    The storage element type (of `.x[i]` and of the memory a fragment is
    loaded from) is the element type, except `tf32` (stored as `f32`) and
    `si8`/`ui8` (stored as `i8`).

    ```mlir
    !cuda.fragment<matrix_a, 16x16x16, f16, row_major>
    !cuda.fragment<matrix_b, 16x16x8, tf32, col_major>
    !cuda.fragment<accumulator, 16x16x16, f32>
    ```
  }];
  let parameters = (ins
    EnumParameter<Cuda_FragmentUse>:$use,
    "int64_t":$m, "int64_t":$n, "int64_t":$k,
    "::mlir::Type":$elementType,
    EnumParameter<Cuda_FragmentLayout>:$layout);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The C type of the fragment's `.x[i]` elements and of the memory it is
    /// loaded from and stored to: `f32` for `tf32`, `i8` for `si8`/`ui8`,
    /// the element type otherwise.
    ::mlir::Type getStorageType() const;
    /// Whether the shape is m x n x k.
    bool hasShape(int64_t m, int64_t n, int64_t k) const {
      return getM() == m && getN() == n && getK() == k;
    }
  }];
}

def Cuda_StreamType : Cuda_Type<"Stream", "stream"> {
  let summary = "cudaStream_t";
  let description = [{
    A CUDA stream handle, created by `cuda.stream_create`. The default
    (null) stream is expressed by leaving the stream operand out.

    ```mlir
    %s = cuda.stream_create : !cuda.stream
    ```
  }];
}

#endif // XPILER_DIALECT_CUDA_CUDATYPES_TD
