//===- NameLoops.cpp - name every scf.for loop ----------------------------===//
//
// Implements `xpl-name-loops`: the preorder names (`L0`, `L0.1`, ...) that the
// loop transformations' `loop` option refers to.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Passes/LoopUtils.h"
#include "xpiler/Passes/Passes.h"

namespace xpiler {
#define GEN_PASS_DEF_XPLNAMELOOPS
#include "xpiler/Passes/Passes.h.inc"
} // namespace xpiler

using namespace mlir;
using namespace xpiler;

namespace {
struct XplNameLoopsPass
    : public xpiler::impl::XplNameLoopsBase<XplNameLoopsPass> {
  using XplNameLoopsBase::XplNameLoopsBase;
  void runOnOperation() override { nameLoops(getOperation()); }
};
} // namespace
