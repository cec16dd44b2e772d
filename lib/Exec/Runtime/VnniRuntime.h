//===- VnniRuntime.h - reference semantics of the vnni intrinsics -*- C++ -*-===//
//
// The `extern "C"` functions VnniExec.cpp lowers vnni ops to. Vectors cross
// the boundary as pointers to their bytes (lane 0 at the lowest address, as
// in a register spilled to memory); `bytes` is the vector width in bytes
// (64, 32 or 16). Enum arguments are the numeric values of the vnni
// dialect's enums (VnniAttributes.td): DotKind, Lane, BinaryKind,
// ReduceKind, CvtKind, CmpPredicate. Masks are the C `__mmask*` value
// zero-extended to 64 bits.
//
// Buffer operands come as (data, extent in elements, element size in
// bytes, linear element index of the access) plus the location id a trap
// reports; every byte touched is checked with checkRange first, and lanes a
// mask turns off are neither checked nor accessed (Intel's fault
// suppression).
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_LIB_EXEC_RUNTIME_VNNIRUNTIME_H
#define XPILER_LIB_EXEC_RUNTIME_VNNIRUNTIME_H

#include <cstdint>

extern "C" {

/// vpdpbusd/vpdpbusds/vpdpwssd/vpdpwssds (vnni.dp).
void __xpl_rt_vnni_dp(int32_t kind, int64_t bytes, void *result,
                      const void *acc, const void *a, const void *b);
/// Lane-wise arithmetic (vnni.binary); `masked` = 0: no mask; `passthru`
/// null: masked-off lanes are zero.
void __xpl_rt_vnni_binary(int32_t kind, int32_t lane, int64_t bytes,
                          void *result, const void *lhs, const void *rhs,
                          int32_t masked, uint64_t mask,
                          const void *passthru);
/// vfmadd*ps (vnni.fmadd): a * b + c rounded once.
void __xpl_rt_vnni_fmadd(int64_t bytes, void *result, const void *a,
                         const void *b, const void *c);
/// vcmpps into a mask (vnni.cmp).
uint64_t __xpl_rt_vnni_cmp(int32_t predicate, int64_t bytes, const void *lhs,
                           const void *rhs);
/// vpblendm*/vblendmps (vnni.blend).
void __xpl_rt_vnni_blend(int32_t lane, int64_t bytes, void *result,
                         uint64_t mask, const void *a, const void *b);
/// _mm512_reduce_<kind>_epi32/epi64 (vnni.reduce); the result
/// sign-extended to 64 bits.
int64_t __xpl_rt_vnni_reduce_int(int32_t kind, int32_t lane,
                                 const void *vector);
/// _mm512_reduce_<kind>_ps (vnni.reduce), Intel's halving tree.
float __xpl_rt_vnni_reduce_ps(int32_t kind, const void *vector);
/// Lane conversions (vnni.cvt); `resultBytes` is the result's width.
void __xpl_rt_vnni_cvt(int32_t kind, int64_t resultBytes, void *result,
                       const void *source);
/// Whole-vector load/store (vnni.load, vnni.store).
void __xpl_rt_vnni_load(int64_t location, const void *data, int64_t extent,
                        int64_t elementBytes, int64_t index, int64_t bytes,
                        int32_t aligned, void *result);
void __xpl_rt_vnni_store(int64_t location, void *data, int64_t extent,
                         int64_t elementBytes, int64_t index, int64_t bytes,
                         int32_t aligned, const void *value);
/// Masked load/store (vnni.masked_load, vnni.masked_store); `passthru`
/// null: masked-off lanes are zero.
void __xpl_rt_vnni_masked_load(int64_t location, const void *data,
                               int64_t extent, int64_t elementBytes,
                               int64_t index, int32_t lane, int64_t bytes,
                               uint64_t mask, int32_t aligned,
                               const void *passthru, void *result);
void __xpl_rt_vnni_masked_store(int64_t location, void *data, int64_t extent,
                                int64_t elementBytes, int64_t index,
                                int32_t lane, int64_t bytes, uint64_t mask,
                                int32_t aligned, const void *value);
/// _mm512_i32gather_ps/epi32 (vnni.gather): 16 lanes of 4 bytes at byte
/// offsets `sext(offsets.i32[j]) * scale` from element `index`.
void __xpl_rt_vnni_gather(int64_t location, const void *data, int64_t extent,
                          int64_t elementBytes, int64_t index,
                          const void *offsets, int32_t scale, void *result);
}

#endif // XPILER_LIB_EXEC_RUNTIME_VNNIRUNTIME_H
