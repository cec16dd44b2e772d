//===- GpuRuntime.cpp - CUDA/HIP launches, indices, barriers, shared ------===//
//
// A launch runs its blocks one after the other (blockIdx.x fastest); the
// threads of a block run as units of runUnits with warps (32 lanes for CUDA,
// 64 for HIP) as level-1 groups. Warp-level operations (shuffles, votes,
// wmma, mfma) synchronise through level-1 barriers (GpuMatrixRuntime.cpp).
//
//===----------------------------------------------------------------------===//

#include "Runtime.h"

using namespace xpiler::exec::rt;

namespace {
struct GpuState {
  GpuLaunch launch{};
  int64_t blockIdx[3] = {0, 0, 0};
  int64_t threadIdx[3] = {0, 0, 0};
  bool active = false;
};
GpuState gpu;

void updateThreadIdx() {
  int64_t u = currentUnit();
  gpu.threadIdx[0] = u % gpu.launch.block[0];
  gpu.threadIdx[1] = u / gpu.launch.block[0] % gpu.launch.block[1];
  gpu.threadIdx[2] = u / (gpu.launch.block[0] * gpu.launch.block[1]);
}
} // namespace

const GpuLaunch &xpiler::exec::rt::gpuLaunch() { return gpu.launch; }
const int64_t *xpiler::exec::rt::gpuThreadIdx() {
  updateThreadIdx();
  return gpu.threadIdx;
}
const int64_t *xpiler::exec::rt::gpuBlockIdx() { return gpu.blockIdx; }
int64_t xpiler::exec::rt::gpuLaneId() {
  return currentUnit() % gpu.launch.warpSize;
}
int64_t xpiler::exec::rt::gpuWarpBase() { return currentUnit() - gpuLaneId(); }

uint64_t xpiler::exec::rt::gpuLiveLanes() {
  uint64_t mask = 0;
  int64_t base = gpuWarpBase();
  for (int64_t lane = 0; lane < gpu.launch.warpSize; ++lane)
    if (unitIsLive(base + lane))
      mask |= uint64_t(1) << lane;
  return mask;
}

extern "C" {

void __xpl_rt_gpu_launch(void (*entry)(void *), void *closure, int64_t gx,
                         int64_t gy, int64_t gz, int64_t bx, int64_t by,
                         int64_t bz, int64_t dynamicShared, int64_t warpSize,
                         int64_t location) {
  const int64_t grid[3] = {gx, gy, gz}, block[3] = {bx, by, bz};
  for (int i = 0; i < 3; ++i) {
    // CUDA and HIP reject empty launches and grids beyond 2^31-1 x 65535^2.
    if (grid[i] <= 0 || grid[i] > (i == 0 ? 2147483647 : 65535))
      trap(TrapKind::InvalidLaunch, location, grid[i], i);
    if (block[i] <= 0 || block[i] > (i == 2 ? 64 : 1024))
      trap(TrapKind::InvalidLaunch, location, block[i], 3 + i);
  }
  int64_t threads = bx * by * bz;
  if (threads > 1024)
    trap(TrapKind::InvalidLaunch, location, threads, 6);
  if (dynamicShared < 0)
    trap(TrapKind::InvalidLaunch, location, dynamicShared, 7);
  GpuState saved = gpu;
  gpu.launch = GpuLaunch{{gx, gy, gz}, {bx, by, bz}, warpSize, dynamicShared};
  gpu.active = true;
  std::function<void(int64_t)> body = [&](int64_t) { entry(closure); };
  for (int64_t z = 0; z < gz; ++z)
    for (int64_t y = 0; y < gy; ++y)
      for (int64_t x = 0; x < gx; ++x) {
        gpu.blockIdx[0] = x;
        gpu.blockIdx[1] = y;
        gpu.blockIdx[2] = z;
        beginBlockSharedMemory();
        // Only HIP's wavefronts (64 lanes) follow an EXEC mask.
        runUnits(threads, &warpSize, 1, body, location,
                 /*execMaskWarps=*/warpSize == 64);
      }
  beginBlockSharedMemory();
  gpu = saved;
}

/// threadIdx (0), blockIdx (1), blockDim (2), gridDim (3) along `dim`.
int32_t __xpl_rt_gpu_builtin(int64_t which, int64_t dim) {
  if (dim < 0 || dim > 2)
    return 0;
  switch (which) {
  case 0:
    return (int32_t)gpuThreadIdx()[dim];
  case 1:
    return (int32_t)gpu.blockIdx[dim];
  case 2:
    return (int32_t)gpu.launch.block[dim];
  case 3:
    return (int32_t)gpu.launch.grid[dim];
  }
  return 0;
}

void __xpl_rt_gpu_syncthreads(int64_t location) { barrier(0, location); }
void __xpl_rt_gpu_syncwarp(int64_t location) { barrier(1, location); }

void *__xpl_rt_gpu_shared(int64_t slot, int64_t bytes, int64_t location) {
  return blockSharedMemory(slot, bytes, location);
}

/// `extern __shared__` memory: one region of the launch's dynamic size.
void *__xpl_rt_gpu_dynamic_shared(int64_t location) {
  return blockSharedMemory(-1, gpu.launch.dynamicSharedBytes, location);
}
int64_t __xpl_rt_gpu_dynamic_shared_bytes() {
  return gpu.launch.dynamicSharedBytes;
}

} // extern "C"

void xpiler::exec::rt::appendGpuRuntimeSymbols(
    std::vector<RuntimeSymbol> &symbols) {
  symbols.push_back({"__xpl_rt_gpu_launch", (void *)&__xpl_rt_gpu_launch});
  symbols.push_back({"__xpl_rt_gpu_builtin", (void *)&__xpl_rt_gpu_builtin});
  symbols.push_back(
      {"__xpl_rt_gpu_syncthreads", (void *)&__xpl_rt_gpu_syncthreads});
  symbols.push_back({"__xpl_rt_gpu_syncwarp", (void *)&__xpl_rt_gpu_syncwarp});
  symbols.push_back({"__xpl_rt_gpu_shared", (void *)&__xpl_rt_gpu_shared});
  symbols.push_back(
      {"__xpl_rt_gpu_dynamic_shared", (void *)&__xpl_rt_gpu_dynamic_shared});
  symbols.push_back({"__xpl_rt_gpu_dynamic_shared_bytes",
                     (void *)&__xpl_rt_gpu_dynamic_shared_bytes});
}
