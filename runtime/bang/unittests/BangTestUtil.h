//===- BangTestUtil.h - helpers of the BANG runtime unit tests --*- C++ -*-===//
//
// Device buffers filled from and read back into host vectors, and the
// threadsafe death-test style (the runtime starts threads).
//
//===----------------------------------------------------------------------===//

#ifndef BANG_TEST_UTIL_H
#define BANG_TEST_UTIL_H

#include <bang.h>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

namespace bang_test {

/// A cnrtMalloc buffer holding a copy of `host`.
template <class T> class DeviceBuffer {
public:
  explicit DeviceBuffer(const std::vector<T> &host) : size_(host.size()) {
    EXPECT_EQ(cnrtMalloc(reinterpret_cast<void **>(&ptr_), bytes()),
              CNRT_RET_SUCCESS);
    EXPECT_EQ(cnrtMemcpy(ptr_, const_cast<T *>(host.data()), bytes(),
                         CNRT_MEM_TRANS_DIR_HOST2DEV),
              CNRT_RET_SUCCESS);
  }
  /// `n` elements of `fill`.
  DeviceBuffer(size_t n, T fill) : DeviceBuffer(std::vector<T>(n, fill)) {}
  ~DeviceBuffer() { EXPECT_EQ(cnrtFree(ptr_), CNRT_RET_SUCCESS); }
  DeviceBuffer(const DeviceBuffer &) = delete;
  DeviceBuffer &operator=(const DeviceBuffer &) = delete;

  T *get() const { return ptr_; }
  size_t bytes() const { return size_ * sizeof(T); }
  std::vector<T> read() const {
    std::vector<T> host(size_);
    EXPECT_EQ(cnrtMemcpy(host.data(), ptr_, bytes(),
                         CNRT_MEM_TRANS_DIR_DEV2HOST),
              CNRT_RET_SUCCESS);
    return host;
  }

private:
  T *ptr_ = nullptr;
  size_t size_;
};

inline void sleepMs(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

/// Death tests re-execute the binary: safe with the runtime's threads.
inline void useThreadsafeDeathTests() {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
}

template <class T> std::vector<float> toFloats(const T *p, size_t n) {
  std::vector<float> out(n);
  for (size_t i = 0; i < n; ++i)
    out[i] = float(p[i]);
  return out;
}

} // namespace bang_test

#endif // BANG_TEST_UTIL_H
