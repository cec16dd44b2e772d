// Scalar version of masked_tail in semantics.cpp.
extern "C" void masked_tail(const float *x, float *y, int n) {
  for (int i = 0; i < n; ++i)
    y[i] = x[i] + x[i];
}
