#!/usr/bin/env bash
# nvcc-all.sh SRC_ROOT DIR: compiles every DIR/<op>.cu (emitted by
# scripts/corpus-emit.sh) for sm_80 and sm_90 and links it with its corpus
# driver, two at a time. Prints `compiled <op>` or `FAIL <op>` and a count.
set -u
ROOT=$1 DIR=$2
NVCC=${NVCC:-/usr/local/cuda/bin/nvcc}
build() {
  local op=$1 extra=()
  case $op in gemm | bmm | dense) extra=(-DCORPUS_INPUT_T=__half -include cuda_fp16.h) ;; esac
  if "$NVCC" -std=c++17 -O1 -gencode arch=compute_80,code=sm_80 \
      -gencode arch=compute_90,code=sm_90 -I"$ROOT/test/corpus/reference" \
      "${extra[@]}" "$DIR/$op.cu" "$ROOT/test/corpus/drivers/$op.cpp" \
      -o "$DIR/$op.bin" >"$DIR/$op.nvcc.log" 2>&1; then
    echo "compiled $op"
  else
    echo "FAIL $op: $(grep -m1 error "$DIR/$op.nvcc.log")"
  fi
}
export -f build
export ROOT DIR NVCC
ls "$DIR"/*.cu | xargs -n1 basename | sed 's/\.cu$//' | xargs -P2 -I{} bash -c 'build {}' | sort > "$DIR/results.txt"
cat "$DIR/results.txt"
echo "$(grep -c '^compiled' "$DIR/results.txt") of $(ls "$DIR"/*.cu | wc -l) compiled"
