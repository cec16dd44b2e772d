/* xpiler: stands in for ROCm's <hip/hip_fp16.h>. */
#include "hip/hip_runtime.h"
