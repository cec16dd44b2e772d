#!/usr/bin/env bash
# corpus-hip-roundtrip.sh - import, emit and compile every HIP corpus kernel.
#
# Usage: scripts/corpus-hip-roundtrip.sh XPILER_TRANSLATE OUT_DIR [OP...]
#
# For every test/corpus/hip/<op>.hip (or the OPs given): `xpiler-translate
# --import-hip` to MLIR, `--emit-hip` back to HIP (OUT_DIR/<op>.hip), then
# clang-22 compiles the emitted file the way test/corpus/hip/<op>.test
# compiles the original (Debian's HIP headers, -nogpulib,
# -D__AMDGCN_WAVEFRONT_SIZE=64), at -O1: the device code for gfx90a and for
# gfx942 (the assembly must hold an `.amdhsa_kernel`, 64-lane wavefronts, and
# a v_mfma instruction where the original calls an MFMA builtin) and the host
# side. With NVCC set to an nvcc, the emitted kernels without AMD builtins
# are also compiled through HIP's NVIDIA headers, like the originals' `%if
# nvcc` lines (-fmad=false: the emitted code does not contract either).
#
# Prints one line per kernel: `PASS op`, `FAIL op (stage): first error`, or
# `XFAIL op (...)` for a kernel listed in KNOWN_IMPORT_FAILURES that does not
# import yet (other work fixes those imports; they are never counted as
# passing). A listed kernel that imports is compiled like the others. The
# last line is "N passed, N failed, N known import failures"; the exit status
# is 1 if any failed. JOBS (default: the number of CPUs) kernels run at once.
set -u

if [ $# -lt 2 ]; then
  echo "usage: $0 XPILER_TRANSLATE OUT_DIR [OP...]" >&2
  exit 2
fi
translate=$1
out=$2
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$root/test/corpus/hip
clang=${CLANG:-/usr/lib/llvm-22/bin/clang++}
hip_inc=${HIP_INC:-/usr/include}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}

# Kernels whose import is not supported yet (being fixed elsewhere).
KNOWN_IMPORT_FAILURES=""

mkdir -p "$out"
if [ $# -gt 0 ]; then
  ops=("$@")
else
  ops=()
  for f in "$corpus"/*.hip; do
    ops+=("$(basename "$f" .hip)")
  done
fi

if [ -n "${NVCC:-}" ]; then
  sh "$corpus/nvidia-headers.sh" "$hip_inc" "$out/nvinc" || exit 2
fi

# One kernel; writes its result line to $out/<op>.result.
one() {
  local op=$1
  local src=$corpus/$op.hip mlir=$out/$op.mlir hip=$out/$op.hip
  local result=$out/$op.result log=$out/$op.log
  local known=0
  case " $KNOWN_IMPORT_FAILURES " in *" $op "*) known=1 ;; esac
  fail() { # stage
    echo "FAIL $op ($1): $(grep -m1 -i 'error' "$log" || head -n1 "$log")" \
      >"$result"
  }
  if [ ! -f "$src" ]; then
    echo "FAIL $op (no $src)" >"$result"
    return
  fi
  if ! "$translate" --import-hip --mlir-print-debuginfo "$src" -o "$mlir" >"$log" 2>&1; then
    if [ "$known" = 1 ]; then
      echo "XFAIL $op (known import failure: $(grep -m1 'error' "$log"))" \
        >"$result"
    else
      fail import
    fi
    return
  fi
  if ! "$translate" --emit-hip "$mlir" -o "$hip" >"$log" 2>&1; then
    fail emit
    return
  fi
  local flags=(-nogpulib -O1 -D__AMDGCN_WAVEFRONT_SIZE=64 -I"$hip_inc")
  local arch
  for arch in gfx90a gfx942; do
    if ! "$clang" -x hip --offload-arch=$arch --cuda-device-only -S \
        "${flags[@]}" "$hip" -o "$out/$op.$arch.s" >"$log" 2>&1; then
      fail "$arch"
      return
    fi
    if ! grep -q '\.amdhsa_kernel ' "$out/$op.$arch.s" ||
      ! grep -q '\.wavefront_size: *64' "$out/$op.$arch.s"; then
      echo "no kernel with 64-lane wavefronts in $op.$arch.s: error" >"$log"
      fail "$arch"
      return
    fi
    if grep -q '__builtin_amdgcn_mfma' "$src" &&
      ! grep -q 'v_mfma' "$out/$op.$arch.s"; then
      echo "no v_mfma instruction in $op.$arch.s: error" >"$log"
      fail "$arch"
      return
    fi
  done
  if ! "$clang" -x hip --offload-arch=gfx90a --cuda-host-only -c \
      "${flags[@]}" "$hip" -o "$out/$op.host.o" >"$log" 2>&1; then
    fail host
    return
  fi
  if [ -n "${NVCC:-}" ] && ! grep -q '__builtin_amdgcn' "$hip"; then
    if ! "$NVCC" -std=c++17 -x cu -fmad=false -D__HIP_PLATFORM_NVIDIA__ \
        -I"$out/nvinc" -Xcompiler -Wno-deprecated-declarations \
        -diag-suppress 940,2810 -c "$hip" -o "$out/$op.nv.o" >"$log" 2>&1; then
      fail nvcc
      return
    fi
  fi
  echo "PASS $op$([ "$known" = 1 ] && echo ' (imports now: remove it from KNOWN_IMPORT_FAILURES)')" \
    >"$result"
}
export -f one
export corpus out translate clang hip_inc KNOWN_IMPORT_FAILURES

printf '%s\n' "${ops[@]}" | xargs -P "$jobs" -I{} bash -c 'one "$@"' _ {}

passed=0
failed=0
xfailed=0
for op in "${ops[@]}"; do
  line=$(cat "$out/$op.result" 2>/dev/null || echo "FAIL $op (no result)")
  echo "$line"
  case $line in
  PASS*) passed=$((passed + 1)) ;;
  XFAIL*) xfailed=$((xfailed + 1)) ;;
  *) failed=$((failed + 1)) ;;
  esac
done
echo "$passed passed, $failed failed, $xfailed known import failures"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
