//===- Passes.td - xpiler passes ---------------------------*- tablegen -*-===//

#ifndef XPILER_PASSES_TD
#define XPILER_PASSES_TD

include "mlir/Pass/PassBase.td"

def XplSetTarget : Pass<"xpl-set-target", "mlir::ModuleOp"> {
  let summary = "record the target language and architecture on a module";
  let description = [{
    Sets the module's `xpl.target` attribute, the piece of data every later
    pass and emitter reads to learn what it generates for (the target is
    data, never a build switch). The architecture defaults to the newest one
    xpiler knows for the language: `sm_90` (cuda), `gfx942` (hip), `mtp_592`
    (bang), `avx512vnni` (vnni). An unknown language or an architecture that
    does not belong to the language is an error. An existing target is
    replaced.

    ```
    xpiler-opt --xpl-set-target='language=hip arch=gfx90a' in.mlir
    ```
  }];
  let options = [
    Option<"language", "language", "std::string", /*default=*/"\"\"",
           "target language: cuda, hip, bang or vnni">,
    Option<"arch", "arch", "std::string", /*default=*/"\"\"",
           "architecture (default: the language's newest)">
  ];
  let dependentDialects = ["::xpiler::xpl::XplDialect"];
}

#endif // XPILER_PASSES_TD
