// scale.cpp - y = 2 x + 1 over n floats: the input the proposal tests ask
// an LLM to transform.
static void scale_kernel(const float *x, float *y, int n) {
  for (int i = 0; i < n; ++i)
    y[i] = 2.0f * x[i] + 1.0f;
}

extern "C" void scale(const float *x, float *y, int n) { scale_kernel(x, y, n); }
