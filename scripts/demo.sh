#!/usr/bin/env bash
# make demo: the main job on the bundled example, as far as it exists today.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "${1:-$ROOT/build}" && pwd)
OPT="$BUILD/bin/xpiler-opt"
XPILER="$BUILD/bin/xpiler"
cd "$ROOT"
EX=examples

say() { printf '\n== %s\n' "$*"; }

say "xpiler demo: $EX/vector_add.cu (CUDA kernel + host launcher) -> HIP, BANG, VNNI"
cat <<'MSG'
What exists today: the five dialects, xpiler-opt, the Clang-based importer,
the emitters back to source and the equivalence oracle (xpiler run/verify).
The translation pipelines (issues 6-7) are not built yet, so this demo does
NOT translate the file to another language. It does the part that exists:
  1. shows the CUDA source,
  2. imports it with the xpiler driver (Clang AST -> cuda dialect: the
     kernel and its host launcher), which every dialect verifier checks,
  3. emits the imported MLIR as CUDA again (xpiler-translate --emit-cuda):
     the round trip every corpus kernel passes,
  4. runs the example on the CPU through the oracle (xpiler run) and proves
     the emitted CUDA computes what the source computes (xpiler verify),
     and shows that a planted off-by-one bug is caught,
  5. verifies the example's core (xpl) form (hand-written until the raising
     passes exist) and records each target (hip/gfx942, bang/mtp_592,
     vnni/avx512vnni) on it with xpl-set-target.
MSG

say "1. source: $EX/vector_add.cu"
cat "$EX/vector_add.cu"

say "2. imported: xpiler $EX/vector_add.cu"
"$XPILER" "$EX/vector_add.cu"

say "3. emitted again as CUDA: xpiler-translate --emit-cuda"
"$BUILD/bin/xpiler-translate" --import-cuda --mlir-print-debuginfo "$EX/vector_add.cu" -o "${TMPDIR:-/tmp}/xpiler-demo.mlir"
"$BUILD/bin/xpiler-translate" --emit-cuda "${TMPDIR:-/tmp}/xpiler-demo.mlir" -o "${TMPDIR:-/tmp}/xpiler-demo.cu"
cat "${TMPDIR:-/tmp}/xpiler-demo.cu"

say "4. the oracle: xpiler run, xpiler verify"
"$XPILER" run "$EX/vector_add.cu" --arg n=1000
"$XPILER" verify "$EX/vector_add.cu" "${TMPDIR:-/tmp}/xpiler-demo.cu" --arg n=1000
sed 's/i < n/i <= n/' "$EX/vector_add.cu" > "${TMPDIR:-/tmp}/xpiler-demo-bug.cu"
echo "-- with a planted off-by-one bound (i <= n):"
if "$XPILER" verify "$EX/vector_add.cu" "${TMPDIR:-/tmp}/xpiler-demo-bug.cu" --arg n=1000; then
  echo "error: the planted bug was not caught" >&2
  exit 1
fi
rm -f "${TMPDIR:-/tmp}/xpiler-demo.mlir" "${TMPDIR:-/tmp}/xpiler-demo.cu" "${TMPDIR:-/tmp}/xpiler-demo-bug.cu"

say "5. core form ($EX/vector_add.xpl.mlir), verified, with each target recorded"
for t in "hip gfx942" "bang mtp_592" "vnni avx512vnni"; do
  set -- $t
  printf -- '-- target %s (%s): ' "$1" "$2"
  "$OPT" "$EX/vector_add.xpl.mlir" --xpl-set-target="language=$1 arch=$2" |
    head -n 1
done

say "result"
echo "done: import of the CUDA source (kernel + launcher) into verified MLIR, emission back to CUDA, and the oracle's proof that both compute the same."
echo "not done: translation to HIP/BANG/VNNI source (issues 6-7)."
