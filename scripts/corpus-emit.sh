#!/usr/bin/env bash
# corpus-emit.sh - round-trips the corpus of one language through xpiler:
# imports every test/corpus/<lang>/ kernel and emits it again in the same
# language into OUTDIR/<op>.<ext> (the MLIR goes to OUTDIR/<op>.mlir).
# Prints `ok <op>` or `FAIL <op>: <first error line>` per kernel and a
# summary line; exits non-zero when any kernel fails.
#
# Usage: scripts/corpus-emit.sh BUILD_DIR LANG OUTDIR [op...]
set -u
BUILD=$1 LANG_NAME=$2 OUT=$3
shift 3
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TRANSLATE=$BUILD/bin/xpiler-translate
case $LANG_NAME in
cuda) EXT=cu ;; hip) EXT=hip ;; bang) EXT=mlu ;; vnni) EXT=cpp ;;
*) echo "unknown language $LANG_NAME" >&2; exit 2 ;;
esac
mkdir -p "$OUT"
if [ $# -gt 0 ]; then OPS=("$@"); else
  OPS=()
  for f in "$ROOT"/test/corpus/$LANG_NAME/*.$EXT; do OPS+=("$(basename "$f" .$EXT)"); done
fi
ok=0 bad=0
for op in "${OPS[@]}"; do
  src=$ROOT/test/corpus/$LANG_NAME/$op.$EXT
  if ! "$TRANSLATE" --import-$LANG_NAME --mlir-print-debuginfo "$src" -o "$OUT/$op.mlir" 2>"$OUT/$op.log"; then
    echo "FAIL $op: import: $(grep -m1 error "$OUT/$op.log")"; bad=$((bad + 1)); continue
  fi
  if ! "$TRANSLATE" --emit-$LANG_NAME "$OUT/$op.mlir" -o "$OUT/$op.$EXT" 2>"$OUT/$op.log"; then
    echo "FAIL $op: emit: $(grep -m1 error "$OUT/$op.log")"; bad=$((bad + 1)); continue
  fi
  echo "ok $op"; ok=$((ok + 1))
done
echo "$ok of $((ok + bad)) $LANG_NAME corpus kernels imported and emitted"
[ "$bad" = 0 ]
