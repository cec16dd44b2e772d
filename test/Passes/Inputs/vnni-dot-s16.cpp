// An int16 dot product in scalar C++, summed in int32
// (xpl-vectorize-avx512-dot.test).
#include <cstdint>

extern "C" void dot_s16(const int16_t *a, const int16_t *b, int32_t *out,
                        int n) {
  int32_t s = 0;
  for (int i = 0; i < n; ++i)
    s += (int32_t)a[i] * (int32_t)b[i];
  out[0] = s;
}
