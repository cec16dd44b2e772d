//===- LaunchTest.cpp - task indices, barriers, NRAM and SRAM -------------===//
//
// Launches as the emulator runs them: every core is a thread. The barrier
// tests make the writing cores slow (they sleep before writing) so that a
// barrier that did not wait would let the reading cores see stale data.
//
//===----------------------------------------------------------------------===//

#include "BangTestUtil.h"

namespace {

using bang_test::DeviceBuffer;
using bang_test::sleepMs;

/// Restores the automatic cluster mode after a test that forces one.
struct ScopedClusterMode {
  explicit ScopedClusterMode(bang_emu::ClusterMode mode) {
    bang_emu::setClusterMode(mode);
  }
  ~ScopedClusterMode() {
    bang_emu::setClusterMode(bang_emu::ClusterMode::automatic);
  }
};

//===----------------------------------------------------------------------===//
// Task indices
//===----------------------------------------------------------------------===//

constexpr int kFields = 12;

__mlu_global__ void indexKernel(int *out) {
  int *o = out + taskId * kFields;
  o[0] = taskId;
  o[1] = taskIdX;
  o[2] = taskIdY;
  o[3] = taskIdZ;
  o[4] = taskDim;
  o[5] = taskDimX;
  o[6] = taskDimY;
  o[7] = taskDimZ;
  o[8] = clusterId;
  o[9] = clusterDim;
  o[10] = coreId;
  o[11] = coreDim;
}

std::vector<int> runIndexKernel(cnrtDim3_t dim, cnrtFunctionType_t type) {
  int tasks = int(dim.x * dim.y * dim.z);
  DeviceBuffer<int> out(size_t(tasks * kFields), -7);
  bang_launch(dim, type, nullptr, indexKernel, out.get());
  return out.read();
}

TEST(TaskIndexTest, BlockTasksAreSingleCores) {
  std::vector<int> out = runIndexKernel({3, 2, 2}, cnrtFuncTypeBlock);
  for (int t = 0; t < 12; ++t) {
    const int *o = &out[t * kFields];
    SCOPED_TRACE(t);
    EXPECT_EQ(o[0], t);
    // taskId = taskIdX + taskIdY * taskDimX + taskIdZ * taskDimX * taskDimY
    EXPECT_EQ(o[1], t % 3);
    EXPECT_EQ(o[2], t / 3 % 2);
    EXPECT_EQ(o[3], t / 6);
    EXPECT_EQ(o[4], 12);
    EXPECT_EQ(o[5], 3);
    EXPECT_EQ(o[6], 2);
    EXPECT_EQ(o[7], 2);
    EXPECT_EQ(o[8], 0); // clusterId
    EXPECT_EQ(o[9], 0); // clusterDim: 0 for Block
    EXPECT_EQ(o[10], 0); // coreId
    EXPECT_EQ(o[11], 1); // coreDim
  }
}

TEST(TaskIndexTest, Union1GroupsFourCoresPerCluster) {
  std::vector<int> out = runIndexKernel({8, 1, 1}, cnrtFuncTypeUnion1);
  for (int t = 0; t < 8; ++t) {
    const int *o = &out[t * kFields];
    SCOPED_TRACE(t);
    EXPECT_EQ(o[0], t);
    EXPECT_EQ(o[1], t);
    EXPECT_EQ(o[4], 8);
    EXPECT_EQ(o[8], t / 4); // clusterId
    EXPECT_EQ(o[9], 2);     // clusterDim
    EXPECT_EQ(o[10], t % 4); // coreId
    EXPECT_EQ(o[11], 4);     // coreDim
  }
}

TEST(TaskIndexTest, Union2WithAThreeDimensionalShape) {
  // {2, 4, 2}: 16 tasks, Union2 groups 8 (2 clusters); clusterDim = 4.
  std::vector<int> out = runIndexKernel({2, 4, 2}, cnrtFuncTypeUnion2);
  for (int t = 0; t < 16; ++t) {
    const int *o = &out[t * kFields];
    SCOPED_TRACE(t);
    EXPECT_EQ(o[1], t % 2);
    EXPECT_EQ(o[2], t / 2 % 4);
    EXPECT_EQ(o[3], t / 8);
    EXPECT_EQ(o[4], 16);
    EXPECT_EQ(o[8], t / 4);
    EXPECT_EQ(o[9], 4);
    EXPECT_EQ(o[10], t % 4);
  }
}

TEST(TaskIndexTest, HostCodeSeesOneTask) {
  EXPECT_EQ(taskId, 0);
  EXPECT_EQ(taskDim, 1);
  EXPECT_EQ(coreDim, 1);
}

//===----------------------------------------------------------------------===//
// Per-core NRAM
//===----------------------------------------------------------------------===//

__nram__ int fileScopeNram[4];

__mlu_global__ void nramKernel(int *out) {
  __nram__ int localNram[4];
  fileScopeNram[0] = taskId;
  localNram[0] = 100 + taskId;
  sleepMs(5 * (taskDim - taskId)); // every core writes before any reads
  __sync_all();
  out[2 * taskId] = fileScopeNram[0];
  out[2 * taskId + 1] = localNram[0];
}

TEST(NramTest, EveryCoreHasItsOwn) {
  DeviceBuffer<int> out(16, -1);
  bang_launch(cnrtDim3_t{8, 1, 1}, cnrtFuncTypeUnion1, nullptr, nramKernel,
              out.get());
  std::vector<int> got = out.read();
  for (int t = 0; t < 8; ++t) {
    EXPECT_EQ(got[2 * t], t);
    EXPECT_EQ(got[2 * t + 1], 100 + t);
  }
}

//===----------------------------------------------------------------------===//
// __sync_cluster through SRAM
//===----------------------------------------------------------------------===//

__mlu_shared__ int clusterSlots[4];

// Core c writes slot c after sleeping 25 c ms, then reads slot c + 1 (mod
// 4), written by a slower core: only a real barrier makes it visible.
__mlu_global__ void syncClusterKernel(int *out) {
  sleepMs(25 * coreId);
  clusterSlots[coreId] = 10 * (coreId + 1) + clusterId;
  __sync_cluster();
  out[taskId] = clusterSlots[(coreId + 1) % 4];
}

TEST(SyncTest, SyncClusterWaitsForTheClusterThroughSram) {
  for (int &slot : clusterSlots)
    slot = -1;
  DeviceBuffer<int> out(4, -7);
  bang_launch(cnrtDim3_t{4, 1, 1}, cnrtFuncTypeUnion1, nullptr,
              syncClusterKernel, out.get());
  EXPECT_EQ(out.read(), std::vector<int>({20, 30, 40, 10}));
}

TEST(SyncTest, SyncClusterInEachOfTwoClusters) {
  for (int &slot : clusterSlots)
    slot = -1;
  DeviceBuffer<int> out(8, -7);
  bang_launch(cnrtDim3_t{8, 1, 1}, cnrtFuncTypeUnion1, nullptr,
              syncClusterKernel, out.get());
  // Cluster 1 writes 10 (c + 1) + 1 into its own SRAM.
  EXPECT_EQ(out.read(), std::vector<int>({20, 30, 40, 10, 21, 31, 41, 11}));
}

//===----------------------------------------------------------------------===//
// __sync_all through GDRAM
//===----------------------------------------------------------------------===//

// Core t writes stage[t] after sleeping 10 t ms; after the barrier it reads
// its neighbour's value, written by a slower core (or another cluster).
__mlu_global__ void syncAllKernel(int *stage, int *out) {
  sleepMs(10 * taskId);
  stage[taskId] = 1000 + taskId;
  __sync_all();
  out[taskId] = stage[(taskId + 1) % taskDim];
}

void expectNeighbours(cnrtFunctionType_t type, int tasks) {
  DeviceBuffer<int> stage(size_t(tasks), -1);
  DeviceBuffer<int> out(size_t(tasks), -7);
  bang_launch(cnrtDim3_t{unsigned(tasks), 1, 1}, type, nullptr, syncAllKernel,
              stage.get(), out.get());
  std::vector<int> got = out.read();
  for (int t = 0; t < tasks; ++t)
    EXPECT_EQ(got[t], 1000 + (t + 1) % tasks) << "task " << t;
}

TEST(SyncTest, SyncAllAcrossClustersConcurrent) {
  ScopedClusterMode mode(bang_emu::ClusterMode::concurrent);
  expectNeighbours(cnrtFuncTypeUnion2, 8);
  expectNeighbours(cnrtFuncTypeUnion1, 12);
}

TEST(SyncTest, SyncAllAcrossClustersSerial) {
  ScopedClusterMode mode(bang_emu::ClusterMode::serial);
  expectNeighbours(cnrtFuncTypeUnion2, 8);
  expectNeighbours(cnrtFuncTypeUnion4, 16);
}

// Several barriers in a row: a running sum passed around the ring.
__mlu_global__ void ringKernel(int *value, int rounds) {
  for (int r = 0; r < rounds; ++r) {
    int next = value[(taskId + 1) % taskDim] + 1;
    __sync_all();
    value[taskId] = next;
    __sync_all();
  }
}

TEST(SyncTest, RepeatedSyncAll) {
  for (auto mode :
       {bang_emu::ClusterMode::concurrent, bang_emu::ClusterMode::serial}) {
    ScopedClusterMode scoped(mode);
    std::vector<int> init = {0, 10, 20, 30, 40, 50, 60, 70};
    DeviceBuffer<int> value(init);
    bang_launch(cnrtDim3_t{8, 1, 1}, cnrtFuncTypeUnion1, nullptr, ringKernel,
                value.get(), 3);
    // After 3 rounds, value[t] = init[(t + 3) % 8] + 3.
    std::vector<int> want(8);
    for (int t = 0; t < 8; ++t)
      want[t] = init[(t + 3) % 8] + 3;
    EXPECT_EQ(value.read(), want);
  }
}

__mlu_global__ void blockSyncKernel(int *out) {
  __sync_all(); // no peers in a Block launch: must not wait
  __sync_cluster();
  out[taskId] = taskId;
}

TEST(SyncTest, BlockTasksDoNotWaitForEachOther) {
  DeviceBuffer<int> out(5, -1);
  bang_launch(cnrtDim3_t{5, 1, 1}, cnrtFuncTypeBlock, nullptr, blockSyncKernel,
              out.get());
  EXPECT_EQ(out.read(), std::vector<int>({0, 1, 2, 3, 4}));
}

//===----------------------------------------------------------------------===//
// SRAM is per cluster
//===----------------------------------------------------------------------===//

__mlu_shared__ int clusterValue[1];

// Core 0 of each cluster stores its cluster's value; after __sync_all (when
// every cluster has written) every core reads its own cluster's SRAM.
__mlu_global__ void sramPerClusterKernel(int *out) {
  if (coreId == 0)
    clusterValue[0] = 100 * (clusterId + 1);
  __sync_cluster();
  __sync_all();
  out[taskId] = clusterValue[0];
}

TEST(SramTest, EachClusterHasItsOwnSram) {
  DeviceBuffer<int> out(12, -1);
  bang_launch(cnrtDim3_t{12, 1, 1}, cnrtFuncTypeUnion1, nullptr,
              sramPerClusterKernel, out.get());
  std::vector<int> got = out.read();
  for (int t = 0; t < 12; ++t)
    EXPECT_EQ(got[t], 100 * (t / 4 + 1)) << "task " << t;
}

__mlu_shared__ int sramSource[2];
__mlu_shared__ int sramInbox[2];

// Core 0 of cluster c sends (c + 1) * 7 and c to the SRAM of cluster
// c + 1 (mod clusterDim) with SRAM2SRAM; after __sync_all each core reads
// its own inbox.
__mlu_global__ void sramToClusterKernel(int *out) {
  if (coreId == 0) {
    sramSource[0] = (clusterId + 1) * 7;
    sramSource[1] = clusterId;
    __memcpy(sramInbox, sramSource, 2 * sizeof(int), SRAM2SRAM,
             (clusterId + 1) % clusterDim);
  }
  __sync_all();
  out[2 * taskId] = sramInbox[0];
  out[2 * taskId + 1] = sramInbox[1];
}

TEST(SramTest, Sram2SramWritesAnotherCluster) {
  DeviceBuffer<int> out(32, -1);
  bang_launch(cnrtDim3_t{16, 1, 1}, cnrtFuncTypeUnion4, nullptr,
              sramToClusterKernel, out.get());
  std::vector<int> got = out.read();
  for (int t = 0; t < 16; ++t) {
    int from = (t / 4 + 3) % 4; // the previous cluster
    EXPECT_EQ(got[2 * t], (from + 1) * 7) << "task " << t;
    EXPECT_EQ(got[2 * t + 1], from) << "task " << t;
  }
}

//===----------------------------------------------------------------------===//
// Deadlocks are reported, not hung on
//===----------------------------------------------------------------------===//

__mlu_global__ void earlyExitClusterKernel() {
  if (coreId == 2)
    return;
  __sync_cluster();
}

__mlu_global__ void earlyExitAllKernel() {
  if (taskId == 5)
    return;
  __sync_all();
}

__mlu_global__ void mismatchedBarrierKernel() {
  if (coreId == 0)
    __sync_all();
  else
    __sync_cluster();
}

TEST(SyncDeathTest, DeadlocksAreReported) {
  bang_test::useThreadsafeDeathTests();
  EXPECT_DEATH(bang_launch(cnrtDim3_t{4, 1, 1}, cnrtFuncTypeUnion1, nullptr,
                           earlyExitClusterKernel),
               "deadlock: __sync_cluster in cluster 0 is waited for by 3 of "
               "its 4 cores");
  EXPECT_DEATH(bang_launch(cnrtDim3_t{8, 1, 1}, cnrtFuncTypeUnion1, nullptr,
                           earlyExitAllKernel),
               "deadlock: __sync_all is waited for by 7 of the launch's 8 "
               "cores");
  EXPECT_DEATH(bang_launch(cnrtDim3_t{4, 1, 1}, cnrtFuncTypeUnion1, nullptr,
                           mismatchedBarrierKernel),
               "deadlock");
}

} // namespace
