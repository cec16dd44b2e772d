#!/usr/bin/env bash
# Translates every BANG corpus kernel (or the OPs given) to VNNI C++ with
# the bang-to-vnni pipeline and checks each step of the chain:
#   translated  import, `xpiler-opt --bang-to-vnni`, emit VNNI C++
#   verified    `xpiler verify SRC.mlu OUT.cpp` says equivalent (arguments
#               from test/corpus/verify-args.txt, as scripts/corpus-verify.sh
#               passes them for a VNNI side: scalars, buffer sizes, ranges)
#   compiled    g++ -O2 -fopenmp with the AVX-512 VNNI flags, linked with
#               test/corpus/drivers/OP.cpp
#   ran         the driver's check against the reference passes
# Prints one line per kernel and a summary; exits non-zero unless every
# kernel passes every step.
# usage: scripts/translate-corpus-bang-vnni.sh BUILD_DIR WORK_DIR [OP...]
set -uo pipefail
build=$1 work=$2
shift 2
src=$(cd "$(dirname "$0")/.." && pwd)
cxx=${CXX:-g++}
mkdir -p "$work"
ops=("$@")
if [ ${#ops[@]} -eq 0 ]; then
  for f in "$src"/test/corpus/bang/*.mlu; do ops+=("$(basename "$f" .mlu)"); done
fi
ok=0 bad=0
for op in "${ops[@]}"; do
  in="$src/test/corpus/bang/$op.mlu"
  out="$work/$op.cpp"
  line=$(grep -E "^$op +\|" "$src/test/corpus/verify-args.txt")
  args=()
  for a in $(echo "$line" | cut -d'|' -f2) $(echo "$line" | cut -d'|' -f3); do
    args+=(--arg "$a")
  done
  for r in $(echo "$line" | cut -d'|' -f4); do args+=(--range "$r"); done
  if ! "$build/bin/xpiler-translate" --import-bang "$in" --mlir-print-debuginfo \
      -o "$work/$op.mlir" 2>"$work/$op.err" ||
     ! "$build/bin/xpiler-opt" --bang-to-vnni --mlir-print-debuginfo \
      "$work/$op.mlir" -o "$work/$op.vnni.mlir" 2>>"$work/$op.err" ||
     ! "$build/bin/xpiler-translate" --emit-vnni "$work/$op.vnni.mlir" \
      -o "$out" 2>>"$work/$op.err"; then
    echo "$op: NOT TRANSLATED: $(grep -m1 error "$work/$op.err")"
    bad=$((bad + 1)); continue
  fi
  result=$("$build/bin/xpiler" verify "$in" "$out" "${args[@]}" 2>&1)
  if [ $? -ne 0 ]; then
    echo "$op: translated, NOT VERIFIED: $(echo "$result" | grep -v '^note:' | head -2 | tr '\n' ' ')"
    bad=$((bad + 1)); continue
  fi
  if ! "$cxx" -std=c++17 -O2 -fopenmp -mavx512f -mavx512vl -mavx512bw \
      -mavx512vnni -I"$src/test/corpus/reference" "$out" \
      "$src/test/corpus/drivers/$op.cpp" -o "$work/$op.bin" \
      2>"$work/$op.cxx.err"; then
    echo "$op: translated, verified, NOT COMPILED: $(grep -m1 error "$work/$op.cxx.err")"
    bad=$((bad + 1)); continue
  fi
  if ! run=$("$work/$op.bin" 2>&1); then
    echo "$op: translated, verified, compiled, RUN FAILED: $(echo "$run" | tail -1)"
    bad=$((bad + 1)); continue
  fi
  echo "$op: translated, verified, compiled, ran ($(echo "$result" | grep -o 'equivalent.*' | head -1); $(echo "$run" | tail -1))"
  ok=$((ok + 1))
done
echo "bang-to-vnni: $ok of $((ok + bad)) kernels translated, verified, compiled and ran"
[ $bad -eq 0 ]
