__global__ void k(int n, ...) { }
void h() { k<<<1, 1>>>(1, 2); }
