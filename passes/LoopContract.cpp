//===- LoopContract.cpp - merge producer/consumer loops -------------------===//
//
// Implements `xpl-loop-contract`: a producer loop storing a temporary
// buffer and the consumer loop reading it at the same index are fused; the
// reads become the stored scalar and the buffer disappears when nothing else
// reads it.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Analysis/Dependence.h"
#include "xpiler/Passes/LoopUtils.h"
#include "xpiler/Passes/Passes.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

namespace xpiler {
#define GEN_PASS_DEF_XPLLOOPCONTRACT
#include "xpiler/Passes/Passes.h.inc"
} // namespace xpiler

using namespace mlir;
using namespace xpiler;

namespace {
constexpr StringLiteral kPass = "xpl-loop-contract";

/// `poly` with atom `from` renamed to `to`.
IndexPoly renameAtom(const IndexPoly &poly, unsigned from, unsigned to) {
  IndexPoly result;
  for (const auto &[mono, coeff] : poly.terms) {
    IndexPoly::Monomial renamed(mono);
    for (unsigned &id : renamed)
      if (id == from)
        id = to;
    llvm::sort(renamed);
    result.terms[renamed] += coeff;
  }
  return result;
}

struct XplLoopContractPass
    : public xpiler::impl::XplLoopContractBase<XplLoopContractPass> {
  using XplLoopContractBase::XplLoopContractBase;

  void runOnOperation() override {
    FailureOr<scf::ForOp> found = lookupLoop(getOperation(), loop, kPass);
    if (failed(found))
      return signalPassFailure();
    scf::ForOp producer = *found;
    scf::ForOp consumer = getNextLoop(producer);
    if (!consumer) {
      producer.emitRemark()
          << kPass << ": refused: no loop follows '" << getLoopName(producer)
          << "' with only pure operations in between";
      return;
    }

    // Candidate buffers: allocated in the function, stored exactly once at
    // the top level of the producer's body, never stored by the consumer,
    // and loaded at the top level of the consumer's body at the same index.
    DependenceAnalysis analysis(ArrayRef<Operation *>{producer.getOperation(),
                                                      consumer.getOperation()});
    std::optional<IndexPoly> ivP = analysis.getPoly(producer.getInductionVar());
    std::optional<IndexPoly> ivC = analysis.getPoly(consumer.getInductionVar());
    unsigned atomP = ivP->terms.begin()->first.front();
    unsigned atomC = ivC->terms.begin()->first.front();
    struct Forward {
      memref::StoreOp store;
      SmallVector<memref::LoadOp> loads;
    };
    SmallVector<Forward> forwards;
    for (const MemoryAccess *s : analysis.getAccessesIn(producer)) {
      auto store = dyn_cast<memref::StoreOp>(s->op);
      if (!store || !s->known || store->getBlock() != producer.getBody() ||
          !isa_and_nonnull<memref::AllocOp, memref::AllocaOp>(
              store.getMemref().getDefiningOp()))
        continue;
      bool single = true;
      for (const MemoryAccess *o : analysis.getAccessesIn(producer))
        if (o != s && o->isWrite && o->root == s->root)
          single = false;
      for (const MemoryAccess *o : analysis.getAccessesIn(consumer))
        if (o->isWrite && o->root == s->root)
          single = false;
      if (!single)
        continue;
      Forward forward{store, {}};
      for (const MemoryAccess *l : analysis.getAccessesIn(consumer)) {
        auto load = dyn_cast<memref::LoadOp>(l->op);
        if (!load || !l->known || load.getMemref() != store.getMemref() ||
            load->getBlock() != consumer.getBody())
          continue;
        bool same = l->indices.size() == s->indices.size();
        for (unsigned d = 0; same && d < s->indices.size(); ++d)
          same = renameAtom(l->indices[d], atomC, atomP) == s->indices[d];
        if (same)
          forward.loads.push_back(load);
      }
      if (!forward.loads.empty())
        forwards.push_back(std::move(forward));
    }
    if (forwards.empty()) {
      producer.emitRemark()
          << kPass << ": refused: no temporary buffer is stored once per "
          << "iteration by '" << getLoopName(producer)
          << "' and loaded at the same index by the next loop";
      return;
    }
    bool carried;
    if (failed(checkFusion(producer, consumer, kPass, carried)))
      return;
    fuseLoops(producer, consumer, carried, kPass);

    for (Forward &forward : forwards) {
      Value stored = forward.store.getValueToStore();
      for (memref::LoadOp load : forward.loads) {
        load.getResult().replaceAllUsesWith(stored);
        load.erase();
      }
      Value buffer = forward.store.getMemref();
      Operation *alloc = buffer.getDefiningOp();
      bool onlyWritten = llvm::all_of(buffer.getUsers(), [&](Operation *user) {
        if (auto store = dyn_cast<memref::StoreOp>(user))
          return store.getMemref() == buffer &&
                 store.getValueToStore() != buffer;
        return isa<memref::DeallocOp>(user);
      });
      if (!onlyWritten) {
        alloc->emitRemark() << kPass << ": buffer kept: it is read "
                            << "elsewhere";
        continue;
      }
      for (Operation *user : llvm::make_early_inc_range(buffer.getUsers()))
        user->erase();
      alloc->erase();
    }
  }
};
} // namespace
