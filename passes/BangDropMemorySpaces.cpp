//===- BangDropMemorySpaces.cpp - BANG memory spaces to host memory -------===//
//
// Implements `bang-drop-memory-spaces`: once no bang op is left (after
// `bang-detensorize` and `bang-raise-loops`), the GDRAM/NRAM/WRAM/SRAM
// memory spaces only describe where the MLU kept data; on the CPU every
// buffer is host memory. The pass removes `#bang.memory_space` from every
// memref type (values, block arguments, function types) and folds the
// `memref.memory_space_cast`s that become identities.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Dialect/Bang/Bang.h"
#include "xpiler/Passes/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"

namespace xpiler {
#define GEN_PASS_DEF_BANGDROPMEMORYSPACES
#include "xpiler/Passes/Passes.h.inc"
} // namespace xpiler

using namespace mlir;
using namespace xpiler;

namespace {

/// `type` without a bang memory space (memrefs only).
Type dropSpace(Type type) {
  auto memref = dyn_cast<MemRefType>(type);
  if (!memref ||
      !isa_and_nonnull<bang::MemorySpaceAttr>(memref.getMemorySpace()))
    return type;
  return MemRefType::get(memref.getShape(), memref.getElementType(),
                         memref.getLayout(), Attribute());
}

struct BangDropMemorySpacesPass
    : public xpiler::impl::BangDropMemorySpacesBase<BangDropMemorySpacesPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    WalkResult r = module.walk([&](Operation *op) {
      if (isa<bang::BangDialect>(op->getDialect())) {
        op->emitOpError("cannot drop memory spaces: bang op left (run "
                        "bang-detensorize and bang-raise-loops first)");
        return WalkResult::interrupt();
      }
      return WalkResult::advance();
    });
    if (r.wasInterrupted())
      return signalPassFailure();
    module.walk([&](Operation *op) {
      for (Value v : op->getResults())
        v.setType(dropSpace(v.getType()));
      for (Region &region : op->getRegions())
        for (Block &block : region)
          for (BlockArgument arg : block.getArguments())
            arg.setType(dropSpace(arg.getType()));
      if (auto f = dyn_cast<func::FuncOp>(op)) {
        SmallVector<Type> inputs, results;
        for (Type t : f.getArgumentTypes())
          inputs.push_back(dropSpace(t));
        for (Type t : f.getResultTypes())
          results.push_back(dropSpace(t));
        f.setType(FunctionType::get(f.getContext(), inputs, results));
      }
    });
    SmallVector<memref::MemorySpaceCastOp> casts;
    module.walk([&](memref::MemorySpaceCastOp cast) {
      if (cast.getSource().getType() == cast.getType())
        casts.push_back(cast);
    });
    for (memref::MemorySpaceCastOp cast : casts) {
      cast.getResult().replaceAllUsesWith(cast.getSource());
      cast.erase();
    }
  }
};

} // namespace
