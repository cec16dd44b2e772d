// Runs the vectorized dot_u8s8 and dot_s16 (xpl-vectorize-avx512-dot.test)
// on random data of every length 0..300 against a scalar reference summed
// with wrapping (unsigned) arithmetic; with -DSATURATE the s16 reference
// saturates each pair sum as _mm512_dpwssds_epi32 does, and the data stay
// small enough that neither wraps nor saturates.
#include <cstdint>
#include <cstdio>
#include <random>
#include <vector>

extern "C" void dot_u8s8(const uint8_t *a, const int8_t *b, int32_t *out,
                         int n);
extern "C" void dot_s16(const int16_t *a, const int16_t *b, int32_t *out,
                        int n);

int main() {
  std::mt19937 rng(7);
  int failures = 0;
  for (int n = 0; n <= 300; ++n) {
    std::vector<uint8_t> a8(n);
    std::vector<int8_t> b8(n);
    std::vector<int16_t> a16(n), b16(n);
    uint32_t want8 = 0, want16 = 0;
    for (int i = 0; i < n; ++i) {
      a8[i] = uint8_t(rng());
      b8[i] = int8_t(rng());
#ifdef SATURATE
      a16[i] = int16_t(int(rng() % 2001) - 1000);
      b16[i] = int16_t(int(rng() % 2001) - 1000);
#else
      // Full range: the int32 sum wraps, as the IR's addi does.
      a16[i] = int16_t(rng());
      b16[i] = int16_t(rng());
#endif
      want8 += uint32_t(int32_t(a8[i]) * int32_t(b8[i]));
      want16 += uint32_t(int32_t(a16[i]) * int32_t(b16[i]));
    }
    int32_t got8 = -1, got16 = -1;
    dot_u8s8(a8.data(), b8.data(), &got8, n);
    dot_s16(a16.data(), b16.data(), &got16, n);
    if (got8 != int32_t(want8) || got16 != int32_t(want16)) {
      std::printf("n=%d: u8s8 %d (want %d), s16 %d (want %d)\n", n, got8,
                  int32_t(want8), got16, int32_t(want16));
      ++failures;
    }
  }
  std::printf("%s\n", failures ? "FAIL" : "dot products ok");
  return failures != 0;
}
