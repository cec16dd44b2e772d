//===- Import.cpp - run Clang and hand its AST to the importer ------------===//
//
// Parses the source with libclang-cpp in the language's mode, with xpiler's
// shipped headers mapped in memory ahead of the system's, bridges Clang's
// diagnostics into MLIR's, and runs the AST importer on a clean parse.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Frontend/Import.h"

#include "EmbeddedHeaders.h"
#include "Importer.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/Tooling.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Pass/PassManager.h"
#include "xpiler/Dialect/Bang/Bang.h"
#include "xpiler/Dialect/Cuda/Cuda.h"
#include "xpiler/Dialect/Hip/Hip.h"
#include "xpiler/Dialect/Vnni/Vnni.h"
#include "xpiler/Dialect/Xpl/Xpl.h"
#include "xpiler/Passes/Passes.h"

#include "llvm/Support/Path.h"
#include "llvm/Support/thread.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace xpiler;

/// Where the shipped headers appear in the virtual file system.
static constexpr llvm::StringLiteral kHeaderRoot = "/xpiler-include";

void xpiler::registerImportDialects(mlir::DialectRegistry &registry) {
  registry.insert<mlir::arith::ArithDialect, mlir::cf::ControlFlowDialect,
                  mlir::func::FuncDialect, mlir::math::MathDialect,
                  mlir::memref::MemRefDialect, mlir::scf::SCFDialect,
                  mlir::vector::VectorDialect, xpl::XplDialect,
                  cuda::CudaDialect, hip::HipDialect, bang::BangDialect,
                  vnni::VnniDialect>();
}

namespace {
/// Turns Clang's errors into MLIR diagnostics at FileLineColLocs.
class DiagnosticBridge : public clang::DiagnosticConsumer {
public:
  explicit DiagnosticBridge(mlir::MLIRContext *context) : context(context) {}

  void HandleDiagnostic(clang::DiagnosticsEngine::Level level,
                        const clang::Diagnostic &info) override {
    clang::DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < clang::DiagnosticsEngine::Error)
      return;
    llvm::SmallString<128> message;
    info.FormatDiagnostic(message);
    mlir::Location loc = mlir::UnknownLoc::get(context);
    if (info.hasSourceManager() && info.getLocation().isValid())
      loc = getLocation(info.getSourceManager(), info.getLocation(), context);
    mlir::emitError(loc) << message;
  }

private:
  mlir::MLIRContext *context;
};

class ImportConsumer : public clang::ASTConsumer {
public:
  ImportConsumer(clang::CompilerInstance &ci, const ImportOptions &options,
                 mlir::ModuleOp module, bool &failed)
      : ci(ci), options(options), module(module), failed(failed) {}

  void HandleTranslationUnit(clang::ASTContext &astContext) override {
    if (ci.getDiagnostics().hasErrorOccurred()) {
      failed = true;
      return;
    }
    failed = mlir::failed(importTranslationUnit(astContext, options, module));
  }

private:
  clang::CompilerInstance &ci;
  const ImportOptions &options;
  mlir::ModuleOp module;
  bool &failed;
};

class ImportAction : public clang::ASTFrontendAction {
public:
  ImportAction(const ImportOptions &options, mlir::ModuleOp module,
               bool &failed)
      : options(options), module(module), failed(failed) {}

  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &ci, llvm::StringRef) override {
    return std::make_unique<ImportConsumer>(ci, options, module, failed);
  }

private:
  const ImportOptions &options;
  mlir::ModuleOp module;
  bool &failed;
};
} // namespace

mlir::Location xpiler::getLocation(const clang::SourceManager &sm,
                                   clang::SourceLocation loc,
                                   mlir::MLIRContext *context) {
  clang::PresumedLoc presumed = sm.getPresumedLoc(sm.getExpansionLoc(loc));
  if (presumed.isInvalid())
    return mlir::UnknownLoc::get(context);
  return mlir::FileLineColLoc::get(context, presumed.getFilename(),
                                   presumed.getLine(), presumed.getColumn());
}

/// The Clang command line for one language.
static std::vector<std::string> getClangArgs(const ImportOptions &options,
                                             llvm::StringRef fileName) {
  std::vector<std::string> args = {"xpiler-import", "-fsyntax-only",
                                   "-std=c++17", "-w",
                                   "-fno-caret-diagnostics"};
  switch (options.language) {
  case Language::Cuda:
  case Language::Bang:
    args.insert(args.end(), {"-x", "cuda", "--cuda-host-only", "-nocudainc",
                             "-nocudalib", "-Wno-unknown-cuda-version"});
    break;
  case Language::Hip:
    args.insert(args.end(),
                {"-x", "hip", "--cuda-host-only", "-nogpuinc", "-nogpulib"});
    break;
  case Language::Vnni:
    args.insert(args.end(), {"-x", "c++", "-mavx512f", "-mavx512bw",
                             "-mavx512vl", "-mavx512vnni", "-fopenmp"});
    break;
  }
  args.push_back("-resource-dir");
  args.push_back(XPILER_CLANG_RESOURCE_DIR);
  for (const std::string &dir : options.includeDirs)
    args.push_back("-I" + dir);
  args.push_back("-isystem");
  args.push_back(kHeaderRoot.str());
  for (const std::string &def : options.defines)
    args.push_back("-D" + def);
  // Like nvcc and hipcc, make the language's runtime header implicit.
  if (options.language == Language::Cuda) {
    args.push_back("-include");
    args.push_back("cuda_runtime.h");
  } else if (options.language == Language::Hip) {
    args.push_back("-include");
    args.push_back("hip/hip_runtime.h");
  } else if (options.language == Language::Bang) {
    args.push_back("-include");
    args.push_back("bang.h");
  }
  args.push_back(fileName.str());
  return args;
}

/// Runs `xpl-describe-launch` with the options' `--grid`/`--block`.
static mlir::LogicalResult describeLaunches(mlir::ModuleOp module,
                                            const ImportOptions &options) {
  mlir::PassManager pm(module.getContext());
  XplDescribeLaunchOptions describe;
  describe.grid.assign(options.grid.begin(), options.grid.end());
  describe.block.assign(options.block.begin(), options.block.end());
  pm.addPass(createXplDescribeLaunch(describe));
  return pm.run(module);
}

mlir::OwningOpRef<mlir::ModuleOp>
xpiler::importSource(llvm::StringRef source, llvm::StringRef fileName,
                     const ImportOptions &options,
                     mlir::MLIRContext *context) {
  mlir::DialectRegistry registry;
  registerImportDialects(registry);
  context->appendDialectRegistry(registry);
  context->loadAllAvailableDialects();

  // The main file and the shipped headers live in memory over the real
  // file system (which still serves -I directories and system headers).
  auto memoryFS = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  llvm::SmallString<256> mainPath(fileName);
  llvm::sys::fs::make_absolute(mainPath);
  memoryFS->addFile(mainPath, 0,
                    llvm::MemoryBuffer::getMemBufferCopy(source, mainPath));
  for (const EmbeddedHeader &header : getEmbeddedHeaders())
    memoryFS->addFile(kHeaderRoot + "/" + header.path, 0,
                      llvm::MemoryBuffer::getMemBuffer(header.contents));
  auto overlayFS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  overlayFS->pushOverlay(memoryFS);
  auto files = llvm::makeIntrusiveRefCnt<clang::FileManager>(
      clang::FileSystemOptions(), overlayFS);

  mlir::Location fileLoc = mlir::FileLineColLoc::get(context, fileName, 1, 1);
  mlir::OwningOpRef<mlir::ModuleOp> module = mlir::ModuleOp::create(fileLoc);
  bool failed = false;
  DiagnosticBridge diagnostics(context);
  clang::tooling::ToolInvocation invocation(
      getClangArgs(options, mainPath),
      std::make_unique<ImportAction>(options, *module, failed), files.get());
  invocation.setDiagnosticConsumer(&diagnostics);
  // Clang and the importer recurse over the AST: give them a large stack so
  // that deeply nested (but valid) code gets Clang's own limits
  // (-fbracket-depth) instead of a stack overflow.
  bool ran = false;
  auto parse = [&] { ran = invocation.run(); };
  llvm::thread parser(std::optional<unsigned>(256u << 20), parse);
  parser.join();
  if (!ran || failed || diagnostics.getNumErrors() != 0) {
    if (diagnostics.getNumErrors() == 0 && !failed)
      mlir::emitError(fileLoc) << "clang could not parse the file";
    return nullptr;
  }
  if (options.simplify && mlir::failed(simplifyImportedModule(*module)))
    return nullptr;
  if (options.simplify && mlir::failed(describeLaunches(*module, options)))
    return nullptr;
  if (options.simplify)
    removeTrivialAsserts(*module);
  return module;
}

llvm::Expected<std::vector<int64_t>>
xpiler::parseLaunchExtents(llvm::StringRef text, llvm::StringRef option) {
  auto invalid = [&] {
    return llvm::createStringError(
        "invalid --%s value '%s': expected 1 to 3 positive integers separated "
        "by commas (X[,Y[,Z]])",
        option.str().c_str(), text.str().c_str());
  };
  llvm::SmallVector<llvm::StringRef, 3> parts;
  text.split(parts, ',');
  if (text.empty() || parts.size() > 3)
    return invalid();
  std::vector<int64_t> extents;
  for (llvm::StringRef part : parts) {
    uint64_t value;
    // getAsInteger rejects signs, spaces and trailing characters.
    if (part.trim() != part || part.getAsInteger(10, value) || value == 0 ||
        value > uint64_t(INT32_MAX))
      return invalid();
    extents.push_back(int64_t(value));
  }
  return extents;
}
