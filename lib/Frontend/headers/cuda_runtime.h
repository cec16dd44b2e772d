/* xpiler: stands in for the CUDA SDK header of this name. */
#include "xpiler/cuda_runtime_api.h"
