//===- XplAttributes.td - xpl attributes and enums ---------*- tablegen -*-===//

#ifndef XPILER_DIALECT_XPL_XPLATTRIBUTES_TD
#define XPILER_DIALECT_XPL_XPLATTRIBUTES_TD

include "xpl/XplDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def Xpl_ParallelAxis : I32EnumAttr<"ParallelAxis",
    "hardware axis a parallel loop is bound to", [
  I32EnumAttrCase<"block_x", 0>, I32EnumAttrCase<"block_y", 1>,
  I32EnumAttrCase<"block_z", 2>, I32EnumAttrCase<"thread_x", 3>,
  I32EnumAttrCase<"thread_y", 4>, I32EnumAttrCase<"thread_z", 5>,
  I32EnumAttrCase<"cluster", 6>, I32EnumAttrCase<"core", 7>,
  I32EnumAttrCase<"task", 8>, I32EnumAttrCase<"cpu_thread", 9>,
  I32EnumAttrCase<"vector_lane", 10>, I32EnumAttrCase<"sequential", 11>
]> {
  let cppNamespace = "::xpiler::xpl";
  let genSpecializedAttr = 0;
}

def Xpl_MemorySpace : I32EnumAttr<"MemorySpace",
    "abstract memory space of a buffer", [
  I32EnumAttrCase<"global", 0>, I32EnumAttrCase<"shared", 1>,
  I32EnumAttrCase<"local", 2>, I32EnumAttrCase<"constant", 3>,
  I32EnumAttrCase<"host", 4>
]> {
  let cppNamespace = "::xpiler::xpl";
  let genSpecializedAttr = 0;
}

def Xpl_Language : I32EnumAttr<"Language", "source or target language", [
  I32EnumAttrCase<"cuda", 0>, I32EnumAttrCase<"hip", 1>,
  I32EnumAttrCase<"bang", 2>, I32EnumAttrCase<"vnni", 3>
]> {
  let cppNamespace = "::xpiler::xpl";
  let genSpecializedAttr = 0;
}

def Xpl_BufferDirection : I32EnumAttr<"BufferDirection",
    "whether the kernel reads, writes or both reads and writes a buffer", [
  I32EnumAttrCase<"in", 0>, I32EnumAttrCase<"out", 1>,
  I32EnumAttrCase<"inout", 2>
]> {
  let cppNamespace = "::xpiler::xpl";
  let genSpecializedAttr = 0;
}

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

class Xpl_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<Xpl_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

def Xpl_ParallelAxisAttr : EnumAttr<Xpl_Dialect, Xpl_ParallelAxis, "axis"> {
  let summary = "a hardware parallel axis";
  let description = [{
    Names the hardware axis a parallel loop dimension is bound to:
    `block_*`/`thread_*` are CUDA/HIP grid and block dimensions, `cluster`,
    `core` and `task` are BANG's, `cpu_thread` an OpenMP thread,
    `vector_lane` a SIMD lane, `sequential` an unbound loop.

    ```mlir
    scf.parallel (%i, %j) = ... {
    } {xpl.mapping = [#xpl.axis<block_x>, #xpl.axis<thread_x>]}
    ```
  }];
  let assemblyFormat = "`<` $value `>`";
}

def Xpl_MemorySpaceAttr : EnumAttr<Xpl_Dialect, Xpl_MemorySpace,
                                   "memory_space"> {
  let summary = "an abstract memory space";
  let description = [{
    Target-neutral memory space of a memref: `global` (off-chip, visible to
    every worker), `shared` (on-chip, shared by a group: a CUDA block, a BANG
    cluster), `local` (private to one worker: registers, NRAM), `constant`,
    and `host`. Used as a hint in the core form.
  }];
  let assemblyFormat = "`<` $value `>`";
}

def Xpl_TargetAttr : Xpl_Attr<"Target", "target"> {
  let summary = "the target language and architecture of a module";
  let description = [{
    Records what a module is written for or lowered to: a language and an
    architecture name of that language.

    | language | architectures |
    |----------|---------------|
    | `cuda`   | `sm_<N>` (e.g. `sm_80`, `sm_90`) |
    | `hip`    | `gfx<N>` (e.g. `gfx90a`, `gfx942`) |
    | `bang`   | `mtp_<N>` or `compute_<N>` (e.g. `mtp_592`) |
    | `vnni`   | `avx512vnni`, `avxvnni` |

    ```mlir
    module attributes {xpl.target = #xpl.target<cuda, "sm_90">} {}
    ```
  }];
  let parameters = (ins
    EnumParameter<Xpl_Language>:$language,
    StringRefParameter<"architecture name">:$arch);
  let assemblyFormat = "`<` $language `,` $arch `>`";
  let genVerifyDecl = 1;
}

def Xpl_BufferAttr : Xpl_Attr<"Buffer", "buffer"> {
  let summary = "a launcher buffer: direction and element count";
  let description = [{
    Attached as `xpl.buffer` to a memref argument of an `xpl.launcher`
    function. `direction` says whether the kernel reads (`in`), writes
    (`out`) or does both (`inout`); `size` is the number of elements as an
    affine map with no dimensions and one symbol per launcher argument, in
    order (symbols of non-integer arguments must not be used).

    ```mlir
    // n * m elements, n and m being the launcher's arguments 3 and 4.
    #xpl.buffer<in, size = ()[s0, s1, s2, s3, s4] -> (s3 * s4)>
    ```
  }];
  let parameters = (ins
    EnumParameter<Xpl_BufferDirection>:$direction,
    "::mlir::AffineMap":$size);
  let assemblyFormat = "`<` $direction `,` `size` `=` $size `>`";
  let genVerifyDecl = 1;
}

def Xpl_LaunchShapeAttr : Xpl_Attr<"LaunchShape", "launch_shape"> {
  let summary = "the shape of a kernel launch: grid, block, BANG function type";
  let description = [{
    How many workers a kernel runs on, attached as `xpl.launch_shape`

    * to a launch op (`cuda.launch`, `hip.launch`, `bang.launch`,
      `xpl.launch`) inside a host launcher: the extents are affine maps with
      no dimensions and one symbol per argument of the enclosing function,
      in order, like `#xpl.buffer`'s size;
    * to a kernel without a host launcher (from `--grid`/`--block` or
      `__launch_bounds__`): the maps have no symbols and constant results.

    `grid` and `block` list one to three extents, x, y and z (missing
    trailing extents are 1). Each extent is a map whose value is the minimum
    of its results, as for `affine.min`: a single result for a plain extent,
    several for a clamped one (`std::min((n + 255) / 256, 65535)`). `grid`
    is the number of blocks (CUDA/HIP `gridDim`) or BANG's task dimension
    (`cnrtDim3_t`); `block` is the number of threads per block (`blockDim`)
    and is absent on BANG, whose block is always 1 × 1 × 1. `union_clusters`
    is present exactly for BANG launches whose function type is known: N for
    `cnrtFuncTypeUnionN`, 0 for `cnrtFuncTypeBlock` (as on `xpl.launch`).
    Either of `grid` and `block` may be absent when nothing says what it is,
    but not both. Constant results must be positive.

    ```mlir
    // kernel<<<rows, 256>>> in softmax(x, out, rows, cols): grid = rows.
    cuda.launch @softmax_kernel grid(%r, %c1, %c1) block(%c256, %c1, %c1) ...
        {xpl.launch_shape = #xpl.launch_shape<
            grid = [()[s0, s1, s2, s3] -> (s2)],
            block = [()[s0, s1, s2, s3] -> (256)]>}
    // kernel<<<std::min((n + 255) / 256, 65535), 256>>> in add(a, b, out, n).
    cuda.launch @add_kernel ...
        {xpl.launch_shape = #xpl.launch_shape<
            grid = [()[s0, s1, s2, s3] -> ((s3 + 255) floordiv 256, 65535)],
            block = [()[s0, s1, s2, s3] -> (256)]>}
    // kernel<<<{4, 2, 1}, cnrtFuncTypeUnion1, q>>> in add(a, b, out, n).
    bang.launch @add_kernel dim(%d) func_type(<union1>) queue(%q) ...
        {xpl.launch_shape = #xpl.launch_shape<
            grid = [()[s0, s1, s2, s3] -> (4), ()[s0, s1, s2, s3] -> (2)],
            union_clusters = 1>}
    // __global__ void __launch_bounds__(128) k(...), imported with --grid=64.
    func.func @k(...) attributes {xpl.kernel,
        xpl.launch_shape = #xpl.launch_shape<grid = [() -> (64)],
                                             block = [() -> (128)]>}
    ```
  }];
  let parameters = (ins
    OptionalArrayRefParameter<"::mlir::AffineMap">:$grid,
    OptionalArrayRefParameter<"::mlir::AffineMap">:$block,
    OptionalParameter<"std::optional<int32_t>">:$union_clusters);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The number of symbols of the extent maps.
    unsigned getNumSymbols() const;
  }];
}

#endif // XPILER_DIALECT_XPL_XPLATTRIBUTES_TD
