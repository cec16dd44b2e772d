//===- BangAttributes.td - bang attributes and enums --------*- tablegen -*-===//

#ifndef XPILER_DIALECT_BANG_BANGATTRIBUTES_TD
#define XPILER_DIALECT_BANG_BANGATTRIBUTES_TD

include "bang/BangDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def Bang_MemorySpace : I32EnumAttr<"MemorySpace", "MLU memory space", [
  I32EnumAttrCase<"gdram", 0>, I32EnumAttrCase<"nram", 1>,
  I32EnumAttrCase<"wram", 2>, I32EnumAttrCase<"sram", 3>,
  I32EnumAttrCase<"ldram", 4>
]> {
  let cppNamespace = "::xpiler::bang";
  let genSpecializedAttr = 0;
}

// Order and spelling of mluMemcpyDirection_t in Cambricon's headers, with
// LDRAM2LDRAM (newer headers) appended.
def Bang_MemcpyDir : I32EnumAttr<"MemcpyDir", "mluMemcpyDirection_t", [
  I32EnumAttrCase<"GDRAM2NRAM", 0>, I32EnumAttrCase<"NRAM2GDRAM", 1>,
  I32EnumAttrCase<"LDRAM2NRAM", 2>, I32EnumAttrCase<"NRAM2LDRAM", 3>,
  I32EnumAttrCase<"GDRAM2WRAM", 4>, I32EnumAttrCase<"WRAM2GDRAM", 5>,
  I32EnumAttrCase<"LDRAM2WRAM", 6>, I32EnumAttrCase<"WRAM2LDRAM", 7>,
  I32EnumAttrCase<"NRAM2NRAM", 8>, I32EnumAttrCase<"NRAM2WRAM", 9>,
  I32EnumAttrCase<"WRAM2NRAM", 10>, I32EnumAttrCase<"GDRAM2SRAM", 11>,
  I32EnumAttrCase<"SRAM2GDRAM", 12>, I32EnumAttrCase<"LDRAM2SRAM", 13>,
  I32EnumAttrCase<"SRAM2LDRAM", 14>, I32EnumAttrCase<"SRAM2NRAM", 15>,
  I32EnumAttrCase<"NRAM2SRAM", 16>, I32EnumAttrCase<"SRAM2WRAM", 17>,
  I32EnumAttrCase<"WRAM2SRAM", 18>, I32EnumAttrCase<"GDRAM2GDRAM", 19>,
  I32EnumAttrCase<"GDRAM2LDRAM", 20>, I32EnumAttrCase<"LDRAM2GDRAM", 21>,
  I32EnumAttrCase<"SRAM2SRAM", 22>, I32EnumAttrCase<"LDRAM2LDRAM", 23>
]> {
  let cppNamespace = "::xpiler::bang";
  let genSpecializedAttr = 0;
}

def Bang_SyncKind : I32EnumAttr<"SyncKind", "__sync_* barrier", [
  I32EnumAttrCase<"all", 0>, I32EnumAttrCase<"cluster", 1>,
  I32EnumAttrCase<"compute", 2>, I32EnumAttrCase<"all_ipu", 3>,
  I32EnumAttrCase<"all_mpu", 4>
]> {
  let cppNamespace = "::xpiler::bang";
  let genSpecializedAttr = 0;
}

def Bang_FillKind : I32EnumAttr<"FillKind", "on-chip fill builtin", [
  I32EnumAttrCase<"memset_nram", 0>, I32EnumAttrCase<"write_value", 1>
]> {
  let cppNamespace = "::xpiler::bang";
  let genSpecializedAttr = 0;
}

def Bang_BinaryKind : I32EnumAttr<"BinaryKind",
    "elementwise binary __bang_* builtin", [
  I32EnumAttrCase<"add", 0>, I32EnumAttrCase<"sub", 1>,
  I32EnumAttrCase<"mul", 2>, I32EnumAttrCase<"div", 3>,
  I32EnumAttrCase<"maximum", 4>, I32EnumAttrCase<"minimum", 5>,
  I32EnumAttrCase<"maxequal", 6>, I32EnumAttrCase<"minequal", 7>,
  I32EnumAttrCase<"eq", 8>, I32EnumAttrCase<"ne", 9>,
  I32EnumAttrCase<"gt", 10>, I32EnumAttrCase<"ge", 11>,
  I32EnumAttrCase<"lt", 12>, I32EnumAttrCase<"le", 13>,
  I32EnumAttrCase<"logical_and", 14, "and">,
  I32EnumAttrCase<"logical_or", 15, "or">,
  I32EnumAttrCase<"logical_xor", 16, "xor">
]> {
  let cppNamespace = "::xpiler::bang";
  let genSpecializedAttr = 0;
}

def Bang_ScalarForm : I32EnumAttr<"ScalarForm",
    "spelling of a vector-scalar builtin", [
  I32EnumAttrCase<"scalar", 0>, I32EnumAttrCase<"const_", 1, "const">
]> {
  let cppNamespace = "::xpiler::bang";
  let genSpecializedAttr = 0;
}

def Bang_UnaryKind : I32EnumAttr<"UnaryKind",
    "elementwise unary __bang_* builtin", [
  I32EnumAttrCase<"recip", 0>, I32EnumAttrCase<"sqrt", 1>,
  I32EnumAttrCase<"rsqrt", 2>, I32EnumAttrCase<"sin", 3>,
  I32EnumAttrCase<"cos", 4>, I32EnumAttrCase<"sigmoid", 5>,
  I32EnumAttrCase<"square", 6>, I32EnumAttrCase<"log", 7>,
  I32EnumAttrCase<"abs", 8>,
  I32EnumAttrCase<"active_abs", 20>, I32EnumAttrCase<"active_cos", 21>,
  I32EnumAttrCase<"active_exp", 22>, I32EnumAttrCase<"active_exphp", 23>,
  I32EnumAttrCase<"active_exp_less_0", 24>,
  I32EnumAttrCase<"active_gelu", 25>, I32EnumAttrCase<"active_gelup", 26>,
  I32EnumAttrCase<"active_log", 27>, I32EnumAttrCase<"active_loghp", 28>,
  I32EnumAttrCase<"active_pow2", 29>, I32EnumAttrCase<"active_recip", 30>,
  I32EnumAttrCase<"active_recip_greater_1", 31>,
  I32EnumAttrCase<"active_reciphp", 32>, I32EnumAttrCase<"active_relu", 33>,
  I32EnumAttrCase<"active_rsqrt", 34>, I32EnumAttrCase<"active_rsqrthp", 35>,
  I32EnumAttrCase<"active_sigmoid", 36>, I32EnumAttrCase<"active_sign", 37>,
  I32EnumAttrCase<"active_sin", 38>, I32EnumAttrCase<"active_sqrt", 39>,
  I32EnumAttrCase<"active_tanh", 40>
]> {
  let cppNamespace = "::xpiler::bang";
  let genSpecializedAttr = 0;
}

def Bang_ReduceKind : I32EnumAttr<"ReduceKind", "__bang_max / __bang_min", [
  I32EnumAttrCase<"max", 0>, I32EnumAttrCase<"min", 1>
]> {
  let cppNamespace = "::xpiler::bang";
  let genSpecializedAttr = 0;
}

def Bang_PoolKind : I32EnumAttr<"PoolKind", "pooling builtin", [
  I32EnumAttrCase<"sum", 0>, I32EnumAttrCase<"avg", 1>,
  I32EnumAttrCase<"max", 2>, I32EnumAttrCase<"min", 3>
]> {
  let cppNamespace = "::xpiler::bang";
  let genSpecializedAttr = 0;
}

def Bang_FuncType : I32EnumAttr<"FuncType", "cnrtFunctionType_t", [
  I32EnumAttrCase<"block", 0>, I32EnumAttrCase<"union1", 1>,
  I32EnumAttrCase<"union2", 2>, I32EnumAttrCase<"union4", 4>,
  I32EnumAttrCase<"union8", 8>, I32EnumAttrCase<"union16", 16>
]> {
  let cppNamespace = "::xpiler::bang";
  let genSpecializedAttr = 0;
}

def Bang_MemTransDir : I32EnumAttr<"MemTransDir", "cnrtMemTransDir_t", [
  I32EnumAttrCase<"host2dev", 0>, I32EnumAttrCase<"dev2dev", 1>,
  I32EnumAttrCase<"dev2host", 2>, I32EnumAttrCase<"host2host", 3>
]> {
  let cppNamespace = "::xpiler::bang";
  let genSpecializedAttr = 0;
}

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

def Bang_MemorySpaceAttr : EnumAttr<Bang_Dialect, Bang_MemorySpace,
                                    "memory_space"> {
  let summary = "an MLU memory space";
  let description = [{
    Memory space of a memref. `gdram`: off-chip global DRAM, visible to every
    core and to the host through CNRT (kernel pointer arguments, `cnrtMalloc`,
    `__mlu_device__` variables). `ldram`: off-chip DRAM private to one core.
    `nram`: on-chip neuron RAM of one core (`__nram__`), where every vector
    builtin computes. `wram`: on-chip weight RAM of one core (`__wram__`),
    read by `__bang_conv`/`__bang_mlp`/`__bang_matmul` filters; no scalar
    access. `sram`: on-chip memory shared by the cores of a cluster
    (`__mlu_shared__`). A memref without memory space is host memory.

    ```mlir
    memref<256xf32, #bang.memory_space<nram>>
    ```
  }];
  let assemblyFormat = "`<` $value `>`";
}

def Bang_MemcpyDirAttr : EnumAttr<Bang_Dialect, Bang_MemcpyDir, "dir"> {
  let summary = "a __memcpy direction (mluMemcpyDirection_t)";
  let description = [{
    `<SRC>2<DST>` names the memory spaces of the source and destination of a
    `bang.memcpy`; the op verifies its operands against it.
  }];
  let assemblyFormat = "`<` $value `>`";
}

def Bang_SyncKindAttr : EnumAttr<Bang_Dialect, Bang_SyncKind, "sync"> {
  let summary = "which __sync_* barrier";
  let assemblyFormat = "`<` $value `>`";
}

def Bang_FillKindAttr : EnumAttr<Bang_Dialect, Bang_FillKind, "fill"> {
  let summary = "which fill builtin";
  let assemblyFormat = "`<` $value `>`";
}

def Bang_BinaryKindAttr : EnumAttr<Bang_Dialect, Bang_BinaryKind, "binary"> {
  let summary = "which elementwise binary builtin";
  let assemblyFormat = "`<` $value `>`";
}

def Bang_ScalarFormAttr : EnumAttr<Bang_Dialect, Bang_ScalarForm, "form"> {
  let summary = "`_scalar` or older `_const` spelling";
  let assemblyFormat = "`<` $value `>`";
}

def Bang_UnaryKindAttr : EnumAttr<Bang_Dialect, Bang_UnaryKind, "unary"> {
  let summary = "which elementwise unary builtin";
  let assemblyFormat = "`<` $value `>`";
}

def Bang_ReduceKindAttr : EnumAttr<Bang_Dialect, Bang_ReduceKind, "reduce"> {
  let summary = "__bang_max or __bang_min";
  let assemblyFormat = "`<` $value `>`";
}

def Bang_PoolKindAttr : EnumAttr<Bang_Dialect, Bang_PoolKind, "pool"> {
  let summary = "which pooling builtin";
  let assemblyFormat = "`<` $value `>`";
}

def Bang_FuncTypeAttr : EnumAttr<Bang_Dialect, Bang_FuncType, "func_type"> {
  let summary = "a kernel function type (cnrtFunctionType_t)";
  let description = [{
    `block` is `cnrtFuncTypeBlock` (`CNRT_FUNC_TYPE_BLOCK`): every task runs
    on one core on its own. `unionN` is `cnrtFuncTypeUnionN`
    (`CNRT_FUNC_TYPE_UNIONN`): tasks are grouped N clusters at a time, so
    `clusterDim = N` (times the launches needed for `taskDim`) and
    `__sync_cluster`/SRAM are shared by the cores of a cluster.
  }];
  let assemblyFormat = "`<` $value `>`";
}

def Bang_MemTransDirAttr : EnumAttr<Bang_Dialect, Bang_MemTransDir,
                                    "trans_dir"> {
  let summary = "a cnrtMemcpy direction (cnrtMemTransDir_t)";
  let description = [{
    `host2dev` is `CNRT_MEM_TRANS_DIR_HOST2DEV` (`cnrtMemcpyHostToDev`),
    `dev2host` `CNRT_MEM_TRANS_DIR_DEV2HOST`, `dev2dev`
    `CNRT_MEM_TRANS_DIR_DEV2DEV`, `host2host` `CNRT_MEM_TRANS_DIR_HOST2HOST`.
  }];
  let assemblyFormat = "`<` $value `>`";
}

#endif // XPILER_DIALECT_BANG_BANGATTRIBUTES_TD
