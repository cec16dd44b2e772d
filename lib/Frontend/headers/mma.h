/* xpiler: stands in for the CUDA SDK's <mma.h> (nvcuda::wmma). */
#ifndef XPILER_MMA_H
#define XPILER_MMA_H
#include "xpiler/cuda_runtime_api.h"

namespace nvcuda {
namespace wmma {
struct matrix_a;
struct matrix_b;
struct accumulator;
struct row_major;
struct col_major;
namespace precision { struct tf32; }
enum layout_t { mem_row_major, mem_col_major };

/// Elements each lane holds (sm_70+ layouts of the 16-bit/8-bit shapes).
template <typename Use, int m, int n, int k, typename T> struct __frag_size {
  static constexpr int value = 8;
};
template <int m, int n, int k> struct __frag_size<matrix_a, m, n, k, __half> {
  static constexpr int value = 16;
};
template <int m, int n, int k> struct __frag_size<matrix_b, m, n, k, __half> {
  static constexpr int value = 16;
};

template <typename Use, int m, int n, int k, typename T,
          typename Layout = void>
class fragment {
public:
  enum { num_elements = __frag_size<Use, m, n, k, T>::value };
  T x[num_elements];
};

template <typename Use, int m, int n, int k, typename T, typename L>
__device__ void fill_fragment(fragment<Use, m, n, k, T, L> &a, const T &v);
template <typename Use, int m, int n, int k, typename T, typename L>
__device__ void load_matrix_sync(fragment<Use, m, n, k, T, L> &a, const T *p,
                                 unsigned ldm);
template <typename Use, int m, int n, int k, typename T>
__device__ void load_matrix_sync(fragment<Use, m, n, k, T, void> &a,
                                 const T *p, unsigned ldm, layout_t layout);
template <int m, int n, int k, typename T>
__device__ void store_matrix_sync(T *p,
                                  const fragment<accumulator, m, n, k, T> &a,
                                  unsigned ldm, layout_t layout);
template <int m, int n, int k, typename TA, typename LA, typename LB,
          typename TC>
__device__ void mma_sync(fragment<accumulator, m, n, k, TC> &d,
                         const fragment<matrix_a, m, n, k, TA, LA> &a,
                         const fragment<matrix_b, m, n, k, TA, LB> &b,
                         const fragment<accumulator, m, n, k, TC> &c,
                         bool satf = false);
} // namespace wmma
} // namespace nvcuda
#endif
