__device__ int f(int n, ...) { return n; }
__global__ void k(int *x) { x[0] = f(1, 2, 3); }
