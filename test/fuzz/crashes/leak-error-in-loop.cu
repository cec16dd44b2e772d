__global__ void k(int *x) {
  for (int i = 0; i < 4; ++i) {
  l:
    goto l;
  }
}
