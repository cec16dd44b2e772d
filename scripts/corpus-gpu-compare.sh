#!/usr/bin/env bash
# corpus-gpu-compare.sh EMITTED_DIR - on a machine with an NVIDIA GPU, runs
# the CUDA corpus and the round-tripped kernels in EMITTED_DIR (written here
# by `scripts/corpus-emit.sh BUILD cuda EMITTED_DIR`) against their
# references, then compares the outputs of each pair bit for bit.
# Prints both `N passed, N failed` lines and `identical`/`DIFFERENT` per
# binary; exits non-zero on any failure or difference.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
EMITTED=$(cd "$1" && pwd)
WORK=$(mktemp -d -t corpus-compare.XXXXXX)
status=0
DUMP_DIR=$WORK/dump-orig BUILD=$WORK/orig bash "$ROOT/scripts/corpus-gpu-run.sh" >"$WORK/orig.txt" 2>&1 || status=1
DUMP_DIR=$WORK/dump-emit BUILD=$WORK/emit SOURCES=$EMITTED bash "$ROOT/scripts/corpus-gpu-run.sh" >"$WORK/emit.txt" 2>&1 || status=1
echo "original:    $(tail -1 "$WORK/orig.txt")"
echo "round-trip:  $(tail -1 "$WORK/emit.txt")"
for f in "$WORK"/dump-orig/*.bin; do
  b=$(basename "$f")
  if cmp -s "$f" "$WORK/dump-emit/$b"; then echo "identical $b"; else echo "DIFFERENT $b"; status=1; fi
done
exit $status
