//===- BangTasksToOmp.cpp - raised BANG task loops to OpenMP --------------===//
//
// Implements `bang-tasks-to-omp`: the outermost parallel loop of each raised
// BANG kernel (`xpl.axis = #xpl.axis<task>` or `<cluster>`, see
// `bang-raise-loops`) runs its iterations on CPU threads: it gets
// `xpl.omp_parallel_for` (emitted as `#pragma omp parallel for`). Tasks of a
// launch are independent (clusters too: only `__sync_cluster` barriers are
// raised, and they became loop fission inside the cluster loop). Core loops
// inside a cluster loop stay sequential.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Dialect/Xpl/Xpl.h"
#include "xpiler/Passes/Passes.h"

#include "mlir/Dialect/SCF/IR/SCF.h"

namespace xpiler {
#define GEN_PASS_DEF_BANGTASKSTOOMP
#include "xpiler/Passes/Passes.h.inc"
} // namespace xpiler

using namespace mlir;
using namespace xpiler;

namespace {

struct BangTasksToOmpPass
    : public xpiler::impl::BangTasksToOmpBase<BangTasksToOmpPass> {
  void runOnOperation() override {
    getOperation().walk([&](scf::ForOp loop) {
      auto axis = loop->getAttrOfType<xpl::ParallelAxisAttr>("xpl.axis");
      if (!axis || (axis.getValue() != xpl::ParallelAxis::task &&
                    axis.getValue() != xpl::ParallelAxis::cluster))
        return;
      if (!loop.getInitArgs().empty())
        return;
      // Only the outermost one.
      for (Operation *p = loop->getParentOp(); p; p = p->getParentOp())
        if (p->hasAttr(xpl::XplDialect::kOmpParallelForAttrName))
          return;
      loop->setAttr(xpl::XplDialect::kOmpParallelForAttrName,
                    DictionaryAttr::get(loop.getContext()));
    });
  }
};

} // namespace
