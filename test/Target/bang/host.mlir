// The CNRT host launcher: queue, device buffers, copies, the <<<>>> launch,
// every call checked through CNRT_CHECK, and the source's extern "C"
// signature.
// RUN: xpiler-translate --emit-bang %s -o %t.mlu
// RUN: FileCheck %s < %t.mlu
// RUN: env BANG_CXX=%cxx %xpiler_src/runtime/bang/bin/bang-cc -fsyntax-only %t.mlu

!gd = memref<?xf32, #bang.memory_space<gdram>>

// CHECK: #define CNRT_CHECK(call)
// CHECK: cnrtRet_t status_ = (call);
// CHECK-NEXT: if (status_ != CNRT_RET_SUCCESS) {
// CHECK: cnrtGetErrorStr(status_));
// CHECK-NEXT: std::exit(1);

// CHECK: __mlu_entry__ void scale(float *arg0, int32_t arg1) {
func.func @scale(%p: !gd, %n: i32) attributes {bang.kernel} {
  %c0 = arith.constant 0 : index
  %x = memref.load %p[%c0] : !gd
  %y = arith.addf %x, %x : f32
  memref.store %y, %p[%c0] : !gd
  return
}

// CHECK-LABEL: extern "C" void launch(const float *arg0, float *arg1, int32_t arg2,
// CHECK-NEXT: int32_t arg3) {
func.func @launch(%in: memref<?xf32>, %out: memref<?xf32>, %n: i32, %clusters: i32) {
  %c1 = arith.constant 1 : i32
  %c4 = arith.constant 4 : i32
  %c4_i64 = arith.constant 4 : i64
  // CHECK: int64_t v = (int64_t)arg2 * 4;
  %n64 = arith.extsi %n : i32 to i64
  %bytes = arith.muli %n64, %c4_i64 : i64
  // CHECK-NEXT: cnrtQueue_t queue;
  // CHECK-NEXT: CNRT_CHECK(cnrtQueueCreate(&queue));
  %q = bang.queue_create : !bang.queue
  // CHECK-NEXT: float *device = nullptr;
  // CHECK-NEXT: CNRT_CHECK(cnrtMalloc((void **)&device, v));
  %d = bang.malloc %bytes : !gd
  // CHECK-NEXT: int32_t *device2 = nullptr;
  // CHECK-NEXT: CNRT_CHECK(cnrtMalloc((void **)&device2, 64));
  %c64 = arith.constant 64 : i64
  %d2 = bang.malloc %c64 : memref<16xi32, #bang.memory_space<gdram>>
  // A read-only host argument is a pointer to const: cnrtMemcpy takes void *.
  // CHECK-NEXT: CNRT_CHECK(cnrtMemcpy(device, (void *)arg0, v, cnrtMemcpyHostToDev));
  bang.cnrt_memcpy %d, %in, %bytes, <host2dev> : !gd, memref<?xf32>
  // CHECK-NEXT: CNRT_CHECK(cnrtMemcpy(device, device, v, cnrtMemcpyDevToDev));
  bang.cnrt_memcpy %d, %d, %bytes, <dev2dev> : !gd, !gd
  // CHECK-NEXT: cnrtDim3_t dim = {4, (unsigned)arg3, 1};
  %dim = bang.dim3 %c4, %clusters, %c1 : !bang.dim3
  // CHECK-NEXT: scale<<<dim, cnrtFuncTypeUnion1, queue>>>(device, arg2);
  bang.launch @scale dim(%dim) func_type(<union1>) queue(%q) args(%d, %n : !gd, i32)
  // CHECK-NEXT: cnrtDim3_t dim2 = {1, 1, 1};
  // CHECK-NEXT: scale<<<dim2, cnrtFuncTypeBlock, queue>>>(device, 1);
  // CHECK-NEXT: scale<<<dim2, cnrtFuncTypeUnion2, queue>>>(device, 1);
  // CHECK-NEXT: scale<<<dim2, cnrtFuncTypeUnion4, queue>>>(device, 1);
  // CHECK-NEXT: scale<<<dim2, cnrtFuncTypeUnion8, queue>>>(device, 1);
  // CHECK-NEXT: scale<<<dim2, cnrtFuncTypeUnion16, queue>>>(device, 1);
  %one = bang.dim3 %c1, %c1, %c1 : !bang.dim3
  bang.launch @scale dim(%one) func_type(<block>) queue(%q) args(%d, %c1 : !gd, i32)
  bang.launch @scale dim(%one) func_type(<union2>) queue(%q) args(%d, %c1 : !gd, i32)
  bang.launch @scale dim(%one) func_type(<union4>) queue(%q) args(%d, %c1 : !gd, i32)
  bang.launch @scale dim(%one) func_type(<union8>) queue(%q) args(%d, %c1 : !gd, i32)
  bang.launch @scale dim(%one) func_type(<union16>) queue(%q) args(%d, %c1 : !gd, i32)
  // CHECK-NEXT: CNRT_CHECK(cnrtQueueSync(queue));
  bang.queue_sync %q : !bang.queue
  // CHECK-NEXT: CNRT_CHECK(cnrtMemcpy(arg1, device, v, cnrtMemcpyDevToHost));
  bang.cnrt_memcpy %out, %d, %bytes, <dev2host> : memref<?xf32>, !gd
  // CHECK-NEXT: CNRT_CHECK(cnrtMemcpy(arg1, (void *)arg0, v, cnrtMemcpyHostToHost));
  bang.cnrt_memcpy %out, %in, %bytes, <host2host> : memref<?xf32>, memref<?xf32>
  // CHECK-NEXT: CNRT_CHECK(cnrtFree(device));
  // CHECK-NEXT: CNRT_CHECK(cnrtFree(device2));
  bang.free %d : !gd
  bang.free %d2 : memref<16xi32, #bang.memory_space<gdram>>
  // CHECK-NEXT: CNRT_CHECK(cnrtQueueDestroy(queue));
  bang.queue_destroy %q : !bang.queue
  return
}
