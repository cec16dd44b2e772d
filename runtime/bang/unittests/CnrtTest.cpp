//===- CnrtTest.cpp - the CNRT host API -----------------------------------===//

#include "BangTestUtil.h"

namespace {

using V = std::vector<float>;

TEST(CnrtTest, EnumValues) {
  // The function type is the number of cores of one task group.
  EXPECT_EQ(int(cnrtFuncTypeBlock), 1);
  EXPECT_EQ(int(CNRT_FUNC_TYPE_BLOCK), 1);
  EXPECT_EQ(int(cnrtFuncTypeUnion1), 4);
  EXPECT_EQ(int(CNRT_FUNC_TYPE_UNION2), 8);
  EXPECT_EQ(int(cnrtFuncTypeUnion4), 16);
  EXPECT_EQ(int(CNRT_FUNC_TYPE_UNION8), 32);
  EXPECT_EQ(int(cnrtFuncTypeUnion16), 64);
  EXPECT_EQ(int(CNRT_MEM_TRANS_DIR_HOST2DEV), 0);
  EXPECT_EQ(int(CNRT_MEM_TRANS_DIR_DEV2DEV), 1);
  EXPECT_EQ(int(CNRT_MEM_TRANS_DIR_DEV2HOST), 2);
  EXPECT_EQ(int(CNRT_MEM_TRANS_DIR_HOST2HOST), 3);
  EXPECT_EQ(int(CNRT_RET_SUCCESS), 0);
  EXPECT_EQ(int(GDRAM2NRAM), 0);
  EXPECT_EQ(int(NRAM2GDRAM), 1);
  EXPECT_EQ(int(GDRAM2GDRAM), 19);
  EXPECT_EQ(int(SRAM2SRAM), 22);
  EXPECT_EQ(int(LDRAM2LDRAM), 23);
  cnrtDim3_t dim = {2, 3, 4};
  EXPECT_EQ(dim.x * dim.y * dim.z, 24u);
}

TEST(CnrtTest, QueueLifecycle) {
  cnrtQueue_t queue;
  ASSERT_EQ(cnrtQueueCreate(&queue), CNRT_RET_SUCCESS);
  EXPECT_EQ(cnrtQueueSync(queue), CNRT_RET_SUCCESS);
  EXPECT_EQ(cnrtQueueDestroy(queue), CNRT_RET_SUCCESS);
  EXPECT_EQ(cnrtQueueDestroy(queue), CNRT_RET_ERR_INVALID);
  EXPECT_EQ(cnrtQueueCreate(nullptr), CNRT_RET_ERR_INVALID);
}

TEST(CnrtTest, MallocMemcpyFree) {
  float *device = nullptr;
  ASSERT_EQ(cnrtMalloc(reinterpret_cast<void **>(&device), 3 * sizeof(float)),
            CNRT_RET_SUCCESS);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(device) % 64, 0u);
  // Fresh device memory is filled with 0xFF bytes: NaN floats.
  float fresh[3];
  ASSERT_EQ(
      cnrtMemcpy(fresh, device, sizeof fresh, CNRT_MEM_TRANS_DIR_DEV2HOST),
      CNRT_RET_SUCCESS);
  EXPECT_TRUE(std::isnan(fresh[0]));

  float host[3] = {1, 2, 3};
  EXPECT_EQ(cnrtMemcpy(device, host, sizeof host, CNRT_MEM_TRANS_DIR_HOST2DEV),
            CNRT_RET_SUCCESS);
  float *other = nullptr;
  ASSERT_EQ(cnrtMalloc(reinterpret_cast<void **>(&other), sizeof host),
            CNRT_RET_SUCCESS);
  EXPECT_EQ(cnrtMemcpy(other, device, sizeof host, CNRT_MEM_TRANS_DIR_DEV2DEV),
            CNRT_RET_SUCCESS);
  float back[3] = {};
  EXPECT_EQ(cnrtMemcpy(back, other, sizeof back, cnrtMemcpyDevToHost),
            CNRT_RET_SUCCESS);
  EXPECT_EQ(V(back, back + 3), V({1, 2, 3}));
  float copy[3] = {};
  EXPECT_EQ(cnrtMemcpy(copy, back, sizeof copy, CNRT_MEM_TRANS_DIR_HOST2HOST),
            CNRT_RET_SUCCESS);
  EXPECT_EQ(V(copy, copy + 3), V({1, 2, 3}));
  EXPECT_EQ(cnrtMemset(device, 0, sizeof host), CNRT_RET_SUCCESS);
  EXPECT_EQ(cnrtMemcpy(back, device, sizeof back, CNRT_MEM_TRANS_DIR_DEV2HOST),
            CNRT_RET_SUCCESS);
  EXPECT_EQ(V(back, back + 3), V({0, 0, 0}));
  EXPECT_EQ(cnrtFree(device), CNRT_RET_SUCCESS);
  EXPECT_EQ(cnrtFree(other), CNRT_RET_SUCCESS);
}

TEST(CnrtTest, MemcpyErrors) {
  float *device = nullptr;
  ASSERT_EQ(cnrtMalloc(reinterpret_cast<void **>(&device), 8),
            CNRT_RET_SUCCESS);
  float host[4] = {};
  // Direction says the destination is the device, but it is host memory.
  EXPECT_EQ(cnrtMemcpy(host, device, 8, CNRT_MEM_TRANS_DIR_HOST2DEV),
            CNRT_RET_ERR_INVALID);
  // More bytes than the block holds.
  EXPECT_EQ(cnrtMemcpy(device, host, 12, CNRT_MEM_TRANS_DIR_HOST2DEV),
            CNRT_RET_ERR_INVALID);
  EXPECT_EQ(cnrtMemcpy(host, device + 1, 8, CNRT_MEM_TRANS_DIR_DEV2HOST),
            CNRT_RET_ERR_INVALID);
  EXPECT_EQ(cnrtMemcpy(host, device, 8, cnrtMemTransDir_t(7)),
            CNRT_RET_ERR_INVALID);
  EXPECT_EQ(cnrtFree(host), CNRT_RET_ERR_INVALID);
  EXPECT_EQ(cnrtFree(device), CNRT_RET_SUCCESS);
  EXPECT_EQ(cnrtFree(device), CNRT_RET_ERR_INVALID);
}

// Arguments are converted to the kernel's parameter types as in a call.
__mlu_global__ void convertKernel(float *out, float scale, int count,
                                  half h) {
  if (taskId == 0)
    for (int i = 0; i < count; ++i)
      out[i] = scale * float(i) + float(h);
}

TEST(CnrtTest, LaunchConvertsArguments) {
  bang_test::DeviceBuffer<float> out(3, 0.0f);
  cnrtQueue_t queue;
  ASSERT_EQ(cnrtQueueCreate(&queue), CNRT_RET_SUCCESS);
  // int -> float, double -> int (3), float -> half; an integer dimension.
  bang_launch(2, cnrtFuncTypeBlock, queue, convertKernel, out.get(), 2, 3.0,
              0.5f);
  EXPECT_EQ(cnrtQueueSync(queue), CNRT_RET_SUCCESS);
  EXPECT_EQ(out.read(), V({0.5f, 2.5f, 4.5f}));
  cnrtQueueDestroy(queue);
}

__mlu_global__ void emptyKernel() {}

TEST(CnrtDeathTest, BadLaunches) {
  bang_test::useThreadsafeDeathTests();
  EXPECT_DEATH(bang_launch(cnrtDim3_t{4, 1, 1}, cnrtFuncTypeUnion2, nullptr,
                           emptyKernel),
               "a Union2 launch needs a multiple of 8 tasks");
  EXPECT_DEATH(bang_launch(cnrtDim3_t{2, 1, 1}, cnrtFuncTypeUnion1, nullptr,
                           emptyKernel),
               "a Union1 launch needs a multiple of 4 tasks");
  EXPECT_DEATH(bang_launch(cnrtDim3_t{0, 1, 1}, cnrtFuncTypeBlock, nullptr,
                           emptyKernel),
               "has a zero");
  EXPECT_DEATH(bang_launch(cnrtDim3_t{1, 1, 1}, 3, nullptr, emptyKernel),
               "invalid cnrtFunctionType_t 3");
  cnrtQueue_t queue;
  cnrtQueueCreate(&queue);
  cnrtQueueDestroy(queue);
  EXPECT_DEATH(bang_launch(cnrtDim3_t{1, 1, 1}, cnrtFuncTypeBlock, queue,
                           emptyKernel),
               "not a live queue");
}

} // namespace
