#!/bin/bash
# loop-sweep.sh BUILD OUTDIR [KERNEL...]
#
# Runs every loop transformation on every loop of every imported VNNI corpus
# kernel (after xpl-normalize-loops and xpl-cleanup) and checks each
# accepted transformation with the oracle against the C++ source (arguments
# from test/corpus/verify-args.txt). Prints one line per (kernel, loop,
# pass): applied|equivalent, applied|different..., unchanged|<remark>, or
# error|<message> (a bad option, e.g. a cut outside a one-statement body),
# then a summary. Exit status 1 when an applied transformation is not
# equivalent.
set -u
build=$1 out=$2
shift 2
src=$(cd "$(dirname "$0")/.." && pwd)
X=$build/bin
A=$src/test/corpus/verify-args.txt
mkdir -p "$out"
kernels=("$@")
if [ ${#kernels[@]} -eq 0 ]; then
  for f in "$src"/test/corpus/vnni/*.cpp; do kernels+=("$(basename "$f" .cpp)"); done
fi
for k in "${kernels[@]}"; do
  f=$src/test/corpus/vnni/$k.cpp
  line=$(grep -E "^$k +\|" "$A")
  scalars=$(echo "$line" | cut -d'|' -f2)
  sizes=$(echo "$line" | cut -d'|' -f3)
  ranges=$(echo "$line" | cut -d'|' -f4)
  args=()
  for a in $scalars $sizes; do args+=(--arg "$a"); done
  for r in $ranges; do args+=(--range "$r"); done
  if ! "$X/xpiler-translate" --import-vnni "$f" 2>/dev/null |
    "$X/xpiler-opt" --xpl-normalize-loops --xpl-cleanup --xpl-name-loops \
      -o "$out/$k.mlir" 2>/dev/null; then
    echo "$k|-|import|error|"
    continue
  fi
  for L in $(grep -o 'xpl.loop_name = "[^"]*"' "$out/$k.mlir" | cut -d'"' -f2); do
    for T in "xpl-loop-split=loop=$L factor=4 remainder=true" \
      "xpl-loop-split=loop=$L factor=3" \
      "xpl-loop-reorder=loop=$L order=1,0" "xpl-loop-fuse=loop=$L" \
      "xpl-stmt-split=loop=$L at=1" "xpl-loop-contract=loop=$L"; do
      name=${T%%=*}
      case $T in *remainder=true*) name=$name-rem ;; esac
      res=$out/$k.$L.$name.mlir
      rm -f "$res"
      msg=$("$X/xpiler-opt" "$out/$k.mlir" "--$T" -o "$res" 2>&1 |
        grep -E "remark|error" | head -1 | sed 's/.*\(remark\|error\): //')
      if [ ! -f "$res" ]; then echo "$k|$L|$name|error|$msg"; continue; fi
      if cmp -s "$out/$k.mlir" "$res"; then
        echo "$k|$L|$name|unchanged|$msg"
        continue
      fi
      verdict=$("$X/xpiler" verify "$f" "$res" "${args[@]}" 2>&1 | tail -1)
      echo "$k|$L|$name|applied|${verdict%% (*}"
    done
  done
done | tee "$out/sweep.txt"
echo "summary (pass, outcome, count):"
awk -F'|' '{print $3, $4, ($4 == "applied" ? $5 : "")}' "$out/sweep.txt" |
  sort | uniq -c
grep -q "|applied|" "$out/sweep.txt" &&
  ! grep "|applied|" "$out/sweep.txt" | grep -vq "|applied|equivalent$"
