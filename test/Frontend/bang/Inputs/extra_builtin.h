// A vendor builtin the bang dialect does not model (errors.mlu).
__attribute__((device)) void __bang_lut(float *dst, const float *src,
                                        int elem_count);
