/* xpiler: stands in for ROCm's <hip/hip_runtime_api.h>. */
#include "hip/hip_runtime.h"
