#!/usr/bin/env bash
# Translates CUDA and/or HIP corpus kernels to C++ with AVX-512 through the
# `cuda-to-vnni` / `hip-to-vnni` pipelines and checks each result four ways:
#   translated - import, pipeline and VNNI emission succeed;
#   verified   - `xpiler verify SRC OUT.cpp` (arguments from
#                test/corpus/verify-args.txt, as scripts/corpus-verify.sh
#                passes them) says `equivalent`;
#   compiled   - g++ -O2 -fopenmp -mavx512f -mavx512vl -mavx512bw
#                -mavx512vnni compiles OUT.cpp with test/corpus/drivers/<op>.cpp;
#   ran        - the driver's check against the reference passes (only where
#                the CPU has AVX-512 VNNI).
# Prints one line per kernel and a summary per language; exits non-zero
# unless every kernel passes every step.
# usage: scripts/translate-corpus-vnni.sh BUILD_DIR WORK_DIR [cuda|hip|all] [OP...]
set -uo pipefail
build=$1 work=$2
langs=${3:-all}
shift 2; [ $# -gt 0 ] && shift
src=$(cd "$(dirname "$0")/.." && pwd)
cxx=${CXX:-g++}
mkdir -p "$work"
case $langs in all) langs="cuda hip" ;; esac
canrun=0
grep -q avx512_vnni /proc/cpuinfo 2>/dev/null && canrun=1
status=0
for lang in $langs; do
  case $lang in cuda) ext=cu ;; hip) ext=hip ;; *) echo "unknown language $lang" >&2; exit 2 ;; esac
  ops=("$@")
  if [ ${#ops[@]} -eq 0 ]; then
    for f in "$src"/test/corpus/$lang/*.$ext; do ops+=("$(basename "$f" .$ext)"); done
  fi
  nt=0 nv=0 nc=0 nr=0
  for op in "${ops[@]}"; do
    in="$src/test/corpus/$lang/$op.$ext"
    base="$work/$lang-$op"
    if ! "$build/bin/xpiler-translate" --import-$lang "$in" --mlir-print-debuginfo -o "$base.mlir" 2>"$base.err" ||
       ! "$build/bin/xpiler-opt" --$lang-to-vnni "$base.mlir" --mlir-print-debuginfo -o "$base.vnni.mlir" 2>>"$base.err" ||
       ! "$build/bin/xpiler-translate" --emit-vnni "$base.vnni.mlir" -o "$base.cpp" 2>>"$base.err"; then
      echo "$lang/$op: translate FAIL: $(grep -m1 error "$base.err" | cut -c1-200)"
      status=1; continue
    fi
    nt=$((nt + 1)); line="$lang/$op: translated"
    spec=$(grep -E "^$op +\|" "$src/test/corpus/verify-args.txt")
    args=()
    for a in $(echo "$spec" | cut -d'|' -f2); do args+=(--arg "$a"); done
    for r in $(echo "$spec" | cut -d'|' -f4); do args+=(--range "$r"); done
    if "$build/bin/xpiler" verify "$in" "$base.cpp" "${args[@]}" >"$base.verify" 2>&1; then
      nv=$((nv + 1)); line="$line, verified"
    else
      line="$line, verify FAIL ($(grep -v '^note:' "$base.verify" | head -2 | tr '\n' ' ' | cut -c1-200))"
      status=1
    fi
    driver="$src/test/corpus/drivers/$op.cpp"
    defs=()
    # Matrix-product launchers that take half-precision inputs (__half,
    # _Float16): the
    # driver passes them as _Float16, the VNNI output's half type.
    if grep -A3 'extern "C"' "$in" | grep -qE '__half|_Float16'; then defs+=(-DCORPUS_INPUT_T=_Float16); fi
    if $cxx -std=c++17 -O2 -fopenmp -mavx512f -mavx512vl -mavx512bw -mavx512vnni "${defs[@]}" \
        -I"$src/test/corpus/reference" "$base.cpp" "$driver" -o "$base.bin" \
        2>"$base.cxx.err"; then
      nc=$((nc + 1)); line="$line, compiled"
      if [ $canrun = 1 ]; then
        if "$base.bin" >"$base.run" 2>&1; then
          nr=$((nr + 1)); line="$line, ran"
        else
          line="$line, run FAIL ($(tail -1 "$base.run" | cut -c1-150))"; status=1
        fi
      fi
    else
      line="$line, compile FAIL ($(grep -m1 error "$base.cxx.err" | cut -c1-200))"
      status=1
    fi
    echo "$line"
  done
  echo "$lang: ${#ops[@]} kernels, $nt translated, $nv verified, $nc compiled, $nr ran"
done
exit $status
