#!/usr/bin/env bash
# Verifies every corpus kernel of LANG (cuda, hip, bang or vnni) against its
# own round trip (import, emit the same language) with `xpiler verify`, using
# test/corpus/verify-args.txt. Prints one line per kernel and a summary;
# exits non-zero unless every kernel is `equivalent`.
# usage: scripts/corpus-verify.sh BUILD_DIR LANG WORK_DIR [OP...]
set -uo pipefail
build=$1 lang=$2 work=$3
shift 3
src=$(cd "$(dirname "$0")/.." && pwd)
case $lang in
  cuda) ext=cu ;; hip) ext=hip ;; bang) ext=mlu ;; vnni) ext=cpp ;;
  *) echo "unknown language $lang" >&2; exit 2 ;;
esac
mkdir -p "$work"
ops=("$@")
if [ ${#ops[@]} -eq 0 ]; then
  for f in "$src"/test/corpus/$lang/*.$ext; do ops+=("$(basename "$f" .$ext)"); done
fi
pass=0 fail=0
for op in "${ops[@]}"; do
  line=$(grep -E "^$op +\|" "$src/test/corpus/verify-args.txt")
  scalars=$(echo "$line" | cut -d'|' -f2)
  sizes=$(echo "$line" | cut -d'|' -f3)
  ranges=$(echo "$line" | cut -d'|' -f4)
  args=()
  for a in $scalars; do args+=(--arg "$a"); done
  if [ "$lang" = vnni ]; then for a in $sizes; do args+=(--arg "$a"); done; fi
  for r in $ranges; do args+=(--range "$r"); done
  in="$src/test/corpus/$lang/$op.$ext"
  out="$work/$op.$ext"
  if ! "$build/bin/xpiler-translate" --import-$lang "$in" --mlir-print-debuginfo \
      | "$build/bin/xpiler-translate" --emit-$lang -o "$out" 2>"$work/$op.emit.err"; then
    echo "$op: FAIL (round trip did not emit: $(head -1 "$work/$op.emit.err"))"
    fail=$((fail + 1)); continue
  fi
  start=$(date +%s.%N)
  result=$("$build/bin/xpiler" verify "$in" "$out" "${args[@]}" 2>&1)
  rc=$?
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  if [ $rc -eq 0 ]; then
    pass=$((pass + 1)); echo "$op: PASS ${secs}s $(echo "$result" | grep equivalent)"
  else
    fail=$((fail + 1)); echo "$op: FAIL (exit $rc) ${secs}s: $(echo "$result" | grep -v '^note:' | head -3 | tr '\n' ' ')"
  fi
done
echo "$lang: $pass equivalent, $fail not"
[ $fail -eq 0 ]
