#!/usr/bin/env bash
# corpus-hip-gpu-run.sh - run the HIP corpus on an NVIDIA GPU.
#
# Usage: scripts/corpus-hip-gpu-run.sh [--emitted DIR] HIP_INCLUDE_DIR [OP...]
#
# HIP_INCLUDE_DIR is a directory holding HIP's headers as hip/ (for example
# /usr/include from Debian's libamdhip64-dev, copied over: the GPU machine
# does not need the HIP package). The headers are first made usable with
# CUDA 12/13 by test/corpus/hip/nvidia-headers.sh (a patched copy in a
# temporary directory).
#
# Every kernel test/corpus/hip/<op>.hip that uses no AMD builtin is compiled
# by nvcc through HIP's NVIDIA headers (-D__HIP_PLATFORM_NVIDIA__), linked
# with its driver test/corpus/drivers/<op>.cpp and run; the driver compares
# with the C++ reference and exits non-zero on a mismatch. Prints PASS/FAIL
# per operator and a last line "N passed, N failed"; exits 1 if any failed.
#
# The MFMA kernels (gemm, bmm, dense, gatemlp) are skipped, unless
# CLANG_CUDA names a clang++ that compiles CUDA: then they are built as CUDA
# with test/corpus/hip/emu/mfma_emu.h, which emulates the MFMA builtins with
# their documented lane layouts, and run with their drivers
# (test/corpus/hip/drivers/<op>_half.cpp for the half-input ones).
#
# --emitted DIR runs xpiler's translations instead of the originals: DIR/<op>.hip
# as written by scripts/corpus-hip-roundtrip.sh (import, then --emit-hip), one
# per corpus kernel, built and run exactly like the originals, except that
# nvcc gets -fmad=false (the emitted code keeps every multiply and add
# separate, as the MLIR does; the clang builds honour the file's `#pragma
# clang fp contract(off)`). A kernel without DIR/<op>.hip (its import is a
# known failure) is reported SKIP and not counted as passing.
#
# Environment: NVCC (default: nvcc on PATH, else /usr/local/cuda/bin/nvcc),
# CUDA_ARCH (default: native), CLANG_CUDA (unset: skip MFMA kernels),
# CUDA_PATH (for CLANG_CUDA; default: the directory above nvcc's bin/),
# KEEP=1 keeps the build directory.
set -u

emitted=
if [ "${1:-}" = --emitted ]; then
  if [ $# -lt 2 ] || [ ! -d "$2" ]; then
    echo "usage: $0 [--emitted DIR] HIP_INCLUDE_DIR [OP...]" >&2
    exit 2
  fi
  emitted=$(cd "$2" && pwd)
  shift 2
fi

if [ $# -lt 1 ] || [ ! -d "$1/hip" ]; then
  echo "usage: $0 [--emitted DIR] HIP_INCLUDE_DIR [OP...]" >&2
  echo "  (HIP_INCLUDE_DIR/hip/hip_runtime.h: HIP's headers)" >&2
  exit 2
fi
hip_inc=$(cd "$1" && pwd)
shift

root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$root/test/corpus
nvcc=${NVCC:-$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)}
arch=${CUDA_ARCH:-native}
work=$(mktemp -d "${TMPDIR:-/tmp}/corpus-hip.XXXXXX")
if [ "${KEEP:-0}" != 1 ]; then
  trap 'rm -rf "$work"' EXIT
fi

if ! sh "$corpus/hip/nvidia-headers.sh" "$hip_inc" "$work/inc"; then
  echo "cannot prepare HIP's NVIDIA headers from $hip_inc" >&2
  exit 2
fi

if [ $# -gt 0 ]; then
  ops=("$@")
else
  ops=()
  for f in "$corpus"/hip/*.hip; do
    ops+=("$(basename "$f" .hip)")
  done
fi

passed=0
failed=0
skipped=0
# Quiet flags for the HIP 5.x headers' own warnings.
quiet=(-Xcompiler -Wno-deprecated-declarations -diag-suppress 940,2810)
# The emitted code rounds every operation (no fused multiply-adds).
exact=()
[ -n "$emitted" ] && exact=(-fmad=false)

run_one() { # op exe [note]
  local op=$1 exe=$2 note=${3:-}
  if timeout 300 "$exe" >"$work/$op.log" 2>&1; then
    echo "PASS $op$note"
    passed=$((passed + 1))
  else
    echo "FAIL $op$note"
    sed 's/^/    /' "$work/$op.log" | tail -n 20
    failed=$((failed + 1))
  fi
}

build_fail() { # op what
  echo "FAIL $1 ($2 did not build)"
  sed 's/^/    /' "$work/$1.build.log" | grep -v '^ *$' | head -n 30
  failed=$((failed + 1))
}

for op in "${ops[@]}"; do
  kernel=$corpus/hip/$op.hip
  if [ ! -f "$kernel" ]; then
    echo "FAIL $op (no $kernel)"
    failed=$((failed + 1))
    continue
  fi
  if [ -n "$emitted" ]; then
    if [ ! -f "$emitted/$op.hip" ]; then
      echo "SKIP $op (not emitted: no $emitted/$op.hip)"
      skipped=$((skipped + 1))
      continue
    fi
    kernel=$emitted/$op.hip
  fi
  driver=$corpus/drivers/$op.cpp
  [ -f "$corpus/hip/drivers/${op}_half.cpp" ] &&
    driver=$corpus/hip/drivers/${op}_half.cpp

  if grep -q '__builtin_amdgcn' "$kernel"; then
    if [ -z "${CLANG_CUDA:-}" ]; then
      echo "SKIP $op (AMD MFMA builtins; set CLANG_CUDA to emulate them)"
      skipped=$((skipped + 1))
      continue
    fi
    cuda_path=${CUDA_PATH:-$(dirname "$(dirname "$nvcc")")}
    if "$CLANG_CUDA" -x cuda --cuda-path="$cuda_path" \
        --cuda-gpu-arch="${CLANG_CUDA_ARCH:-sm_90}" -O2 -std=c++17 \
        -Wno-unknown-cuda-version -Wno-deprecated-declarations \
        -D__HIP_PLATFORM_NVIDIA__ -I"$work/inc" \
        -include "$corpus/hip/emu/mfma_emu.h" -c "$kernel" \
        -o "$work/$op.k.o" >"$work/$op.build.log" 2>&1 &&
      "$CLANG_CUDA" -std=c++17 -O2 -c "$driver" -o "$work/$op.d.o" \
        >>"$work/$op.build.log" 2>&1 &&
      "$CLANG_CUDA" "$work/$op.k.o" "$work/$op.d.o" -L"$cuda_path/lib64" \
        -lcudart_static -ldl -lrt -lpthread -o "$work/$op" \
        >>"$work/$op.build.log" 2>&1; then
      run_one "$op" "$work/$op" " (MFMA emulated)"
    else
      build_fail "$op" "the MFMA emulation build"
    fi
    continue
  fi

  if "$nvcc" -std=c++17 -O2 -arch="$arch" "${quiet[@]}" "${exact[@]}" -x cu \
      -D__HIP_PLATFORM_NVIDIA__ -I"$work/inc" -c "$kernel" \
      -o "$work/$op.k.o" >"$work/$op.build.log" 2>&1 &&
    "$nvcc" -std=c++17 -O2 -c "$driver" -o "$work/$op.d.o" \
      >>"$work/$op.build.log" 2>&1 &&
    "$nvcc" -arch="$arch" "$work/$op.k.o" "$work/$op.d.o" -o "$work/$op" \
      >>"$work/$op.build.log" 2>&1; then
    run_one "$op" "$work/$op"
  else
    build_fail "$op" "the nvcc build"
  fi
done

[ "$skipped" -gt 0 ] && echo "($skipped skipped: MFMA kernels${emitted:+ or kernels not emitted})"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
