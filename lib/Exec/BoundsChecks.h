//===- BoundsChecks.h - runtime checks of accesses and divisions -*- C++
//-*-===//

#ifndef XPILER_LIB_EXEC_BOUNDSCHECKS_H
#define XPILER_LIB_EXEC_BOUNDSCHECKS_H

#include "xpiler/Exec/Lowering.h"

namespace xpiler::exec {

/// Guards every memref load/store/atomic and integer division of `module`
/// with a check that calls the runtime's trap when it fails.
void insertRuntimeChecks(mlir::ModuleOp module, LocationTable &locations);

} // namespace xpiler::exec

#endif // XPILER_LIB_EXEC_BOUNDSCHECKS_H
