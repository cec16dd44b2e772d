/* xpiler: stands in for ROCm's <hip/hip_bf16.h>. */
#include "hip/hip_runtime.h"
