//===- DependenceTest.cpp - the dependence analysis of scf.for nests ------===//
//
// Direction vectors of small nests: exact where the subscripts are affine
// (including linearised row-major indices with a symbolic stride), every
// direction where they are not.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Analysis/Dependence.h"
#include "xpiler/InitAll.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "gtest/gtest.h"

using namespace mlir;
using namespace xpiler;

namespace {
class DependenceTest : public ::testing::Test {
protected:
  DependenceTest() {
    DialectRegistry registry;
    registerUpstreamDialects(registry);
    registerAllDialects(registry);
    context.appendDialectRegistry(registry);
    context.loadAllAvailableDialects();
  }

  /// Parses `body` as the body of `func.func @f(%A: memref<?xf32>, %B:
  /// memref<?xf32>, %N: index)` with %c0, %c1 defined.
  scf::ForOp parse(StringRef body) {
    std::string source =
        "func.func @f(%A: memref<?xf32>, %B: memref<?xf32>, %N: index) {\n"
        "  %c0 = arith.constant 0 : index\n"
        "  %c1 = arith.constant 1 : index\n" +
        body.str() + "\n  return\n}\n";
    module = parseSourceString<ModuleOp>(source, &context);
    EXPECT_TRUE(module);
    scf::ForOp outer;
    module->walk([&](scf::ForOp loop) {
      if (!loop->getParentOfType<scf::ForOp>() && !outer)
        outer = loop;
    });
    return outer;
  }

  /// The band of perfectly nested loops under `outer`.
  static SmallVector<scf::ForOp> getBand(scf::ForOp outer) {
    SmallVector<scf::ForOp> band{outer};
    while (true) {
      scf::ForOp next;
      for (Operation &op : band.back().getBody()->without_terminator())
        if (auto loop = dyn_cast<scf::ForOp>(op))
          next = loop;
      if (!next)
        return band;
      band.push_back(next);
    }
  }

  /// Every dependence vector of the nest, rendered, sorted.
  std::vector<std::string> vectors(StringRef body) {
    scf::ForOp outer = parse(body);
    DependenceAnalysis analysis(ArrayRef<Operation *>{outer.getOperation()});
    std::vector<std::string> result;
    for (const Dependence &dep : analysis.getBandDependences(getBand(outer)))
      result.push_back(toString(dep.directions) + (dep.exact ? "" : "?"));
    llvm::sort(result);
    result.erase(std::unique(result.begin(), result.end()), result.end());
    return result;
  }

  MLIRContext context;
  OwningOpRef<ModuleOp> module;
};

TEST_F(DependenceTest, IndependentIterations) {
  // B[i] = A[i]: different buffers, no dependence at all.
  EXPECT_TRUE(vectors(R"(
  scf.for %i = %c0 to %N step %c1 {
    %v = memref.load %A[%i] : memref<?xf32>
    memref.store %v, %B[%i] : memref<?xf32>
  })")
                  .empty());
}

TEST_F(DependenceTest, CarriedByOneLoop) {
  // A[i] = A[i-1]: a flow dependence at distance 1.
  std::vector<std::string> expected = {"(<)"};
  EXPECT_EQ(vectors(R"(
  scf.for %i = %c1 to %N step %c1 {
    %j = arith.subi %i, %c1 : index
    %v = memref.load %A[%j] : memref<?xf32>
    memref.store %v, %A[%i] : memref<?xf32>
  })"),
            expected);
}

TEST_F(DependenceTest, LinearizedStencil) {
  // A[i*N + j] = A[(i-1)*N + j+1] for j in [0, N-1): (<, >) only.
  std::vector<std::string> expected = {"(<, >)"};
  EXPECT_EQ(vectors(R"(
  %nm1 = arith.subi %N, %c1 : index
  scf.for %i = %c1 to %N step %c1 {
    scf.for %j = %c0 to %nm1 step %c1 {
      %im1 = arith.subi %i, %c1 : index
      %jp1 = arith.addi %j, %c1 : index
      %r = arith.muli %im1, %N : index
      %src = arith.addi %r, %jp1 : index
      %w = arith.muli %i, %N : index
      %dst = arith.addi %w, %j : index
      %v = memref.load %A[%src] : memref<?xf32>
      memref.store %v, %A[%dst] : memref<?xf32>
    }
  })"),
            expected);
}

TEST_F(DependenceTest, MatmulReduction) {
  // C[i*N + j] += ... over k: carried by k only, with i and j equal, plus
  // the loop-independent read-before-write of one iteration.
  std::vector<std::string> expected = {"(=, =, <)", "(=, =, =)"};
  EXPECT_EQ(vectors(R"(
  scf.for %i = %c0 to %N step %c1 {
    scf.for %j = %c0 to %N step %c1 {
      scf.for %k = %c0 to %N step %c1 {
        %in = arith.muli %i, %N : index
        %x = arith.addi %in, %j : index
        %a = memref.load %B[%k] : memref<?xf32>
        %c = memref.load %A[%x] : memref<?xf32>
        %s = arith.addf %c, %a : f32
        memref.store %s, %A[%x] : memref<?xf32>
      }
    }
  })"),
            expected);
}

TEST_F(DependenceTest, I32IndexArithmetic) {
  // The importers' form: i32 arithmetic, extsi, index_cast; a division by a
  // constant in the lower bound. A[c*N + r] written once per (r, c).
  EXPECT_TRUE(vectors(R"(
  %n = arith.index_cast %N : index to i32
  %c16 = arith.constant 16 : i32
  %d = arith.divsi %n, %c16 : i32
  %m = arith.muli %d, %c16 : i32
  %lb = arith.index_cast %m : i32 to index
  scf.for %r = %lb to %N step %c1 {
    scf.for %c = %c0 to %N step %c1 {
      %c32 = arith.index_cast %c : index to i32
      %c64 = arith.extsi %c32 : i32 to i64
      %n64 = arith.extsi %n : i32 to i64
      %p = arith.muli %c64, %n64 : i64
      %pi = arith.index_castui %p : i64 to index
      %x = arith.addi %pi, %r : index
      %v = memref.load %B[%x] : memref<?xf32>
      memref.store %v, %A[%x] : memref<?xf32>
    }
  })")
                  .empty());
}

TEST_F(DependenceTest, IndirectIsAssumed) {
  // A[B2[j]] = ...: unknown subscript, every direction, marked inexact.
  std::vector<std::string> result = vectors(R"(
  %idx = memref.alloca() : memref<8xindex>
  scf.for %i = %c0 to %N step %c1 {
    scf.for %j = %c0 to %N step %c1 {
      %x = memref.load %idx[%j] : memref<8xindex>
      %v = memref.load %A[%x] : memref<?xf32>
      memref.store %v, %A[%i] : memref<?xf32>
    }
  })");
  ASSERT_FALSE(result.empty());
  EXPECT_NE(std::find(result.begin(), result.end(), "(<, >)?"), result.end());
}

TEST_F(DependenceTest, PolynomialArithmetic) {
  IndexPoly i = IndexPoly::getAtom(0), n = IndexPoly::getAtom(1);
  std::optional<IndexPoly> in = i.mul(n);
  ASSERT_TRUE(in);
  std::optional<IndexPoly> zero = in->add(*n.mul(i), -1);
  ASSERT_TRUE(zero);
  EXPECT_EQ(zero->getConstantValue(), 0);
  EXPECT_FALSE(
      IndexPoly::getConstant(INT64_MAX).add(IndexPoly::getConstant(1)));
}
} // namespace
