//===- xpiler-translate.cpp - import and emit, like mlir-translate --------===//
//
// `--import-cuda|hip|bang|vnni FILE` prints the MLIR a source file becomes.
// `-I`, `-D` and `--entry NAME` work as in a compiler; `--grid=X[,Y[,Z]]`
// and `--block=X[,Y[,Z]]` give the launch shape of kernels without a host
// launcher.
// `--emit-cuda|hip|bang|vnni FILE.mlir` prints the source a module becomes.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Frontend/Import.h"
#include "xpiler/InitAll.h"
#include "xpiler/Target/Export.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/SourceMgr.h"

#include <deque>

using namespace mlir;

static llvm::cl::list<std::string>
    includeDirs("I", llvm::cl::desc("add a directory to the include path"),
                llvm::cl::value_desc("dir"), llvm::cl::Prefix);
static llvm::cl::list<std::string>
    defines("D", llvm::cl::desc("define a preprocessor macro"),
            llvm::cl::value_desc("name[=value]"), llvm::cl::Prefix);
static llvm::cl::opt<std::string>
    entry("entry", llvm::cl::desc("import only this function and what it uses"),
          llvm::cl::value_desc("name"), llvm::cl::init(""));
static llvm::cl::opt<std::string>
    grid("grid",
         llvm::cl::desc("grid (BANG: task) extents of kernels without a "
                        "launcher"),
         llvm::cl::value_desc("x[,y[,z]]"), llvm::cl::init(""));
static llvm::cl::opt<std::string>
    block("block",
          llvm::cl::desc("block extents of kernels without a launcher "
                         "(default: __launch_bounds__)"),
          llvm::cl::value_desc("x[,y[,z]]"), llvm::cl::init(""));

/// Parses `--grid`/`--block` into `extents`; reports errors on `context`.
static LogicalResult parseExtentsOption(const llvm::cl::opt<std::string> &opt,
                                        std::vector<int64_t> &extents,
                                        MLIRContext *context) {
  if (opt.getNumOccurrences() == 0)
    return success();
  llvm::Expected<std::vector<int64_t>> parsed =
      xpiler::parseLaunchExtents(opt, opt.ArgStr);
  if (!parsed) {
    emitError(UnknownLoc::get(context)) << llvm::toString(parsed.takeError());
    return failure();
  }
  extents = std::move(*parsed);
  return success();
}

/// Storage for registration strings: the registry keeps only views of them.
static StringRef keepString(std::string text) {
  static std::deque<std::string> strings;
  return strings.emplace_back(std::move(text));
}

static void registerImport(StringRef name, xpiler::Language language) {
  TranslateToMLIRRegistration(
      keepString(("import-" + name).str()),
      keepString(("import " + name + " source (through Clang)").str()),
      [language](llvm::SourceMgr &sourceMgr,
                 MLIRContext *context) -> OwningOpRef<Operation *> {
        const llvm::MemoryBuffer *buffer =
            sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
        xpiler::ImportOptions options;
        options.language = language;
        options.includeDirs.assign(includeDirs.begin(), includeDirs.end());
        options.defines.assign(defines.begin(), defines.end());
        options.entry = entry;
        if (failed(parseExtentsOption(grid, options.grid, context)) ||
            failed(parseExtentsOption(block, options.block, context)))
          return nullptr;
        OwningOpRef<ModuleOp> module = xpiler::importSource(
            buffer->getBuffer(), buffer->getBufferIdentifier(), options,
            context);
        if (!module)
          return nullptr;
        return OwningOpRef<Operation *>(module.release());
      },
      [](DialectRegistry &registry) {
        xpiler::registerImportDialects(registry);
      });
}

int main(int argc, char **argv) {
  registerImport("cuda", xpiler::Language::Cuda);
  registerImport("hip", xpiler::Language::Hip);
  registerImport("bang", xpiler::Language::Bang);
  registerImport("vnni", xpiler::Language::Vnni);
  xpiler::registerExportTranslations();
  return failed(mlirTranslateMain(argc, argv, "xpiler translation driver\n"));
}
