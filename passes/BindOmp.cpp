//===- BindOmp.cpp - block loops as OpenMP parallel loops -----------------===//
//
// Implements `xpl-bind-omp`: the outermost loops bound to a block axis run
// as `#pragma omp parallel for` on a CPU (the `xpl.omp_parallel_for`
// attribute the C emitters write), collapsing perfectly nested block loops.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Dialect/Xpl/Xpl.h"
#include "xpiler/Passes/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"

namespace xpiler {
#define GEN_PASS_DEF_XPLBINDOMP
#include "xpiler/Passes/Passes.h.inc"
} // namespace xpiler

using namespace mlir;
using namespace xpiler;

namespace {

bool isBlockLoop(Operation *op) {
  auto loop = dyn_cast<scf::ForOp>(op);
  if (!loop || !loop.getInitArgs().empty())
    return false;
  auto mapping =
      loop->getAttrOfType<ArrayAttr>(xpl::XplDialect::kMappingAttrName);
  if (!mapping || mapping.size() != 1)
    return false;
  auto axis = dyn_cast<xpl::ParallelAxisAttr>(mapping[0]);
  return axis && (axis.getValue() == xpl::ParallelAxis::block_x ||
                  axis.getValue() == xpl::ParallelAxis::block_y ||
                  axis.getValue() == xpl::ParallelAxis::block_z);
}

/// The block loop that is the only op of `loop`'s body but constants, or
/// null.
scf::ForOp getNestedBlockLoop(scf::ForOp loop) {
  Operation *inner = nullptr;
  for (Operation &op : loop.getBody()->without_terminator()) {
    if (isa<arith::ConstantOp>(op))
      continue;
    if (inner || !isBlockLoop(&op))
      return nullptr;
    inner = &op;
  }
  return inner ? cast<scf::ForOp>(inner) : nullptr;
}

struct XplBindOmpPass : public xpiler::impl::XplBindOmpBase<XplBindOmpPass> {
  void runOnOperation() override {
    getOperation().walk<WalkOrder::PreOrder>([&](scf::ForOp loop) {
      if (!isBlockLoop(loop))
        return WalkResult::advance();
      int64_t depth = 1;
      for (scf::ForOp inner = getNestedBlockLoop(loop); inner;
           inner = getNestedBlockLoop(inner))
        ++depth;
      OpBuilder b(loop);
      SmallVector<NamedAttribute> clauses;
      if (depth > 1)
        clauses.push_back(
            b.getNamedAttr("collapse", b.getI64IntegerAttr(depth)));
      loop->setAttr("xpl.omp_parallel_for", b.getDictionaryAttr(clauses));
      return WalkResult::skip();
    });
  }
};

} // namespace
