/*===- cuda_core.h - the CUDA/HIP surface xpiler's importer parses -------===*
 *
 * Shipped with xpiler so that no vendor SDK is needed to import: qualifiers,
 * dim3, the built-in variables, barriers, warp shuffles and votes, atomics,
 * half/bfloat16, device math overloads and the launch configuration hook.
 * Only declarations: the importer maps each call by name to its dialect op.
 *===----------------------------------------------------------------------===*/
#ifndef XPILER_CUDA_CORE_H
#define XPILER_CUDA_CORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#define __global__ __attribute__((global))
#define __device__ __attribute__((device))
#define __host__ __attribute__((host))
#define __shared__ __attribute__((shared))
#define __constant__ __attribute__((constant))
#define __managed__ __attribute__((managed))
#define __launch_bounds__(...) __attribute__((launch_bounds(__VA_ARGS__)))
#define __forceinline__ __inline__ __attribute__((always_inline))
#define __noinline__ __attribute__((noinline))
#define __restrict__ __restrict
#define __align__(n) __attribute__((aligned(n)))

struct uint3 { unsigned int x, y, z; };
struct dim3 {
  unsigned int x, y, z;
  __host__ __device__ constexpr dim3(unsigned int vx = 1, unsigned int vy = 1,
                                     unsigned int vz = 1)
      : x(vx), y(vy), z(vz) {}
};

extern const __device__ uint3 threadIdx;
extern const __device__ uint3 blockIdx;
extern const __device__ dim3 blockDim;
extern const __device__ dim3 gridDim;
extern const __device__ int warpSize;

typedef _Float16 __half;
typedef __half half;
typedef __bf16 __nv_bfloat16;
typedef __bf16 __bfloat16;
typedef __bf16 hip_bfloat16;

__device__ void __syncthreads();
__device__ void __syncwarp(unsigned int mask = 0xffffffffu);
__device__ void __threadfence();
__device__ void __threadfence_block();
__device__ void __threadfence_system();

#define XPILER_SHFL(T)                                                         \
  __device__ T __shfl_sync(unsigned int mask, T var, int srcLane,              \
                           int width = 32);                                    \
  __device__ T __shfl_up_sync(unsigned int mask, T var, unsigned int delta,    \
                              int width = 32);                                 \
  __device__ T __shfl_down_sync(unsigned int mask, T var, unsigned int delta,  \
                                int width = 32);                               \
  __device__ T __shfl_xor_sync(unsigned int mask, T var, int laneMask,         \
                               int width = 32);
XPILER_SHFL(int)
XPILER_SHFL(unsigned int)
XPILER_SHFL(long long)
XPILER_SHFL(unsigned long long)
XPILER_SHFL(float)
XPILER_SHFL(double)
XPILER_SHFL(__half)
#undef XPILER_SHFL
__device__ unsigned int __ballot_sync(unsigned int mask, int predicate);
__device__ int __any_sync(unsigned int mask, int predicate);
__device__ int __all_sync(unsigned int mask, int predicate);

#define XPILER_ATOMIC(T)                                                       \
  __device__ T atomicAdd(T *address, T val);                                   \
  __device__ T atomicExch(T *address, T val);
XPILER_ATOMIC(int)
XPILER_ATOMIC(unsigned int)
XPILER_ATOMIC(unsigned long long)
XPILER_ATOMIC(float)
#undef XPILER_ATOMIC
__device__ double atomicAdd(double *address, double val);
#define XPILER_ATOMIC_INT(T)                                                   \
  __device__ T atomicSub(T *address, T val);                                   \
  __device__ T atomicMin(T *address, T val);                                   \
  __device__ T atomicMax(T *address, T val);                                   \
  __device__ T atomicAnd(T *address, T val);                                   \
  __device__ T atomicOr(T *address, T val);                                    \
  __device__ T atomicXor(T *address, T val);                                   \
  __device__ T atomicCAS(T *address, T compare, T val);
XPILER_ATOMIC_INT(int)
XPILER_ATOMIC_INT(unsigned int)
#undef XPILER_ATOMIC_INT
__device__ unsigned int atomicInc(unsigned int *address, unsigned int val);
__device__ unsigned int atomicDec(unsigned int *address, unsigned int val);

/* half / bfloat16 conversions. */
__host__ __device__ __half __float2half(float);
__host__ __device__ __half __float2half_rn(float);
__host__ __device__ float __half2float(__half);
__host__ __device__ __nv_bfloat16 __float2bfloat16(float);
__host__ __device__ float __bfloat162float(__nv_bfloat16);

/* Device math: the float forms (clang's forward declarations below give
   the double, overloaded and std:: forms). */
#define XPILER_MATH1(name) __device__ float name(float);
XPILER_MATH1(expf) XPILER_MATH1(exp2f) XPILER_MATH1(logf) XPILER_MATH1(log2f)
XPILER_MATH1(sqrtf) XPILER_MATH1(rsqrtf) XPILER_MATH1(tanhf) XPILER_MATH1(erff)
XPILER_MATH1(sinf) XPILER_MATH1(cosf) XPILER_MATH1(tanf) XPILER_MATH1(floorf)
XPILER_MATH1(ceilf) XPILER_MATH1(roundf) XPILER_MATH1(truncf)
XPILER_MATH1(fabsf) XPILER_MATH1(__expf) XPILER_MATH1(__logf)
XPILER_MATH1(__sinf) XPILER_MATH1(__cosf) XPILER_MATH1(__frsqrt_rn)
#undef XPILER_MATH1
__device__ float powf(float, float);
__device__ float __powf(float, float);
__device__ float fmaxf(float, float);
__device__ float fminf(float, float);
__device__ float fmodf(float, float);
__device__ float __fdividef(float, float);
__device__ float fmaf(float, float, float);
__device__ double rsqrt(double);
__device__ int max(int, int);
__device__ int min(int, int);
__device__ unsigned int max(unsigned int, unsigned int);
__device__ unsigned int min(unsigned int, unsigned int);
__device__ long long max(long long, long long);
__device__ long long min(long long, long long);
__device__ float max(float, float);
__device__ float min(float, float);
__device__ double max(double, double);
__device__ double min(double, double);

#include <__clang_cuda_math_forward_declares.h>

#endif /* XPILER_CUDA_CORE_H */
