#!/usr/bin/env bash
# corpus-gpu-run.sh - build and run every CUDA corpus kernel against its
# reference on a machine with an NVIDIA GPU.
#
# For each test/corpus/cuda/<op>.cu: compiles the kernel with nvcc, links it
# with the shared driver test/corpus/drivers/<op>.cpp (the tensor-core
# products gemm, bmm and dense take half operands: their driver is built with
# -DCORPUS_INPUT_T=__half, and their own test/corpus/cuda/drivers/<op>_half.cpp
# runs too), runs the binaries, and prints `PASS <op>` or `FAIL <op>` (with
# the failing output), then `N passed, N failed`. Exits non-zero if any failed.
#
# Usage: scripts/corpus-gpu-run.sh [op...]        (default: all operators)
# Environment:
#   NVCC      nvcc to use (default: nvcc on PATH, else /usr/local/cuda/bin/nvcc)
#   ARCH      GPU architecture (default: sm_90)
#   JOBS      parallel compiles (default: number of CPUs)
#   BUILD     directory for objects and binaries (default: a temporary one)
#   SANITIZE  if set, run each binary under compute-sanitizer with this tool
#             (memcheck, racecheck, synccheck, initcheck; 1 means memcheck)
#   TIMEOUT   seconds allowed per binary (default: 120)
#   DUMP_DIR  if set, each binary appends its checked outputs to
#             DUMP_DIR/<binary>.bin (see CORPUS_DUMP in reference/check.h)
#   SOURCES   directory of the <op>.cu files to build (default: the corpus;
#             scripts/corpus-emit.sh writes round-tripped ones)

set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CORPUS=$ROOT/test/corpus
NVCC=${NVCC:-$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)}
ARCH=${ARCH:-sm_90}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 4)}
TIMEOUT=${TIMEOUT:-120}
BUILD=${BUILD:-$(mktemp -d -t corpus-gpu.XXXXXX)}
SOURCES=${SOURCES:-$CORPUS/cuda}
mkdir -p "$BUILD"

if [ $# -gt 0 ]; then
  OPS=("$@")
else
  OPS=()
  for f in "$CORPUS"/cuda/*.cu; do
    OPS+=("$(basename "$f" .cu)")
  done
fi

is_half_op() {
  case $1 in gemm | bmm | dense) return 0 ;; *) return 1 ;; esac
}

# Builds $BUILD/<op> (and $BUILD/<op>_half for the half-input products);
# the compiler output goes to $BUILD/<op>.build.log.
build() {
  local op=$1 log=$BUILD/$1.build.log
  local flags=(-std=c++17 -O2 -arch="$ARCH" -I"$CORPUS/reference")
  {
    "$NVCC" "${flags[@]}" -c "$SOURCES/$op.cu" -o "$BUILD/$op.o" &&
      if is_half_op "$op"; then
        "$NVCC" "${flags[@]}" -DCORPUS_INPUT_T=__half -include cuda_fp16.h \
          "$BUILD/$op.o" "$CORPUS/drivers/$op.cpp" -o "$BUILD/$op" &&
          "$NVCC" "${flags[@]}" "$BUILD/$op.o" \
            "$CORPUS/cuda/drivers/${op}_half.cpp" -o "$BUILD/${op}_half"
      else
        "$NVCC" "${flags[@]}" "$BUILD/$op.o" "$CORPUS/drivers/$op.cpp" \
          -o "$BUILD/$op"
      fi
  } >"$log" 2>&1
}
export -f build is_half_op
export NVCC ARCH CORPUS BUILD SOURCES

echo "building ${#OPS[@]} operators for $ARCH with $NVCC in $BUILD ($JOBS jobs)"
printf '%s\n' "${OPS[@]}" | xargs -P "$JOBS" -I{} bash -c 'build {}'

run() { # binary, log
  if [ -n "${DUMP_DIR:-}" ]; then
    mkdir -p "$DUMP_DIR"
    export CORPUS_DUMP=$DUMP_DIR/$(basename "$1").bin
    rm -f "$CORPUS_DUMP"
  fi
  if [ -n "${SANITIZE:-}" ]; then
    local tool=$SANITIZE
    [ "$tool" = 1 ] && tool=memcheck
    timeout "$TIMEOUT" compute-sanitizer --tool "$tool" --error-exitcode 99 \
      "$1" >"$2" 2>&1
  else
    timeout "$TIMEOUT" "$1" >"$2" 2>&1
  fi
}

passed=0
failed=0
for op in "${OPS[@]}"; do
  ok=1
  bins=("$op")
  is_half_op "$op" && bins+=("${op}_half")
  for bin in "${bins[@]}"; do
    if [ ! -x "$BUILD/$bin" ]; then
      ok=0
      echo "--- $op: build failed:"
      tail -n 30 "$BUILD/$op.build.log"
      break
    fi
    if ! run "$BUILD/$bin" "$BUILD/$bin.run.log"; then
      ok=0
      echo "--- $bin: exit status non-zero:"
      tail -n 30 "$BUILD/$bin.run.log"
    fi
  done
  if [ $ok = 1 ]; then
    echo "PASS $op"
    passed=$((passed + 1))
  else
    echo "FAIL $op"
    failed=$((failed + 1))
  fi
done

echo "$passed passed, $failed failed"
[ $failed = 0 ]
