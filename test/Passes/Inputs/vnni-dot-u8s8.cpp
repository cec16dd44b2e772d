// An int8 dot product as a person writes it in scalar C++: u8 activations
// times s8 weights, summed in int32 (xpl-vectorize-avx512-dot.test).
#include <cstdint>

extern "C" void dot_u8s8(const uint8_t *a, const int8_t *b, int32_t *out,
                         int n) {
  int32_t s = 0;
  for (int i = 0; i < n; ++i)
    s += (int32_t)a[i] * (int32_t)b[i];
  out[0] = s;
}
