//===- VerifyTest.cpp - the C++ API of the oracle -------------------------===//
//
// verifyEquivalent in-process: programs compiled once and reused across
// trials, equivalent and different pairs, tolerances, deterministic inputs.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Exec/Verify.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include "gtest/gtest.h"

using namespace xpiler::exec;

namespace {

/// out[i] = a[i] * SCALE + b[i] for i < n (a, b, out: n floats).
std::string axpy(const char *scale, const char *bound = "%n") {
  return std::string(R"(
func.func @axpy(%a: memref<?xf32>, %b: memref<?xf32>, %out: memref<?xf32>, %n: i32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %s = arith.constant )") +
         scale + R"( : f32
  %nn = arith.index_cast %n : i32 to index
  %ub = )" +
         (std::string(bound) == "%n" ? "arith.addi %nn, %c0"
                                     : "arith.addi %nn, %c1") +
         R"( : index
  scf.for %i = %c0 to %ub step %c1 {
    %x = memref.load %a[%i] : memref<?xf32>
    %y = memref.load %b[%i] : memref<?xf32>
    %m = arith.mulf %x, %s : f32
    %r = arith.addf %m, %y : f32
    memref.store %r, %out[%i] : memref<?xf32>
  }
  return
})";
}

class VerifyTest : public ::testing::Test {
protected:
  VerifyTest() : context(makeRegistry()) { context.loadAllAvailableDialects(); }
  static mlir::DialectRegistry makeRegistry() {
    mlir::DialectRegistry registry;
    registerExecutionDialects(registry);
    return registry;
  }
  std::unique_ptr<Program> compile(const std::string &source) {
    auto module = mlir::parseSourceString<mlir::ModuleOp>(source, &context);
    EXPECT_TRUE(module);
    auto program = Program::compile(*module);
    EXPECT_TRUE(static_cast<bool>(program))
        << llvm::toString(program.takeError());
    return program ? std::move(*program) : nullptr;
  }
  VerifyOptions options() {
    VerifyOptions o;
    o.inputs.args = {
        {"arg3", "100"}, {"arg0", "arg3"}, {"arg1", "arg3"}, {"arg2", "arg3"}};
    return o;
  }
  mlir::MLIRContext context;
};

TEST_F(VerifyTest, SameProgramIsEquivalent) {
  auto a = compile(axpy("2.0"));
  auto b = compile(axpy("2.0"));
  VerifyReport report = verifyEquivalent(*a, *b, options());
  EXPECT_EQ(report.verdict, VerifyReport::Verdict::Equivalent)
      << report.message;
  EXPECT_EQ(report.trials, 4u);
  EXPECT_EQ(report.elementsCompared, 4 * 300);
  EXPECT_EQ(report.maxAbsError, 0.0);
}

TEST_F(VerifyTest, WrongConstantIsDifferent) {
  auto a = compile(axpy("2.0"));
  auto b = compile(axpy("2.5"));
  VerifyReport report = verifyEquivalent(*a, *b, options());
  EXPECT_EQ(report.verdict, VerifyReport::Verdict::Different);
  EXPECT_NE(report.message.find("buffer 'arg2' index 0"), std::string::npos)
      << report.message;
}

TEST_F(VerifyTest, TinyDifferenceWithinTolerance) {
  // 2 vs 2 * (1 + 1e-7): rounding-level differences are equivalent for f32,
  // and different when the tolerance is set to zero.
  auto a = compile(axpy("2.0"));
  auto b = compile(axpy("2.0000002"));
  VerifyReport loose = verifyEquivalent(*a, *b, options());
  EXPECT_EQ(loose.verdict, VerifyReport::Verdict::Equivalent) << loose.message;
  VerifyOptions strict = options();
  strict.rtol = 0;
  strict.atol = 0;
  VerifyReport exact = verifyEquivalent(*a, *b, strict);
  EXPECT_EQ(exact.verdict, VerifyReport::Verdict::Different);
}

TEST_F(VerifyTest, OutOfBoundsCandidateIsDifferentWithLocation) {
  auto a = compile(axpy("2.0"));
  auto b = compile(axpy("2.0", "%n + 1"));
  VerifyReport report = verifyEquivalent(*a, *b, options());
  EXPECT_EQ(report.verdict, VerifyReport::Verdict::Different);
  EXPECT_NE(report.message.find("the candidate trapped"), std::string::npos);
  EXPECT_NE(report.message.find("index 100 is outside [0, 100)"),
            std::string::npos)
      << report.message;
}

TEST_F(VerifyTest, ReferenceThatTrapsCannotRun) {
  auto a = compile(axpy("2.0", "%n + 1"));
  auto b = compile(axpy("2.0"));
  VerifyReport report = verifyEquivalent(*a, *b, options());
  EXPECT_EQ(report.verdict, VerifyReport::Verdict::CouldNotRun);
}

TEST_F(VerifyTest, InputsAreDeterministicPerSeedAndTrial) {
  auto a = compile(axpy("2.0"));
  InputOptions inputs = options().inputs;
  auto first = makeInputs(a->getSignature(), inputs, 1);
  auto again = makeInputs(a->getSignature(), inputs, 1);
  auto other = makeInputs(a->getSignature(), inputs, 2);
  ASSERT_TRUE(static_cast<bool>(first) && static_cast<bool>(again) &&
              static_cast<bool>(other));
  EXPECT_EQ((*first)[0].bytes, (*again)[0].bytes);
  EXPECT_NE((*first)[0].bytes, (*other)[0].bytes);
  EXPECT_EQ((*first)[3].intValue, 100);
}

TEST_F(VerifyTest, CompiledProgramIsReusedAcrossRuns) {
  auto a = compile(axpy("2.0"));
  InputOptions inputs = options().inputs;
  for (unsigned trial = 0; trial < 3; ++trial) {
    auto args = makeInputs(a->getSignature(), inputs, trial);
    ASSERT_TRUE(static_cast<bool>(args));
    RunResult result = a->run(*args);
    ASSERT_EQ(result.status, RunResult::Status::Ok) << result.message;
    for (int64_t i = 0; i < 100; ++i) {
      float x = (float)readElement((*args)[0], DType::F32, i);
      float y = (float)readElement((*args)[1], DType::F32, i);
      EXPECT_EQ((float)readElement(result.buffers[2], DType::F32, i),
                x * 2.0f + y);
    }
  }
}

} // namespace
