/* xpiler: stands in for ROCm's <hip/hip_runtime.h>. */
#ifndef XPILER_HIP_RUNTIME_H
#define XPILER_HIP_RUNTIME_H
#include "xpiler/cuda_core.h"

#define hipThreadIdx_x threadIdx.x
#define hipThreadIdx_y threadIdx.y
#define hipThreadIdx_z threadIdx.z
#define hipBlockIdx_x blockIdx.x
#define hipBlockIdx_y blockIdx.y
#define hipBlockIdx_z blockIdx.z
#define hipBlockDim_x blockDim.x
#define hipBlockDim_y blockDim.y
#define hipBlockDim_z blockDim.z
#define hipGridDim_x gridDim.x
#define hipGridDim_y gridDim.y
#define hipGridDim_z gridDim.z

#define XPILER_HIP_SHFL(T)                                                     \
  __device__ T __shfl(T var, int srcLane, int width = 64);                     \
  __device__ T __shfl_up(T var, unsigned int delta, int width = 64);           \
  __device__ T __shfl_down(T var, unsigned int delta, int width = 64);         \
  __device__ T __shfl_xor(T var, int laneMask, int width = 64);
XPILER_HIP_SHFL(int)
XPILER_HIP_SHFL(unsigned int)
XPILER_HIP_SHFL(long long)
XPILER_HIP_SHFL(float)
XPILER_HIP_SHFL(double)
XPILER_HIP_SHFL(__half)
#undef XPILER_HIP_SHFL
__device__ unsigned long long __ballot(int predicate);
__device__ int __any(int predicate);
__device__ int __all(int predicate);

typedef enum hipError_t { hipSuccess = 0, hipErrorInvalidValue = 1 } hipError_t;
typedef enum hipMemcpyKind {
  hipMemcpyHostToHost = 0,
  hipMemcpyHostToDevice = 1,
  hipMemcpyDeviceToHost = 2,
  hipMemcpyDeviceToDevice = 3,
  hipMemcpyDefault = 4
} hipMemcpyKind;
typedef struct ihipStream_t *hipStream_t;

extern "C" {
hipError_t hipMalloc(void **ptr, size_t size);
hipError_t hipFree(void *ptr);
hipError_t hipMemcpy(void *dst, const void *src, size_t sizeBytes,
                     hipMemcpyKind kind);
hipError_t hipMemset(void *dst, int value, size_t sizeBytes);
hipError_t hipDeviceSynchronize(void);
hipError_t hipStreamCreate(hipStream_t *stream);
hipError_t hipStreamSynchronize(hipStream_t stream);
hipError_t hipStreamDestroy(hipStream_t stream);
hipError_t hipGetLastError(void);
const char *hipGetErrorString(hipError_t error);
int __hipPushCallConfiguration(dim3 gridDim, dim3 blockDim,
                               size_t sharedMem = 0, hipStream_t stream = 0);
}
template <class T> static inline hipError_t hipMalloc(T **ptr, size_t size) {
  return hipMalloc((void **)ptr, size);
}
#define hipLaunchKernelGGL(kernel, grid, block, shmem, stream, ...)           \
  kernel<<<(grid), (block), (shmem), (stream)>>>(__VA_ARGS__)

#endif
