//===- ImportModule.cpp - functions, types and the translation unit -------===//

#include "Importer.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Verifier.h"
#include "xpiler/Dialect/Bang/Bang.h"
#include "xpiler/Dialect/Cuda/Cuda.h"
#include "xpiler/Dialect/Hip/Hip.h"
#include "xpiler/Dialect/Xpl/Xpl.h"

using namespace mlir;
using namespace xpiler;

ModuleImporter::ModuleImporter(clang::ASTContext &ast,
                               const ImportOptions &options, ModuleOp module)
    : ast(ast), options(options), module(module) {}

Location ModuleImporter::loc(clang::SourceLocation l) {
  return getLocation(ast.getSourceManager(), l, getContext());
}

Attribute ModuleImporter::getGlobalSpace() {
  switch (options.language) {
  case Language::Cuda:
    return cuda::MemorySpaceAttr::get(getContext(), cuda::MemorySpace::global);
  case Language::Hip:
    return hip::MemorySpaceAttr::get(getContext(), hip::MemorySpace::global);
  case Language::Bang:
    return bang::MemorySpaceAttr::get(getContext(), bang::MemorySpace::gdram);
  case Language::Vnni:
    return {};
  }
  llvm_unreachable("unknown language");
}

Attribute ModuleImporter::getSharedSpace() {
  switch (options.language) {
  case Language::Cuda:
    return cuda::MemorySpaceAttr::get(getContext(), cuda::MemorySpace::shared);
  case Language::Hip:
    return hip::MemorySpaceAttr::get(getContext(), hip::MemorySpace::shared);
  case Language::Bang:
    return bang::MemorySpaceAttr::get(getContext(), bang::MemorySpace::sram);
  case Language::Vnni:
    return {};
  }
  llvm_unreachable("unknown language");
}

FunctionSide ModuleImporter::getSide(const clang::FunctionDecl *f) {
  if (f->hasAttr<clang::CUDAGlobalAttr>())
    return FunctionSide::Kernel;
  if (f->hasAttr<clang::CUDADeviceAttr>() && !f->hasAttr<clang::CUDAHostAttr>())
    return FunctionSide::Device;
  return FunctionSide::Host;
}

FailureOr<Type> ModuleImporter::convertType(clang::QualType t,
                                            Attribute space,
                                            clang::SourceLocation where) {
  MLIRContext *ctx = getContext();
  if (options.language == Language::Vnni)
    if (std::optional<Type> v = convertVnniType(t, ctx))
      return *v;
  if (options.language == Language::Cuda)
    if (std::optional<Type> v = convertWmmaType(t, ctx))
      return *v;
  t = t.getCanonicalType().getUnqualifiedType();
  if (const auto *bt = t->getAs<clang::BuiltinType>()) {
    switch (bt->getKind()) {
    case clang::BuiltinType::Bool:
      return Type(IntegerType::get(ctx, 1));
    case clang::BuiltinType::Float:
      return Type(Float32Type::get(ctx));
    case clang::BuiltinType::Double:
      return Type(Float64Type::get(ctx));
    case clang::BuiltinType::Float16:
    case clang::BuiltinType::Half:
      return Type(Float16Type::get(ctx));
    case clang::BuiltinType::BFloat16:
      return Type(BFloat16Type::get(ctx));
    default:
      if (bt->isInteger())
        return Type(IntegerType::get(ctx, ast.getTypeSize(t)));
      break;
    }
  }
  if (const auto *et = t->getAs<clang::EnumType>())
    return convertType(et->getDecl()->getIntegerType(), space, where);
  if (const auto *vt = t->getAs<clang::VectorType>()) {
    FailureOr<Type> elem = convertType(vt->getElementType(), space, where);
    if (failed(elem))
      return failure();
    return Type(VectorType::get({int64_t(vt->getNumElements())}, *elem));
  }
  if (t->isPointerType()) {
    clang::QualType pointee = t->getPointeeType();
    // In C++ with intrinsics a `void *` (a memcpy-style helper's parameter)
    // is a byte pointer; a call with another buffer type specializes it.
    if (pointee->isVoidType() && options.language == Language::Vnni)
      pointee = ast.UnsignedCharTy;
    if (pointee->isPointerType() || pointee->isVoidType() ||
        pointee->isRecordType()) {
      emitError(loc(where)) << "pointer to '" << pointee.getAsString()
                            << "' is not supported (only pointers to "
                               "numbers are)";
      return failure();
    }
    FailureOr<Type> elem = convertType(pointee, space, where);
    if (failed(elem))
      return failure();
    return Type(MemRefType::get({ShapedType::kDynamic}, *elem,
                                MemRefLayoutAttrInterface(), space));
  }
  if (const auto *at = ast.getAsConstantArrayType(t)) {
    SmallVector<int64_t> shape;
    clang::QualType elem = t;
    while (const auto *a = ast.getAsConstantArrayType(elem)) {
      shape.push_back(a->getSize().getZExtValue());
      elem = a->getElementType();
    }
    (void)at;
    FailureOr<Type> e = convertType(elem, space, where);
    if (failed(e))
      return failure();
    return Type(MemRefType::get(shape, *e, MemRefLayoutAttrInterface(), space));
  }
  emitError(loc(where)) << "type '" << t.getAsString() << "' is not supported";
  return failure();
}

std::string ModuleImporter::getName(const clang::FunctionDecl *f) {
  std::string base = f->getNameAsString();
  // Overloads and specializations get distinct symbols: name, name_1, ...
  // (skipping names the file itself uses).
  for (unsigned &count = usedNames[base];; ++count) {
    std::string name = count == 0 ? base : base + "_" + std::to_string(count);
    if (takenNames.insert(name).second) {
      ++count;
      return name;
    }
  }
}

FailureOr<func::FuncOp>
ModuleImporter::getFunction(const clang::FunctionDecl *f) {
  f = f->getCanonicalDecl();
  auto it = functions.find(f);
  if (it != functions.end())
    return it->second;
  const clang::FunctionDecl *def = f->getDefinition();
  if (!def)
    def = f;
  if (def->isVariadic()) {
    emitError(loc(def->getLocation()))
        << "variadic function '" << def->getName() << "' is not supported";
    return failure();
  }
  FunctionSide side = getSide(def);
  Attribute space = side == FunctionSide::Host ? Attribute() : getGlobalSpace();
  SmallVector<Type> inputs, results;
  for (const clang::ParmVarDecl *p : def->parameters()) {
    FailureOr<Type> t = convertType(p->getType(), space, p->getLocation());
    if (failed(t))
      return failure();
    inputs.push_back(*t);
  }
  if (!def->getReturnType()->isVoidType()) {
    FailureOr<Type> t =
        convertType(def->getReturnType(), space, def->getLocation());
    if (failed(t))
      return failure();
    if (isa<MemRefType>(*t)) {
      emitError(loc(def->getLocation())) << "functions returning pointers are "
                                            "not supported";
      return failure();
    }
    results.push_back(*t);
  }
  OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
  auto func = b.create<func::FuncOp>(loc(def->getLocation()), getName(def),
                                     b.getFunctionType(inputs, results));
  StringRef kernelAttr, deviceAttr;
  if (options.language == Language::Hip) {
    kernelAttr = "hip.kernel";
    deviceAttr = "hip.device";
  } else if (options.language == Language::Cuda) {
    kernelAttr = "cuda.kernel";
    deviceAttr = "cuda.device";
  } else if (options.language == Language::Bang) {
    kernelAttr = "bang.kernel";
    deviceAttr = "bang.func";
  }
  if (options.language == Language::Vnni)
    func->setAttr("vnni.target_features",
                  b.getStringAttr(getVnniTargetFeatures(ast, def)));
  if (side == FunctionSide::Kernel && !kernelAttr.empty())
    func->setAttr(kernelAttr, b.getUnitAttr());
  if (side == FunctionSide::Device && !deviceAttr.empty())
    func->setAttr(deviceAttr, b.getUnitAttr());
  if (const auto *lb = def->getAttr<clang::CUDALaunchBoundsAttr>()) {
    std::optional<llvm::APSInt> maxThreads =
        lb->getMaxThreads()->getIntegerConstantExpr(ast);
    std::optional<llvm::APSInt> minBlocks;
    if (lb->getMinBlocks())
      minBlocks = lb->getMinBlocks()->getIntegerConstantExpr(ast);
    if (!maxThreads) {
      emitError(loc(lb->getLocation())) << "__launch_bounds__ needs constants";
      return failure();
    }
    if (options.language == Language::Cuda) {
      std::optional<int32_t> min;
      if (minBlocks)
        min = minBlocks->getExtValue();
      func->setAttr("cuda.launch_bounds",
                    cuda::LaunchBoundsAttr::get(
                        b.getContext(), maxThreads->getExtValue(), min));
    } else if (options.language == Language::Hip) {
      SmallVector<int32_t> values = {int32_t(maxThreads->getExtValue())};
      if (minBlocks)
        values.push_back(minBlocks->getExtValue());
      func->setAttr("hip.launch_bounds", b.getDenseI32ArrayAttr(values));
    }
  }
  functions[f] = func;
  return func;
}

FailureOr<func::FuncOp>
ModuleImporter::getSpecializedFunction(const clang::FunctionDecl *f,
                                       ArrayRef<Type> inputs) {
  FailureOr<func::FuncOp> base = getFunction(f);
  if (failed(base))
    return failure();
  if (base->getFunctionType().getInputs() == inputs)
    return base;
  const clang::FunctionDecl *def = f->getDefinition();
  if (!def) {
    emitError(loc(f->getLocation()))
        << "'" << f->getName() << "' has no body to specialize";
    return failure();
  }
  std::vector<const void *> key;
  for (Type t : inputs)
    key.push_back(t.getAsOpaquePointer());
  auto it = specializations.find({def, key});
  if (it != specializations.end())
    return it->second;
  OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
  auto func = b.create<func::FuncOp>(
      loc(def->getLocation()), getName(def),
      b.getFunctionType(inputs, base->getFunctionType().getResults()));
  for (NamedAttribute attr : (*base)->getDiscardableAttrs())
    func->setAttr(attr.getName(), attr.getValue());
  specializations[{def, key}] = func;
  FunctionImporter importer(*this, def, getSide(def), func);
  if (failed(importer.import()))
    return failure();
  return func;
}

/// Functions written in the main file (not in headers), with bodies.
static bool isUserFunction(const clang::FunctionDecl *f,
                           const clang::SourceManager &sm) {
  return f->doesThisDeclarationHaveABody() &&
         sm.isWrittenInMainFile(sm.getExpansionLoc(f->getLocation())) &&
         !f->isTemplated() && !f->isDeleted();
}

LogicalResult ModuleImporter::importAll() {
  const clang::SourceManager &sm = ast.getSourceManager();
  SmallVector<const clang::FunctionDecl *> defs;
  bool unsupportedGlobal = false;
  std::function<void(const clang::DeclContext *)> collect =
      [&](const clang::DeclContext *dc) {
        for (const clang::Decl *d : dc->decls()) {
          if (const auto *f = dyn_cast<clang::FunctionDecl>(d)) {
            if (isUserFunction(f, sm))
              defs.push_back(f);
          } else if (const auto *ls = dyn_cast<clang::LinkageSpecDecl>(d)) {
            collect(ls);
          } else if (const auto *ns = dyn_cast<clang::NamespaceDecl>(d)) {
            if (sm.isWrittenInMainFile(sm.getExpansionLoc(ns->getLocation())))
              collect(ns);
          } else if (const auto *v = dyn_cast<clang::VarDecl>(d)) {
            if (sm.isWrittenInMainFile(sm.getExpansionLoc(v->getLocation())) &&
                !v->getType().isConstQualified() &&
                !v->isConstexpr() &&
                !getBangArraySpace(v, getContext())) {
              emitError(loc(v->getLocation()))
                  << "global variable '" << v->getName()
                  << "' is not supported (only constants are)";
              unsupportedGlobal = true;
            }
          }
        }
      };
  collect(ast.getTranslationUnitDecl());
  if (unsupportedGlobal)
    return failure();

  if (!options.entry.empty()) {
    auto it = llvm::find_if(defs, [&](const clang::FunctionDecl *f) {
      return f->getName() == options.entry;
    });
    if (it == defs.end()) {
      emitError(module.getLoc())
          << "entry function '" << options.entry << "' is not defined in "
          << "the file";
      return failure();
    }
  }
  bool anyFailed = false;
  // Helpers taking pointers (device functions, static or inline host
  // functions) are imported for the buffers they are called with (a
  // specialization per memory space and layout), so they wait for their
  // callers; the ones nobody calls are not imported.
  auto takesPointers = [](const clang::FunctionDecl *f) {
    return llvm::any_of(f->parameters(), [](const clang::ParmVarDecl *p) {
      return p->getType()->isPointerType();
    });
  };
  auto importedOnDemand = [&](const clang::FunctionDecl *f) {
    return takesPointers(f) && (getSide(f) == FunctionSide::Device ||
                                !f->isExternallyVisible() || f->isInlined());
  };
  for (const clang::FunctionDecl *f : defs) {
    if (importedOnDemand(f))
      continue;
    FunctionImporter importer(*this, f, getSide(f));
    if (failed(importer.import()))
      anyFailed = true;
  }
  // Bodies of the helpers called with their declared types (a declaration
  // made only to be specialized is not called, and not imported).
  for (bool changed = true; changed && !anyFailed;) {
    changed = false;
    SmallVector<std::pair<const clang::FunctionDecl *, func::FuncOp>> pending;
    for (const clang::FunctionDecl *f : defs)
      if (auto it = functions.find(f->getCanonicalDecl());
          it != functions.end() && it->second.isExternal() &&
          !SymbolTable::symbolKnownUseEmpty(it->second, module))
        pending.push_back({f, it->second});
    for (auto [f, func] : pending) {
      FunctionImporter importer(*this, f, getSide(f), func);
      if (failed(importer.import()))
        anyFailed = true;
      changed = true;
    }
  }
  if (anyFailed)
    return failure();

  // Keep what the program's entry points reach: the --entry function, else
  // kernels, extern "C" functions and the other externally visible
  // functions imported for themselves. Helpers imported per call signature
  // (and their declared-type versions nobody calls) are not entry points.
  SmallVector<Operation *> work;
  {
    SymbolTable table(module);
    if (!options.entry.empty()) {
      work.push_back(table.lookup(options.entry));
    } else {
      for (const clang::FunctionDecl *f : defs) {
        bool root = getSide(f) == FunctionSide::Kernel || f->isExternC() ||
                    (f->isExternallyVisible() && !f->isInlined() &&
                     !importedOnDemand(f));
        if (auto it = functions.find(f->getCanonicalDecl());
            root && it != functions.end())
          work.push_back(it->second);
      }
    }
    llvm::SmallPtrSet<Operation *, 8> live;
    while (!work.empty()) {
      Operation *op = work.pop_back_val();
      if (!op || !live.insert(op).second)
        continue;
      if (auto uses = SymbolTable::getSymbolUses(op))
        for (const SymbolTable::SymbolUse &use : *uses)
          work.push_back(table.lookup(use.getSymbolRef().getLeafReference()));
    }
    for (Operation &op : llvm::make_early_inc_range(*module.getBody()))
      if (!live.contains(&op) &&
          (!options.entry.empty() || isa<func::FuncOp>(op)))
        op.erase();
  }

  // A function that survives in one version keeps its source name
  // (block_max rather than block_max_1).
  llvm::DenseMap<Operation *, std::string> sourceName;
  for (auto &[decl, func] : functions)
    sourceName[func] = decl->getNameAsString();
  for (auto &[key, func] : specializations)
    sourceName[func] = key.first->getNameAsString();
  llvm::StringMap<unsigned> versions;
  for (Operation &op : *module.getBody())
    if (auto it = sourceName.find(&op); it != sourceName.end())
      ++versions[it->second];
  SymbolTable table(module);
  for (Operation &op : *module.getBody()) {
    auto it = sourceName.find(&op);
    if (it == sourceName.end() || versions[it->second] != 1)
      continue;
    auto func = cast<func::FuncOp>(op);
    if (func.getSymName() == it->second || table.lookup(it->second))
      continue;
    if (failed(table.rename(func, StringAttr::get(getContext(), it->second))))
      return failure();
  }
  return success();
}

LogicalResult xpiler::importTranslationUnit(clang::ASTContext &astContext,
                                            const ImportOptions &options,
                                            ModuleOp module) {
  ModuleImporter importer(astContext, options, module);
  return importer.importAll();
}
