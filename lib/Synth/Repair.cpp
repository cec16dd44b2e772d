//===- Repair.cpp - Z3 repair of index arithmetic and loop bounds ---------===//
//
// Counterexample-guided: Z3 proposes hole values (at most k changed, k =
// 1, 2, ...) consistent with every counterexample so far; each proposal is
// checked for every parameter value in range, statement by statement, in
// both directions (a tuple the proposal produces that the reference does
// not, and the converse); a disagreement becomes a new constraint on the
// holes.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Synth/Repair.h"

#include "AccessModel.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"

#include <set>

using namespace mlir;
using llvm::Expected;

namespace xpiler::synth {

namespace {

/// One pair of matching statements.
struct StatementPair {
  memref::StoreOp reference, proposal;
};

/// A disagreement for parameter values `params`: the proposal must produce
/// `tuple`; must not produce it in its iteration `first` (a concrete
/// iteration keeps the constraint free of quantifiers; another iteration
/// producing it is a later counterexample); or must not run the iterations
/// `first` and `second` (which produce the same tuple) both.
struct Counterexample {
  enum Kind { MustProduce, MustNotProduce, MustNotRepeat };
  Kind kind;
  std::vector<int64_t> params;
  unsigned pair;
  std::vector<int64_t> tuple;
  std::vector<int64_t> first, second;
};

class Repairer {
public:
  Repairer(func::FuncOp reference, func::FuncOp proposal,
           const RepairOptions &options)
      : reference(reference), proposal(proposal), options(options) {
    // Z3's resource limit, not only a wall-clock timeout, bounds each query:
    // it gives the same answer on a loaded machine and on a fast one.
    z3::params p(ctx);
    p.set("timeout", options.timeoutMs);
    p.set("rlimit", options.resourceLimit);
    ctxParams = p;
  }

  llvm::Error prepare();
  Expected<RepairResult> repair();
  Expected<RepairResult> finish(const std::vector<int64_t> &values,
                                RepairResult &result);
  Expected<bool> sameCoverage();

private:
  std::vector<std::optional<z3::expr>> paramVars(const std::string &name);
  std::vector<std::optional<z3::expr>>
  paramValues(const std::vector<int64_t> &values);
  z3::expr paramRange(const std::vector<std::optional<z3::expr>> &params);
  /// A satisfying assignment: the parameters and the values of the probes.
  struct Witness {
    std::vector<int64_t> params;
    std::vector<std::vector<int64_t>> probes;
  };
  /// A query for given parameters: the formula and the expressions whose
  /// values a witness reports.
  struct Query {
    z3::expr formula;
    std::vector<std::vector<z3::expr>> probes;
  };
  using QueryBuilder = llvm::function_ref<Expected<Query>(
      const std::vector<std::optional<z3::expr>> &params)>;
  /// `key` names the check: once Z3 could not decide it symbolically, the
  /// same check goes straight to the grid for later candidates.
  Expected<std::optional<Witness>> search(QueryBuilder build,
                                          const std::string &key);
  std::set<std::string> needsGrid;
  std::vector<std::vector<int64_t>> parameterGrid();

  Expected<std::optional<Counterexample>>
  findDisagreement(const std::vector<int64_t> &holeValues);
  Expected<bool> isInjective(func::FuncOp func, memref::StoreOp store,
                             const std::vector<int64_t> *holeValues,
                             Counterexample *repeat = nullptr);
  Expected<z3::expr> constraintFor(const Counterexample &cex);
  z3::solver makeSolver();
  void apply(const std::vector<int64_t> &values, RepairResult &result);

  func::FuncOp reference, proposal;
  RepairOptions options;
  z3::context ctx;
  std::optional<z3::params> ctxParams;
  std::vector<StatementPair> pairs;
  /// Whether each reference statement runs each tuple once: then so must
  /// the proposal's.
  std::vector<bool> referenceOnce;
  HoleTable holes;
  std::vector<z3::expr> holeVars;
  std::vector<int64_t> originalValues;
  unsigned freshNames = 0;

public:
  /// False once a check had to fall back to the parameter grid.
  bool symbolicEverywhere = true;
};

} // namespace

z3::solver Repairer::makeSolver() {
  z3::solver solver(ctx);
  solver.set(*ctxParams);
  return solver;
}

std::vector<std::optional<z3::expr>>
Repairer::paramVars(const std::string &name) {
  std::vector<std::optional<z3::expr>> params;
  for (BlockArgument arg : proposal.getArguments()) {
    Type type = arg.getType();
    if (type.isIndex() || (type.isInteger() && !type.isInteger(1)))
      params.push_back(ctx.int_const(
          (name + std::to_string(arg.getArgNumber())).c_str()));
    else
      params.push_back(std::nullopt);
  }
  return params;
}

std::vector<std::optional<z3::expr>>
Repairer::paramValues(const std::vector<int64_t> &values) {
  std::vector<std::optional<z3::expr>> params;
  for (auto [arg, value] : llvm::zip(proposal.getArguments(), values)) {
    Type type = arg.getType();
    if (type.isIndex() || (type.isInteger() && !type.isInteger(1)))
      params.push_back(ctx.int_val(value));
    else
      params.push_back(std::nullopt);
  }
  return params;
}

z3::expr
Repairer::paramRange(const std::vector<std::optional<z3::expr>> &params) {
  z3::expr range = ctx.bool_val(true);
  for (const std::optional<z3::expr> &p : params)
    if (p)
      range = range && *p >= ctx.int_val(options.minParam) &&
              *p <= ctx.int_val(options.maxParam);
  return range;
}

llvm::Error Repairer::prepare() {
  if (reference.getArgumentTypes() != proposal.getArgumentTypes())
    return llvm::createStringError(
        "the proposal's '" + proposal.getSymName().str() +
        "' does not take the reference's parameters");
  auto refStatements = collectStatements(reference);
  auto propStatements = collectStatements(proposal);
  std::vector<unsigned> buffers = options.buffers;
  if (buffers.empty())
    for (auto &[buffer, stores] : refStatements)
      buffers.push_back(buffer);
  for (unsigned buffer : buffers) {
    auto &refs = refStatements[buffer];
    auto &props = propStatements[buffer];
    if (refs.size() != props.size())
      return llvm::createStringError(
          "the proposal writes buffer argument " + std::to_string(buffer) +
          " in " + std::to_string(props.size()) + " statements, the "
          "reference in " + std::to_string(refs.size()));
    for (auto [r, p] : llvm::zip(refs, props))
      pairs.push_back({r, p});
  }
  if (pairs.empty())
    return llvm::createStringError("no statement writes the buffers to repair");
  // Discover the holes: every constant and index term the proposal's
  // statements use.
  for (const StatementPair &pair : pairs) {
    AccessEncoder discover(ctx, proposal, paramVars("d"), "d", &holes,
                           /*discoverHoles=*/true, &holeVars);
    Expected<StatementFormula> formula = discover.encode(pair.proposal);
    if (!formula)
      return formula.takeError();
  }
  while (holeVars.size() < holes.holes.size())
    holeVars.push_back(
        ctx.int_const(("h" + std::to_string(holeVars.size())).c_str()));
  for (const Hole &hole : holes.holes)
    originalValues.push_back(hole.original);
  // The reference must be modelable too.
  for (const StatementPair &pair : pairs) {
    AccessEncoder check(ctx, reference, paramVars("r"), "r");
    Expected<StatementFormula> formula = check.encode(pair.reference);
    if (!formula)
      return formula.takeError();
    Expected<bool> once = isInjective(reference, pair.reference, nullptr);
    if (!once)
      return once.takeError();
    referenceOnce.push_back(*once);
  }
  return llvm::Error::success();
}

/// Tuples of different lengths never agree.
static z3::expr tuplesEqual(z3::context &ctx, const std::vector<z3::expr> &a,
                            const std::vector<z3::expr> &b) {
  if (a.size() != b.size())
    return ctx.bool_val(false);
  z3::expr all = ctx.bool_val(true);
  for (auto [x, y] : llvm::zip(a, b))
    all = all && x == y;
  return all;
}

static z3::expr_vector toVector(z3::context &ctx,
                                const std::vector<z3::expr> &exprs) {
  z3::expr_vector v(ctx);
  for (const z3::expr &e : exprs)
    v.push_back(e);
  return v;
}

/// `∃ivs: formula`, or `formula` when there is no loop.
static z3::expr exists(z3::context &ctx, const std::vector<z3::expr> &ivs,
                       const z3::expr &formula) {
  return ivs.empty() ? formula : z3::exists(toVector(ctx, ivs), formula);
}

static std::vector<int64_t> evalAll(z3::model &model,
                                    const std::vector<z3::expr> &exprs) {
  std::vector<int64_t> values;
  for (const z3::expr &e : exprs)
    values.push_back(model.eval(e, true).get_numeral_int64());
  return values;
}

std::vector<std::vector<int64_t>> Repairer::parameterGrid() {
  static const int64_t interesting[] = {1, 2, 3, 5, 8, 16, 17, 33};
  std::vector<int64_t> values;
  for (int64_t v : interesting)
    if (v >= options.minParam && v <= options.maxParam)
      values.push_back(v);
  if (values.empty())
    values.push_back(options.minParam);
  std::vector<unsigned> integers;
  for (BlockArgument arg : proposal.getArguments())
    if (arg.getType().isIndex() ||
        (arg.getType().isInteger() && !arg.getType().isInteger(1)))
      integers.push_back(arg.getArgNumber());
  // Every combination when there are few; else a fixed pseudo-random
  // sample of 256 (deterministic: the same points on every run).
  size_t combinations = 1;
  for (size_t i = 0; i < integers.size() && combinations <= 256; ++i)
    combinations *= values.size();
  std::vector<std::vector<int64_t>> grid;
  uint64_t state = 0x9e3779b97f4a7c15ull;
  size_t points = std::min<size_t>(combinations, 256);
  for (size_t point = 0; point < points; ++point) {
    std::vector<int64_t> params(proposal.getNumArguments(), 0);
    size_t rest = point;
    for (unsigned arg : integers) {
      size_t pick;
      if (combinations <= 256) {
        pick = rest % values.size();
        rest /= values.size();
      } else {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        pick = (state >> 33) % values.size();
      }
      params[arg] = values[pick];
    }
    grid.push_back(std::move(params));
  }
  return grid;
}

Expected<std::optional<Repairer::Witness>>
Repairer::search(QueryBuilder build, const std::string &key) {
  auto witness = [&](z3::solver &solver, const Query &query,
                     const std::vector<std::optional<z3::expr>> &params) {
    z3::model model = solver.get_model();
    Witness w;
    for (const std::optional<z3::expr> &param : params)
      w.params.push_back(param ? model.eval(*param, true).get_numeral_int64()
                               : 0);
    for (const std::vector<z3::expr> &probe : query.probes)
      w.probes.push_back(evalAll(model, probe));
    return w;
  };
  // For every parameter value in range at once: exact when Z3 decides it.
  if (!needsGrid.count(key)) {
    std::vector<std::optional<z3::expr>> params = paramVars("p");
    Expected<Query> query = build(params);
    if (!query)
      return query.takeError();
    z3::solver solver(ctx);
    z3::params p(ctx);
    p.set("timeout", options.timeoutMs);
    p.set("rlimit", options.resourceLimit / 10);
    solver.set(p);
    solver.add(paramRange(params) && query->formula);
    z3::check_result result = solver.check();
    if (result == z3::unsat)
      return std::optional<Witness>();
    if (result == z3::sat)
      return std::optional<Witness>(witness(solver, *query, params));
  }
  // Non-linear index arithmetic (a loop variable times a parameter):
  // parameter by parameter, over a grid of values.
  symbolicEverywhere = false;
  needsGrid.insert(key);
  for (const std::vector<int64_t> &point : parameterGrid()) {
    std::vector<std::optional<z3::expr>> params = paramValues(point);
    Expected<Query> query = build(params);
    if (!query)
      return query.takeError();
    z3::solver solver = makeSolver();
    solver.add(query->formula);
    z3::check_result result = solver.check();
    if (result == z3::unknown)
      return llvm::createStringError("z3 could not decide a check (" +
                                     solver.reason_unknown() + ")");
    if (result == z3::sat)
      return std::optional<Witness>(witness(solver, *query, params));
  }
  return std::optional<Witness>();
}

Expected<std::optional<Counterexample>>
Repairer::findDisagreement(const std::vector<int64_t> &values) {
  for (auto [index, pair] : llvm::enumerate(pairs)) {
    // A tuple the proposal misses first: its constraint (the proposal must
    // produce it) prunes more candidates than an extra tuple's.
    for (bool proposalSide : {false, true}) {
      auto build = [&, pair = pair](const std::vector<std::optional<z3::expr>>
                                        &params) -> Expected<Query> {
        std::string tag = std::to_string(freshNames++);
        AccessEncoder prop(ctx, proposal, params, "P" + tag, &holes, false,
                           &holeVars, &values);
        AccessEncoder ref(ctx, reference, params, "R" + tag);
        Expected<StatementFormula> p = prop.encode(pair.proposal);
        if (!p)
          return p.takeError();
        Expected<StatementFormula> r = ref.encode(pair.reference);
        if (!r)
          return r.takeError();
        const StatementFormula &have = proposalSide ? *p : *r;
        const StatementFormula &other = proposalSide ? *r : *p;
        return Query{have.domain &&
                         !exists(ctx, other.ivs,
                                 other.domain &&
                                     tuplesEqual(ctx, other.tuple, have.tuple)),
                     {have.tuple, have.ivs}};
      };
      Expected<std::optional<Witness>> found =
          search(build, "agree " + std::to_string(index) +
                            (proposalSide ? " extra" : " missing"));
      if (!found)
        return found.takeError();
      if (!*found)
        continue;
      Counterexample cex;
      cex.params = (*found)->params;
      cex.pair = index;
      cex.tuple = (*found)->probes[0];
      cex.first = (*found)->probes[1];
      cex.kind = proposalSide ? Counterexample::MustNotProduce
                              : Counterexample::MustProduce;
      return std::optional<Counterexample>(std::move(cex));
    }
    if (!referenceOnce[index])
      continue;
    Counterexample repeat;
    Expected<bool> once =
        isInjective(proposal, pair.proposal, &values, &repeat);
    if (!once)
      return once.takeError();
    if (!*once) {
      repeat.pair = index;
      return std::optional<Counterexample>(std::move(repeat));
    }
  }
  return std::optional<Counterexample>();
}

/// `formula` with the loop variables `ivs` replaced by `values`.
static z3::expr at(z3::context &ctx, const z3::expr &formula,
                   const std::vector<z3::expr> &ivs,
                   const std::vector<int64_t> &values) {
  z3::expr_vector from(ctx), to(ctx);
  for (auto [iv, value] : llvm::zip(ivs, values)) {
    from.push_back(iv);
    to.push_back(ctx.int_val(value));
  }
  z3::expr copy = formula;
  return copy.substitute(from, to);
}

Expected<z3::expr> Repairer::constraintFor(const Counterexample &cex) {
  AccessEncoder prop(ctx, proposal, paramValues(cex.params),
                     "C" + std::to_string(freshNames++), &holes, false,
                     &holeVars);
  Expected<StatementFormula> p = prop.encode(pairs[cex.pair].proposal);
  if (!p)
    return p.takeError();
  if (cex.kind == Counterexample::MustNotRepeat) {
    // Both iterations are concrete: no quantifier needed.
    z3::expr both = at(ctx, p->domain, p->ivs, cex.first) &&
                    at(ctx, p->domain, p->ivs, cex.second);
    z3::expr same = ctx.bool_val(true);
    for (const z3::expr &component : p->tuple)
      same = same && at(ctx, component, p->ivs, cex.first) ==
                         at(ctx, component, p->ivs, cex.second);
    return !(both && same);
  }
  std::vector<z3::expr> tuple;
  for (int64_t v : cex.tuple)
    tuple.push_back(ctx.int_val(v));
  if (cex.kind == Counterexample::MustNotProduce) {
    z3::expr runs = at(ctx, p->domain, p->ivs, cex.first);
    z3::expr same = ctx.bool_val(true);
    for (auto [component, value] : llvm::zip(p->tuple, tuple))
      same = same && at(ctx, component, p->ivs, cex.first) == value;
    return !(runs && same);
  }
  // Existential at the top level: the loop variables are free.
  return p->domain && tuplesEqual(ctx, p->tuple, tuple);
}

void Repairer::apply(const std::vector<int64_t> &values,
                     RepairResult &result) {
  for (auto [hole, value] : llvm::zip(holes.holes, values)) {
    if (value == hole.original)
      continue;
    OpOperand &use = *hole.use;
    Operation *user = use.getOwner();
    std::string description;
    if (hole.selector) {
      auto name = [](Value v) -> std::string {
        if (auto named = dyn_cast<NameLoc>(v.getLoc()))
          return named.getName().str();
        auto arg = cast<BlockArgument>(v);
        if (isa<func::FuncOp>(arg.getOwner()->getParentOp()))
          return "parameter " + std::to_string(arg.getArgNumber());
        std::string loc;
        llvm::raw_string_ostream os(loc);
        arg.getOwner()->getParentOp()->getLoc().print(os);
        return "the variable of the loop at " + loc;
      };
      description = "index term " + name(hole.candidates[hole.original]) +
                    " -> " + name(hole.candidates[value]) + " in " +
                    describeUse(use);
      use.set(hole.candidates[value]);
    } else {
      description = "constant " + std::to_string(hole.original) + " -> " +
                    std::to_string(value) + " in " + describeUse(use);
      OpBuilder b(user);
      Type type = use.get().getType();
      Value constant =
          type.isIndex()
              ? Value(arith::ConstantIndexOp::create(b, user->getLoc(), value))
              : Value(arith::ConstantIntOp::create(b, user->getLoc(), type,
                                                   value));
      use.set(constant);
    }
    result.changes.push_back({user->getLoc(), description});
  }
}

Expected<bool> Repairer::isInjective(func::FuncOp func, memref::StoreOp store,
                                     const std::vector<int64_t> *values,
                                     Counterexample *repeat) {
  bool isProposal = func == proposal;
  auto build = [&](const std::vector<std::optional<z3::expr>> &params)
      -> Expected<Query> {
    std::string tag = std::to_string(freshNames++);
    AccessEncoder first(ctx, func, params, "A" + tag,
                        isProposal ? &holes : nullptr, false, &holeVars,
                        values);
    AccessEncoder second(ctx, func, params, "B" + tag,
                         isProposal ? &holes : nullptr, false, &holeVars,
                         values);
    Expected<StatementFormula> a = first.encode(store);
    if (!a)
      return a.takeError();
    Expected<StatementFormula> b = second.encode(store);
    if (!b)
      return b.takeError();
    z3::expr distinct = ctx.bool_val(false);
    for (auto [x, y] : llvm::zip(a->ivs, b->ivs))
      distinct = distinct || x != y;
    return Query{a->domain && b->domain && distinct &&
                     tuplesEqual(ctx, a->tuple, b->tuple),
                 {a->ivs, b->ivs}};
  };
  Expected<std::optional<Witness>> found = search(
      build, std::string(isProposal ? "once proposal " : "once reference ") +
                 std::to_string(reinterpret_cast<uintptr_t>(
                     store.getOperation())));
  if (!found)
    return found.takeError();
  if (*found && repeat) {
    repeat->kind = Counterexample::MustNotRepeat;
    repeat->params = (*found)->params;
    repeat->first = (*found)->probes[0];
    repeat->second = (*found)->probes[1];
  }
  return !found->has_value();
}

Expected<RepairResult> Repairer::repair() {
  Expected<std::optional<Counterexample>> initial =
      findDisagreement(originalValues);
  if (!initial)
    return initial.takeError();
  if (!*initial)
    return llvm::createStringError(
        "the proposal's loop bounds and accesses already agree with the "
        "reference; the difference is in the computed values");
  std::vector<z3::expr> constraints;
  Expected<z3::expr> first = constraintFor(**initial);
  if (!first)
    return first.takeError();
  constraints.push_back(*first);

  // Small repairs first: the fewest changed holes (k), with the changed
  // constants within a distance d of their originals (d doubling), first
  // near (d <= 16) and then far, so that Z3's candidates stay close to what
  // the proposal meant.
  RepairResult result;
  unsigned budget = options.maxIterations;
  struct Phase {
    int64_t maxDistance;
    unsigned changes;
  };
  std::vector<Phase> phases;
  for (int64_t far : {16, 4096})
    for (unsigned k = 1; k <= options.maxChanges; ++k)
      phases.push_back({far, k});
  for (const Phase &phase : phases) {
    for (int64_t d = 1; d <= phase.maxDistance; d *= 2) {
      unsigned k = phase.changes;
      z3::solver solver = makeSolver();
      z3::expr changed = ctx.int_val(0);
      for (auto [hole, var] : llvm::zip(holes.holes, holeVars)) {
        z3::expr original = ctx.int_val(hole.original);
        if (hole.selector)
          solver.add(var >= 0 && var < (int)hole.candidates.size());
        else
          solver.add(var >= original - ctx.int_val(d) &&
                     var <= original + ctx.int_val(d));
        changed = changed + z3::ite(var != original, ctx.int_val(1),
                                    ctx.int_val(0));
      }
      solver.add(changed <= (int)k);
      for (const z3::expr &c : constraints)
        solver.add(c);
      while (true) {
        if (budget == 0)
          return llvm::createStringError(
              "no repair found within " +
              std::to_string(options.maxIterations) + " candidates (" +
              std::to_string(holes.holes.size()) + " holes)");
        z3::check_result check = solver.check();
        if (check == z3::unknown)
          return llvm::createStringError("z3 could not find a repair (" +
                                         solver.reason_unknown() + ")");
        if (check == z3::unsat)
          break;
        --budget;
        ++result.iterations;
        z3::model model = solver.get_model();
        std::vector<int64_t> values = evalAll(model, holeVars);
        Expected<std::optional<Counterexample>> cex = findDisagreement(values);
        if (!cex)
          return cex.takeError();
        if (!*cex)
          return finish(values, result);
        Expected<z3::expr> constraint = constraintFor(**cex);
        if (!constraint)
          return constraint.takeError();
        constraints.push_back(*constraint);
        solver.add(*constraint);
      }
    }
  }
  return llvm::createStringError(
      "no repair of at most " + std::to_string(options.maxChanges) +
      " constants or index terms makes the accesses agree (" +
      std::to_string(holes.holes.size()) + " holes, " +
      std::to_string(result.iterations) + " candidates tried)");
}

Expected<RepairResult> Repairer::finish(const std::vector<int64_t> &values,
                                        RepairResult &result) {
  bool exactlyOnce = true;
  for (const StatementPair &pair : pairs) {
    Expected<bool> refOnce = isInjective(reference, pair.reference, nullptr);
    if (!refOnce)
      return refOnce.takeError();
    Expected<bool> propOnce = isInjective(proposal, pair.proposal, &values);
    if (!propOnce)
      return propOnce.takeError();
    exactlyOnce = exactlyOnce && *refOnce && *propOnce;
  }
  result.exactlyOnce = exactlyOnce;
  result.provenForAllParameters = symbolicEverywhere;
  apply(values, result);
  return result;
}

Expected<bool> Repairer::sameCoverage() {
  Expected<std::optional<Counterexample>> cex =
      findDisagreement(originalValues);
  if (!cex)
    return cex.takeError();
  if (*cex)
    return false;
  for (const StatementPair &pair : pairs) {
    Expected<bool> once = isInjective(proposal, pair.proposal, &originalValues);
    if (!once)
      return once.takeError();
    if (!*once)
      return false;
  }
  return true;
}

/// Z3 reports misuse by exception; the rest of xpiler uses llvm::Error.
template <typename Fn>
static auto guard(Fn fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const z3::exception &e) {
    return llvm::createStringError(std::string("z3: ") + e.msg());
  }
}

bool writesBuffers(func::FuncOp func) {
  return !collectStatements(func).empty();
}

Expected<RepairResult> repairAccesses(func::FuncOp reference,
                                      func::FuncOp proposal,
                                      const RepairOptions &options) {
  return guard([&]() -> Expected<RepairResult> {
    Repairer repairer(reference, proposal, options);
    if (llvm::Error error = repairer.prepare())
      return std::move(error);
    return repairer.repair();
  });
}

Expected<bool> provesSameCoverage(func::FuncOp reference,
                                  func::FuncOp proposal,
                                  const RepairOptions &options) {
  return guard([&]() -> Expected<bool> {
    Repairer repairer(reference, proposal, options);
    if (llvm::Error error = repairer.prepare())
      return std::move(error);
    return repairer.sameCoverage();
  });
}

} // namespace xpiler::synth
