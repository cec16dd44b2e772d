// Runs the entries of semantics.cpp natively (on an AVX512-VNNI CPU) and
// writes their buffers as .npy files the way `xpiler run --output-dir`
// does, so that the same checks compare the hardware with the oracle.
// usage: semantics-main DIR   (writes DIR/<entry>/<buffer>.npy)

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

extern "C" void dot(int32_t *out);
extern "C" void cvt(int32_t *out);
extern "C" void floats(float *out, int16_t *mask);
extern "C" void reduce(float *out);
extern "C" void bits(int32_t *out);

template <typename T>
static void save(const std::string &path, const char *descr,
                 const std::vector<T> &v) {
  std::string header = "{'descr': '" + std::string(descr) +
                       "', 'fortran_order': False, 'shape': (" +
                       std::to_string(v.size()) + ",), }";
  while ((10 + header.size() + 1) % 64)
    header += ' ';
  header += '\n';
  FILE *f = std::fopen(path.c_str(), "wb");
  if (!f) {
    std::perror(path.c_str());
    std::exit(1);
  }
  std::fwrite("\x93NUMPY\x01\x00", 1, 8, f);
  uint16_t length = (uint16_t)header.size();
  std::fwrite(&length, 2, 1, f);
  std::fwrite(header.data(), 1, header.size(), f);
  std::fwrite(v.data(), sizeof(T), v.size(), f);
  std::fclose(f);
}

int main(int argc, char **argv) {
  std::string dir = argc > 1 ? argv[1] : ".";
  std::vector<int32_t> i16(16), i12(12);
  dot(i16.data());
  save(dir + "/dot/out.npy", "<i4", i16);
  cvt(i12.data());
  save(dir + "/cvt/out.npy", "<i4", i12);
  std::vector<float> f12(12), f2(2);
  std::vector<int16_t> mask(3);
  floats(f12.data(), mask.data());
  save(dir + "/float/out.npy", "<f4", f12);
  save(dir + "/float/mask.npy", "<i2", mask);
  reduce(f2.data());
  save(dir + "/reduce/out.npy", "<f4", f2);
  std::vector<int32_t> i32(32);
  bits(i32.data());
  save(dir + "/bits/out.npy", "<i4", i32);
  return 0;
}
