/*===- cnrt.h - the CNRT host API surface xpiler's importer parses -------===*
 *
 * Shipped with xpiler so that no Cambricon SDK is needed to import a .mlu
 * host launcher: queues, device memory, copies, launch dimensions, kernel
 * function types and the launch configuration hook that lets Clang (parsing
 * BANG as CUDA) accept `kernel<<<dim, type, queue>>>(args)`. Only
 * declarations: the importer maps each call by name to its bang op.
 *===----------------------------------------------------------------------===*/
#ifndef XPILER_CNRT_H
#define XPILER_CNRT_H

#include <stddef.h>

typedef enum {
  CNRT_RET_SUCCESS = 0,
  cnrtSuccess = 0,
  CNRT_RET_ERR_INVALID = 632007,
  CNRT_RET_ERR_NOMEM = 632008,
  CNRT_RET_ERR_UNKNOWN = 999991,
} cnrtRet_t;

typedef enum {
  CNRT_MEM_TRANS_DIR_HOST2DEV = 0,
  CNRT_MEM_TRANS_DIR_DEV2DEV = 1,
  CNRT_MEM_TRANS_DIR_DEV2HOST = 2,
  CNRT_MEM_TRANS_DIR_HOST2HOST = 3,
  cnrtMemcpyHostToDev = 0,
  cnrtMemcpyDevToDev = 1,
  cnrtMemcpyDevToHost = 2,
  cnrtMemcpyHostToHost = 3,
} cnrtMemTransDir_t;

/// Both the CNRT 4 (CNRT_FUNC_TYPE_*) and the CNRT 5+ (cnrtFuncType*)
/// spellings, with Cambricon's values (the number of cores of a union
/// task: Block = 1, UnionN = 4 N).
typedef enum {
  CNRT_FUNC_TYPE_BLOCK = 1,
  CNRT_FUNC_TYPE_BLOCK0 = 1,
  CNRT_FUNC_TYPE_UNION1 = 4,
  CNRT_FUNC_TYPE_UNION2 = 8,
  CNRT_FUNC_TYPE_UNION4 = 16,
  CNRT_FUNC_TYPE_UNION8 = 32,
  CNRT_FUNC_TYPE_UNION16 = 64,
  cnrtFuncTypeBlock = 1,
  cnrtFuncTypeBlock0 = 1,
  cnrtFuncTypeUnion1 = 4,
  cnrtFuncTypeUnion2 = 8,
  cnrtFuncTypeUnion4 = 16,
  cnrtFuncTypeUnion8 = 32,
  cnrtFuncTypeUnion16 = 64,
} cnrtFunctionType_t;

/// Named `dim3` (with CUDA's constructor) so that the importer treats a
/// cnrtDim3_t like a CUDA dim3: `cnrtDim3_t dim = {x, y, z};`.
struct dim3 {
  unsigned int x, y, z;
  constexpr dim3(unsigned int vx = 1, unsigned int vy = 1,
                 unsigned int vz = 1)
      : x(vx), y(vy), z(vz) {}
};
typedef struct dim3 cnrtDim3_t;

/// An opaque queue; the importer keys queue variables on this record name.
struct cnrtQueue;
typedef struct cnrtQueue *cnrtQueue_t;

extern "C" {
cnrtRet_t cnrtQueueCreate(cnrtQueue_t *queue);
cnrtRet_t cnrtQueueSync(cnrtQueue_t queue);
cnrtRet_t cnrtQueueDestroy(cnrtQueue_t queue);
// CNRT 4 spellings.
cnrtRet_t cnrtCreateQueue(cnrtQueue_t *queue);
cnrtRet_t cnrtSyncQueue(cnrtQueue_t queue);
cnrtRet_t cnrtDestroyQueue(cnrtQueue_t queue);

cnrtRet_t cnrtMalloc(void **ptr, size_t bytes);
cnrtRet_t cnrtFree(void *ptr);
cnrtRet_t cnrtMemcpy(void *dst, void *src, size_t bytes,
                     cnrtMemTransDir_t dir);
const char *cnrtGetErrorStr(cnrtRet_t ret);

// Declared so that code using them parses; the bang dialect has no op.
cnrtRet_t cnrtMemset(void *ptr, int value, size_t bytes);
cnrtRet_t cnrtInit(unsigned int flags);
void cnrtDestroy(void);
cnrtRet_t cnrtSyncDevice(void);
cnrtRet_t cnrtGetDeviceCount(unsigned int *count);
cnrtRet_t cnrtSetDevice(int device);
cnrtRet_t cnrtGetDevice(int *device);

/// What Clang calls for `kernel<<<dim, type, queue>>>(args)`.
int __cudaPushCallConfiguration(cnrtDim3_t dim, cnrtFunctionType_t type,
                                cnrtQueue_t queue, void *unused = 0);
}

#endif // XPILER_CNRT_H
