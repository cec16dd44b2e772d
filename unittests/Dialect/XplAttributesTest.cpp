//===- XplAttributesTest.cpp - xpl attributes through the C++ API ---------===//

#include "xpiler/Dialect/Xpl/Xpl.h"
#include "xpiler/InitAll.h"

#include "mlir/IR/AffineExpr.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "gtest/gtest.h"

using namespace mlir;
using namespace xpiler::xpl;

namespace {
class XplAttributesTest : public ::testing::Test {
protected:
  XplAttributesTest() {
    DialectRegistry registry;
    xpiler::registerAllDialects(registry);
    context.appendDialectRegistry(registry);
    context.loadAllAvailableDialects();
  }

  /// Builds a target attribute, returning null (and the message) on error.
  TargetAttr getTarget(Language language, StringRef arch,
                       std::string &message) {
    ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
      message = diag.str();
      return success();
    });
    return TargetAttr::getChecked(
        [&] { return emitError(UnknownLoc::get(&context)); }, &context,
        language, arch);
  }

  MLIRContext context;
};

TEST_F(XplAttributesTest, AcceptsEachLanguagesArchitectures) {
  std::string message;
  EXPECT_TRUE(getTarget(Language::cuda, "sm_90a", message));
  EXPECT_TRUE(getTarget(Language::hip, "gfx942", message));
  EXPECT_TRUE(getTarget(Language::bang, "mtp_592", message));
  EXPECT_TRUE(getTarget(Language::vnni, "avx512vnni", message));
  EXPECT_TRUE(message.empty()) << message;
}

TEST_F(XplAttributesTest, RejectsArchitectureOfAnotherLanguage) {
  std::string message;
  EXPECT_FALSE(getTarget(Language::cuda, "gfx90a", message));
  EXPECT_EQ(message,
            "unknown cuda architecture 'gfx90a' (expected sm_<N>)");
  EXPECT_FALSE(getTarget(Language::hip, "gfx", message));
  EXPECT_FALSE(getTarget(Language::vnni, "avx2", message));
}

TEST_F(XplAttributesTest, EnumsRoundTripThroughStrings) {
  for (uint32_t i = 0; i <= getMaxEnumValForParallelAxis(); ++i) {
    auto axis = static_cast<ParallelAxis>(i);
    EXPECT_EQ(symbolizeParallelAxis(stringifyParallelAxis(axis)), axis);
  }
  EXPECT_FALSE(symbolizeLanguage("opencl").has_value());
}

TEST_F(XplAttributesTest, BufferSizeIsASymbolicMap) {
  AffineExpr n = getAffineSymbolExpr(1, &context);
  AffineExpr m = getAffineSymbolExpr(2, &context);
  AffineMap size = AffineMap::get(0, 3, n * m);
  auto buffer = BufferAttr::get(&context, BufferDirection::inout, size);
  EXPECT_EQ(buffer.getSize().getNumSymbols(), 3u);
  EXPECT_TRUE(buffer.getSize().isFunctionOfSymbol(1));
  EXPECT_FALSE(buffer.getSize().isFunctionOfSymbol(0));
}
} // namespace
