//===- Dependence.cpp - memory dependences in scf.for nests ---------------===//
//
// Implements the dependence analysis of xpiler/Analysis/Dependence.h.
//
// For a pair of accesses the analysis builds one integer system: a copy of
// the enclosing loops' induction variables per access, their bounds (and a
// multiple-of-step variable for constant steps), the symbols, and one
// equality per subscript. Products of an induction variable and a symbol
// (`i * N`, linearised row-major indices) are not linear: each such group
// `m * E` (E linear in induction variables) becomes a variable `w` with a
// case split that holds for every integer solution: E = 0 and w = 0, or
// E >= 1 and (m >= 0, w >= m or m < 0, w <= m), or E <= -1 and
// (m >= 0, w <= -m or m < 0, w >= -m). That is enough to separate
// `i * N + j` from `i' * N + j'` when 0 <= j, j' < N. MLIR's Presburger
// library decides each system exactly (integer emptiness).
//
//===----------------------------------------------------------------------===//

#include "xpiler/Analysis/Dependence.h"

#include "mlir/Analysis/Presburger/IntegerRelation.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <numeric>

using namespace mlir;
using namespace xpiler;

//===----------------------------------------------------------------------===//
// IndexPoly
//===----------------------------------------------------------------------===//

IndexPoly IndexPoly::getConstant(int64_t value) {
  IndexPoly poly;
  if (value)
    poly.terms[{}] = value;
  return poly;
}

IndexPoly IndexPoly::getAtom(unsigned id) {
  IndexPoly poly;
  poly.terms[{id}] = 1;
  return poly;
}

std::optional<IndexPoly> IndexPoly::add(const IndexPoly &other,
                                        int64_t scale) const {
  IndexPoly result = *this;
  for (const auto &[mono, coeff] : other.terms) {
    int64_t scaled, sum;
    if (llvm::MulOverflow(coeff, scale, scaled))
      return std::nullopt;
    if (llvm::AddOverflow(result.terms[mono], scaled, sum))
      return std::nullopt;
    if (sum)
      result.terms[mono] = sum;
    else
      result.terms.erase(mono);
  }
  return result;
}

std::optional<IndexPoly> IndexPoly::mul(const IndexPoly &other) const {
  IndexPoly result;
  for (const auto &[monoA, coeffA] : terms) {
    for (const auto &[monoB, coeffB] : other.terms) {
      Monomial mono(monoA);
      mono.append(monoB.begin(), monoB.end());
      llvm::sort(mono);
      int64_t coeff, sum;
      if (llvm::MulOverflow(coeffA, coeffB, coeff))
        return std::nullopt;
      if (llvm::AddOverflow(result.terms[mono], coeff, sum))
        return std::nullopt;
      if (sum)
        result.terms[mono] = sum;
      else
        result.terms.erase(mono);
    }
  }
  return result;
}

std::optional<int64_t> IndexPoly::getConstantValue() const {
  if (terms.empty())
    return 0;
  if (terms.size() == 1 && terms.begin()->first.empty())
    return terms.begin()->second;
  return std::nullopt;
}

std::string xpiler::toString(ArrayRef<Direction> directions) {
  std::string result = "(";
  for (auto [i, dir] : llvm::enumerate(directions)) {
    if (i)
      result += ", ";
    result += dir == Direction::Lt ? "<" : dir == Direction::Eq ? "=" : ">";
  }
  return result + ")";
}

//===----------------------------------------------------------------------===//
// Collecting accesses
//===----------------------------------------------------------------------===//

/// The value a view chain starts from.
static Value getRoot(Value value) {
  while (auto view = value.getDefiningOp<ViewLikeOpInterface>())
    value = view.getViewSource();
  return value;
}

/// Whether `root` is an object of its own: a function argument or an
/// allocation.
static bool isDistinctObject(Value root) {
  if (auto arg = dyn_cast<BlockArgument>(root))
    return isa_and_nonnull<FunctionOpInterface>(arg.getOwner()->getParentOp());
  return isa_and_nonnull<memref::AllocOp, memref::AllocaOp>(
      root.getDefiningOp());
}

DependenceAnalysis::DependenceAnalysis(ArrayRef<Operation *> scopeOps)
    : scope(scopeOps) {
  for (Operation *op : scope)
    collect(op);
}

bool DependenceAnalysis::inScope(Operation *op) const {
  if (!op)
    return false;
  return llvm::any_of(
      scope, [&](Operation *s) { return s == op || s->isProperAncestor(op); });
}

unsigned DependenceAnalysis::getAtomId(Value value) {
  auto [it, inserted] = atomIds.try_emplace(value, atoms.size());
  if (inserted)
    atoms.push_back(value);
  return it->second;
}

bool DependenceAnalysis::isInvariant(Value value) {
  auto it = invariantCache.find(value);
  if (it != invariantCache.end())
    return it->second;
  bool result = false;
  if (auto arg = dyn_cast<BlockArgument>(value)) {
    result = !inScope(arg.getOwner()->getParentOp());
  } else {
    Operation *def = value.getDefiningOp();
    if (!inScope(def))
      result = true;
    else if (def->getNumRegions() == 0 && isMemoryEffectFree(def))
      result = llvm::all_of(def->getOperands(),
                            [&](Value v) { return isInvariant(v); });
  }
  invariantCache[value] = result;
  return result;
}

std::optional<IndexPoly> DependenceAnalysis::getPoly(Value value) {
  auto it = polyCache.find(value);
  if (it != polyCache.end())
    return it->second;
  std::optional<IndexPoly> result;
  APInt constant;
  if (matchPattern(value, m_ConstantInt(&constant)) &&
      constant.getBitWidth() <= 64) {
    result = IndexPoly::getConstant(constant.getBitWidth() == 1
                                        ? constant.getZExtValue()
                                        : constant.getSExtValue());
  } else if (auto arg = dyn_cast<BlockArgument>(value)) {
    auto forOp = dyn_cast<scf::ForOp>(arg.getOwner()->getParentOp());
    if ((forOp && inScope(forOp) && arg == forOp.getInductionVar()) ||
        isInvariant(value))
      result = IndexPoly::getAtom(getAtomId(value));
  } else {
    Operation *def = value.getDefiningOp();
    auto binary = [&](auto combine) -> std::optional<IndexPoly> {
      std::optional<IndexPoly> lhs = getPoly(def->getOperand(0));
      std::optional<IndexPoly> rhs = getPoly(def->getOperand(1));
      if (!lhs || !rhs)
        return std::nullopt;
      return combine(*lhs, *rhs);
    };
    if (isa<arith::AddIOp>(def)) {
      result = binary([](auto &l, auto &r) { return l.add(r); });
    } else if (isa<arith::SubIOp>(def)) {
      result = binary([](auto &l, auto &r) { return l.add(r, -1); });
    } else if (isa<arith::MulIOp>(def)) {
      result = binary([](auto &l, auto &r) { return l.mul(r); });
    } else if (isa<arith::IndexCastOp, arith::IndexCastUIOp, arith::ExtSIOp,
                   arith::ExtUIOp, arith::TruncIOp>(def)) {
      result = getPoly(def->getOperand(0));
    } else if (isa<arith::ShLIOp>(def) &&
               matchPattern(def->getOperand(1), m_ConstantInt(&constant)) &&
               constant.ult(62)) {
      if (std::optional<IndexPoly> lhs = getPoly(def->getOperand(0)))
        result = lhs->mul(
            IndexPoly::getConstant(int64_t(1) << constant.getZExtValue()));
    }
    if (!result && isInvariant(value))
      result = IndexPoly::getAtom(getAtomId(value));
  }
  polyCache[value] = result;
  return result;
}

void DependenceAnalysis::collect(Operation *root) {
  root->walk<WalkOrder::PreOrder>([&](Operation *op) {
    auto addAccess = [&](Value memref, bool isWrite, ValueRange indices,
                         bool known) {
      MemoryAccess access;
      access.op = op;
      access.memref = memref;
      access.root = getRoot(memref);
      access.isWrite = isWrite;
      access.known = known;
      for (Value index : indices) {
        std::optional<IndexPoly> poly = getPoly(index);
        if (!poly) {
          access.known = false;
          break;
        }
        access.indices.push_back(*poly);
      }
      for (Operation *p = op->getParentOp(); p && inScope(p);
           p = p->getParentOp())
        if (auto forOp = dyn_cast<scf::ForOp>(p))
          access.loops.push_back(forOp);
      std::reverse(access.loops.begin(), access.loops.end());
      accesses.push_back(std::move(access));
    };
    if (auto load = dyn_cast<memref::LoadOp>(op)) {
      addAccess(load.getMemref(), false, load.getIndices(), true);
      return;
    }
    if (auto store = dyn_cast<memref::StoreOp>(op)) {
      addAccess(store.getMemref(), true, store.getIndices(), true);
      return;
    }
    if (op->hasTrait<OpTrait::HasRecursiveMemoryEffects>())
      return;
    auto iface = dyn_cast<MemoryEffectOpInterface>(op);
    if (!iface) {
      if (!unknownOp)
        unknownOp = op;
      return;
    }
    SmallVector<MemoryEffects::EffectInstance> effects;
    iface.getEffects(effects);
    for (const MemoryEffects::EffectInstance &effect : effects) {
      if (isa<MemoryEffects::Allocate>(effect.getEffect()))
        continue;
      Value value = effect.getValue();
      if (!value || !isa<BaseMemRefType>(value.getType())) {
        if (!unknownOp)
          unknownOp = op;
        continue;
      }
      bool isWrite = !isa<MemoryEffects::Read>(effect.getEffect());
      addAccess(value, isWrite, {}, false);
    }
  });
}

SmallVector<const MemoryAccess *>
DependenceAnalysis::getAccessesIn(Operation *op) const {
  SmallVector<const MemoryAccess *> result;
  for (const MemoryAccess &access : accesses)
    if (op == access.op || op->isProperAncestor(access.op))
      result.push_back(&access);
  return result;
}

//===----------------------------------------------------------------------===//
// The integer system of a pair
//===----------------------------------------------------------------------===//

namespace xpiler {
namespace {
/// A linear constraint `sum coeffs[v] * v + constant (>= or ==) 0`.
struct Row {
  std::map<unsigned, int64_t> coeffs;
  int64_t constant = 0;
  bool isEquality = false;

  bool addTerm(unsigned var, int64_t coeff) {
    int64_t sum;
    if (llvm::AddOverflow(coeffs[var], coeff, sum))
      return false;
    if (sum)
      coeffs[var] = sum;
    else
      coeffs.erase(var);
    return true;
  }
  bool addConstant(int64_t value) {
    return !llvm::AddOverflow(constant, value, constant);
  }
};
} // namespace

/// The system of one pair of accesses.
class DependenceSystem {
public:
  DependenceSystem(DependenceAnalysis &analysis, const MemoryAccess &a,
                   const MemoryAccess &b)
      : analysis(analysis), a(a), b(b) {
    addSide(a, ivVarsA);
    addSide(b, ivVarsB);
    addBounds(a, ivVarsA);
    addBounds(b, ivVarsB);
    if (a.indices.size() != b.indices.size())
      ok = false;
    for (unsigned d = 0; ok && d < a.indices.size(); ++d)
      addSubscript(a.indices[d], b.indices[d]);
    addDivisions();
  }

  bool isValid() const { return ok; }

  /// The variable of the induction variable of `loop` on side a or b.
  std::optional<unsigned> getIvVar(scf::ForOp loop, bool sideA) {
    auto it = analysis.atomIds.find(loop.getInductionVar());
    if (it == analysis.atomIds.end())
      return std::nullopt;
    auto &vars = sideA ? ivVarsA : ivVarsB;
    auto var = vars.find(it->second);
    if (var == vars.end())
      return std::nullopt;
    return var->second;
  }

  /// Whether the system with `extra` constraints has an integer solution.
  bool isFeasible(ArrayRef<Row> extra) {
    SmallVector<Row> all(rows.begin(), rows.end());
    all.append(extra.begin(), extra.end());
    // More than four product groups: drop them (still sound, less precise).
    if (groups.size() > 4)
      return enumerateDivisions(all, 0);
    return enumerateCases(all, 0);
  }

  unsigned newVar() { return numVars++; }

private:
  struct Group {
    unsigned w, m;
    Row e;
  };

  bool check(ArrayRef<Row> all) {
    using namespace mlir::presburger;
    IntegerPolyhedron poly(PresburgerSpace::getSetSpace(numVars));
    for (const Row &row : all) {
      SmallVector<int64_t> coeffs(numVars + 1, 0);
      for (auto [var, coeff] : row.coeffs)
        coeffs[var] = coeff;
      coeffs[numVars] = row.constant;
      if (row.isEquality)
        poly.addEquality(coeffs);
      else
        poly.addInequality(coeffs);
    }
    // isIntegerEmpty is exact (generalized basis reduction); isEmpty only
    // eliminates variables and may answer "not empty" for empty sets.
    return !poly.isIntegerEmpty();
  }

  bool enumerateCases(SmallVector<Row> &all, unsigned g) {
    if (g == groups.size())
      return enumerateDivisions(all, 0);
    const Group &group = groups[g];
    // Each case: constraints on E, on m, and on w.
    auto tryCase = [&](int eSign, int mSign) {
      unsigned size = all.size();
      Row e = group.e;
      if (eSign == 0) {
        e.isEquality = true;
        all.push_back(e);
        Row w;
        w.isEquality = true;
        w.addTerm(group.w, 1);
        all.push_back(w);
      } else {
        // eSign * E - 1 >= 0.
        Row ineq;
        for (auto [var, coeff] : e.coeffs)
          ineq.addTerm(var, eSign * coeff);
        ineq.constant = eSign * e.constant - 1;
        all.push_back(ineq);
        // mSign >= 0: m >= 0, else -m - 1 >= 0.
        Row m;
        m.addTerm(group.m, mSign >= 0 ? 1 : -1);
        m.constant = mSign >= 0 ? 0 : -1;
        all.push_back(m);
        // w = m * E with |E| >= 1: eSign * mSign * (w - eSign * m) >= 0
        // rewritten per case: E >= 1, m >= 0: w - m >= 0; E >= 1, m < 0:
        // m - w >= 0; E <= -1, m >= 0: -m - w >= 0; E <= -1, m < 0:
        // w + m >= 0.
        Row w;
        int64_t s = eSign * (mSign >= 0 ? 1 : -1);
        w.addTerm(group.w, s);
        w.addTerm(group.m, -s * eSign);
        all.push_back(w);
      }
      bool feasible = enumerateCases(all, g + 1);
      all.resize(size);
      return feasible;
    };
    return tryCase(0, 0) || tryCase(1, 1) || tryCase(1, -1) || tryCase(-1, 1) ||
           tryCase(-1, -1);
  }

  /// A symbol `d = x / c` (arith.divsi, c > 0 constant, truncating): for
  /// x >= 0, 0 <= x - c * d <= c - 1; for x < 0, 0 <= c * d - x <= c - 1.
  struct Division {
    unsigned d;
    Row x;
    int64_t c;
  };

  /// Describes the symbols that are divisions by positive constants (at
  /// most three: each doubles the number of systems).
  void addDivisions() {
    DenseSet<unsigned> seen;
    bool changed = true;
    while (changed && divisions.size() < 3) {
      changed = false;
      for (auto [mono, var] : llvm::to_vector(symVars)) {
        if (mono.size() != 1 || !seen.insert(var).second)
          continue;
        auto div = analysis.atoms[mono.front()].getDefiningOp<arith::DivSIOp>();
        APInt c;
        if (!div || !matchPattern(div.getRhs(), m_ConstantInt(&c)) ||
            c.getBitWidth() > 64 || c.getSExtValue() <= 0)
          continue;
        std::optional<IndexPoly> x = analysis.getPoly(div.getLhs());
        std::optional<Row> row;
        if (x)
          row = linearize(*x, ivVarsA);
        if (!row)
          continue;
        divisions.push_back({var, *row, c.getSExtValue()});
        changed = true;
        if (divisions.size() == 3)
          break;
      }
    }
  }

  bool enumerateDivisions(SmallVector<Row> &all, unsigned k) {
    if (k == divisions.size())
      return check(all);
    const Division &div = divisions[k];
    for (int sign : {1, -1}) {
      unsigned size = all.size();
      // sign * x >= 0 (x >= 0), or -x - 1 >= 0 (x < 0).
      Row xSign;
      for (auto [var, coeff] : div.x.coeffs)
        xSign.addTerm(var, sign * coeff);
      xSign.constant = sign * div.x.constant - (sign < 0 ? 1 : 0);
      all.push_back(xSign);
      // r = sign * (x - c * d): 0 <= r <= c - 1.
      Row low;
      for (auto [var, coeff] : div.x.coeffs)
        low.addTerm(var, sign * coeff);
      low.constant = sign * div.x.constant;
      low.addTerm(div.d, -sign * div.c);
      Row high;
      for (auto [var, coeff] : low.coeffs)
        high.addTerm(var, -coeff);
      high.constant = div.c - 1 - low.constant;
      all.push_back(low);
      all.push_back(high);
      bool feasible = enumerateDivisions(all, k + 1);
      all.resize(size);
      if (feasible)
        return true;
    }
    return false;
  }

  void addSide(const MemoryAccess &access, DenseMap<unsigned, unsigned> &vars) {
    for (scf::ForOp loop : access.loops)
      vars[analysis.getAtomId(loop.getInductionVar())] = newVar();
  }

  /// Whether atom `id` is the induction variable of a loop of the scope.
  bool isScopeIv(unsigned id) {
    auto arg = dyn_cast<BlockArgument>(analysis.atoms[id]);
    if (!arg)
      return false;
    auto forOp = dyn_cast<scf::ForOp>(arg.getOwner()->getParentOp());
    return forOp && analysis.inScope(forOp);
  }

  unsigned getSymVar(const IndexPoly::Monomial &mono) {
    auto [it, inserted] = symVars.try_emplace(mono, 0);
    if (inserted)
      it->second = newVar();
    return it->second;
  }

  /// Splits `poly` (side `vars`, times `sign`) into `lin` (linear terms),
  /// `products` (symbolic monomial -> linear form E) and `symOnly`.
  bool split(const IndexPoly &poly, DenseMap<unsigned, unsigned> &vars,
             int64_t sign, Row &lin,
             std::map<IndexPoly::Monomial, Row> &products,
             std::map<IndexPoly::Monomial, int64_t> &symOnly) {
    for (const auto &[mono, coeff] : poly.terms) {
      int64_t c = coeff * sign;
      std::optional<unsigned> ivVar;
      IndexPoly::Monomial syms;
      for (unsigned id : mono) {
        auto it = vars.find(id);
        if (it != vars.end()) {
          if (ivVar)
            return false; // a product of two induction variables
          ivVar = it->second;
        } else if (isScopeIv(id)) {
          return false;
        } else {
          syms.push_back(id);
        }
      }
      if (!ivVar && syms.empty()) {
        if (!lin.addConstant(c))
          return false;
      } else if (!ivVar) {
        symOnly[syms] += c;
      } else if (syms.empty()) {
        if (!lin.addTerm(*ivVar, c))
          return false;
      } else {
        if (!products[syms].addTerm(*ivVar, c))
          return false;
      }
    }
    return true;
  }

  /// `poly` of one side as a linear row, or nullopt.
  std::optional<Row> linearize(const IndexPoly &poly,
                               DenseMap<unsigned, unsigned> &vars) {
    Row lin;
    std::map<IndexPoly::Monomial, Row> products;
    std::map<IndexPoly::Monomial, int64_t> symOnly;
    if (!split(poly, vars, 1, lin, products, symOnly) || !products.empty())
      return std::nullopt;
    for (auto &[mono, coeff] : symOnly)
      if (!lin.addTerm(getSymVar(mono), coeff))
        return std::nullopt;
    return lin;
  }

  /// The operands of a chain of `minsi` (upper bounds) or `maxsi` (lower
  /// bounds): the induction variable is below (above) each of them.
  template <typename OpTy>
  static void flatten(Value value, SmallVectorImpl<Value> &result) {
    if (auto op = value.getDefiningOp<OpTy>()) {
      flatten<OpTy>(op.getLhs(), result);
      flatten<OpTy>(op.getRhs(), result);
      return;
    }
    result.push_back(value);
  }

  void addBounds(const MemoryAccess &access,
                 DenseMap<unsigned, unsigned> &vars) {
    for (scf::ForOp loop : access.loops) {
      unsigned iv = vars[analysis.getAtomId(loop.getInductionVar())];
      SmallVector<Value> lbs, ubs;
      flatten<arith::MaxSIOp>(loop.getLowerBound(), lbs);
      flatten<arith::MinSIOp>(loop.getUpperBound(), ubs);
      std::optional<Row> lb;
      for (Value bound : lbs) {
        std::optional<IndexPoly> poly = analysis.getPoly(bound);
        std::optional<Row> row;
        if (poly)
          row = linearize(*poly, vars);
        if (!row)
          continue;
        if (lbs.size() == 1)
          lb = row;
        Row ineq; // iv - lb >= 0
        ineq.addTerm(iv, 1);
        for (auto [var, coeff] : row->coeffs)
          ineq.addTerm(var, -coeff);
        ineq.constant = -row->constant;
        rows.push_back(ineq);
      }
      for (Value bound : ubs) {
        std::optional<IndexPoly> poly = analysis.getPoly(bound);
        std::optional<Row> row;
        if (poly)
          row = linearize(*poly, vars);
        if (!row)
          continue;
        Row ineq = *row; // ub - 1 - iv >= 0
        ineq.addTerm(iv, -1);
        ineq.constant -= 1;
        rows.push_back(ineq);
      }
      APInt step;
      if (lb && matchPattern(loop.getStep(), m_ConstantInt(&step)) &&
          step.getBitWidth() <= 64 &&
          step.getSExtValue() > 1) { // iv = lb + step * q, q >= 0
        unsigned q = newVar();
        Row eq;
        eq.isEquality = true;
        eq.addTerm(iv, 1);
        for (auto [var, coeff] : lb->coeffs)
          eq.addTerm(var, -coeff);
        eq.constant = -lb->constant;
        eq.addTerm(q, -step.getSExtValue());
        rows.push_back(eq);
        Row nonNeg;
        nonNeg.addTerm(q, 1);
        rows.push_back(nonNeg);
      }
    }
  }

  void addSubscript(const IndexPoly &pa, const IndexPoly &pb) {
    Row lin;
    lin.isEquality = true;
    std::map<IndexPoly::Monomial, Row> products;
    std::map<IndexPoly::Monomial, int64_t> symOnly;
    if (!split(pa, ivVarsA, 1, lin, products, symOnly) ||
        !split(pb, ivVarsB, -1, lin, products, symOnly)) {
      ok = false;
      return;
    }
    for (auto &[mono, coeff] : symOnly) {
      if (!coeff)
        continue;
      auto it = products.find(mono);
      if (it != products.end())
        it->second.addConstant(coeff);
      else
        lin.addTerm(getSymVar(mono), coeff);
    }
    for (auto &[mono, e] : products) {
      if (e.coeffs.empty()) {
        lin.addTerm(getSymVar(mono), e.constant);
        continue;
      }
      // m * E = g * (m * E / g) with g the gcd of E's coefficients: the
      // case split then bounds m * E / g, which is tighter.
      uint64_t g = uint64_t(std::abs(e.constant));
      for (auto [var, coeff] : e.coeffs)
        g = std::gcd(g, uint64_t(std::abs(coeff)));
      if (g > 1) {
        for (auto &[var, coeff] : e.coeffs)
          coeff /= int64_t(g);
        e.constant /= int64_t(g);
      }
      Group group{newVar(), getSymVar(mono), e};
      lin.addTerm(group.w, g > 1 ? int64_t(g) : 1);
      groups.push_back(group);
    }
    rows.push_back(lin);
  }

  DependenceAnalysis &analysis;
  const MemoryAccess &a, &b;
  unsigned numVars = 0;
  bool ok = true;
  DenseMap<unsigned, unsigned> ivVarsA, ivVarsB;
  std::map<IndexPoly::Monomial, unsigned> symVars;
  SmallVector<Row> rows;
  SmallVector<Group> groups;
  SmallVector<Division> divisions;
};
} // namespace xpiler

/// Every direction vector of length `n`.
static SmallVector<DirectionVector> allVectors(unsigned n) {
  SmallVector<DirectionVector> result(1);
  for (unsigned k = 0; k < n; ++k) {
    SmallVector<DirectionVector> next;
    for (const DirectionVector &v : result)
      for (Direction d : {Direction::Lt, Direction::Eq, Direction::Gt}) {
        DirectionVector w = v;
        w.push_back(d);
        next.push_back(w);
      }
    result = std::move(next);
  }
  return result;
}

SmallVector<DirectionVector> DependenceAnalysis::getDirections(
    const MemoryAccess &a, const MemoryAccess &b,
    ArrayRef<std::pair<scf::ForOp, scf::ForOp>> levels, bool *exact) {
  if (exact)
    *exact = true;
  if (!a.isWrite && !b.isWrite)
    return {};
  if (a.root != b.root && isDistinctObject(a.root) && isDistinctObject(b.root))
    return {};
  auto unknown = [&] {
    if (exact)
      *exact = false;
    return allVectors(levels.size());
  };
  if (a.memref != b.memref || !a.known || !b.known)
    return unknown();
  DependenceSystem system(*this, a, b);
  if (!system.isValid())
    return unknown();
  SmallVector<std::pair<unsigned, unsigned>> vars;
  for (auto [la, lb] : levels) {
    std::optional<unsigned> va = system.getIvVar(la, true);
    std::optional<unsigned> vb = system.getIvVar(lb, false);
    if (!va || !vb)
      return unknown();
    vars.push_back({*va, *vb});
  }
  SmallVector<DirectionVector> result;
  SmallVector<Row> extra;
  DirectionVector prefix;
  std::function<void()> refine = [&] {
    if (!system.isFeasible(extra))
      return;
    if (prefix.size() == vars.size()) {
      result.push_back(prefix);
      return;
    }
    auto [va, vb] = vars[prefix.size()];
    for (Direction d : {Direction::Lt, Direction::Eq, Direction::Gt}) {
      Row row;
      if (d == Direction::Eq) {
        row.isEquality = true;
        row.addTerm(va, 1);
        row.addTerm(vb, -1);
      } else {
        int64_t s = d == Direction::Lt ? 1 : -1; // Lt: vb - va - 1 >= 0
        row.addTerm(vb, s);
        row.addTerm(va, -s);
        row.constant = -1;
      }
      extra.push_back(row);
      prefix.push_back(d);
      refine();
      prefix.pop_back();
      extra.pop_back();
    }
  };
  refine();
  return result;
}

SmallVector<Dependence>
DependenceAnalysis::getBandDependences(ArrayRef<scf::ForOp> band) {
  SmallVector<Dependence> result;
  SmallVector<std::pair<scf::ForOp, scf::ForOp>> levels;
  for (scf::ForOp loop : band)
    levels.push_back({loop, loop});
  SmallVector<const MemoryAccess *> inner = getAccessesIn(band.back());
  for (unsigned i = 0; i < inner.size(); ++i) {
    for (unsigned j = i; j < inner.size(); ++j) {
      const MemoryAccess &a = *inner[i], &b = *inner[j];
      bool exact;
      for (DirectionVector v : getDirections(a, b, levels, &exact)) {
        auto first =
            llvm::find_if(v, [](Direction d) { return d != Direction::Eq; });
        if (first == v.end()) {
          if (i != j)
            result.push_back({&a, &b, v, exact});
          continue;
        }
        if (*first == Direction::Lt) {
          result.push_back({&a, &b, v, exact});
          continue;
        }
        for (Direction &d : v)
          d = d == Direction::Lt   ? Direction::Gt
              : d == Direction::Gt ? Direction::Lt
                                   : d;
        result.push_back({&b, &a, v, exact});
      }
    }
  }
  return result;
}
