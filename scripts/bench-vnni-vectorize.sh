#!/usr/bin/env bash
# Times the VNNI translations of a few corpus kernels with and without
# xpl-vectorize-avx512 (the --<from>-to-vnni pipelines' `vectorize` option),
# both built the same way (g++ -O2 -fopenmp -mavx512f -mavx512vl -mavx512bw
# -mavx512vnni), at sizes larger than the drivers', with OMP_NUM_THREADS=1
# and 2. Each timing is the best of REPEAT runs of ITERS calls; the scalar
# and vector binaries alternate so that both see the same machine load.
# Before timing, each pair of outputs is run once on the same inputs and
# compared (max relative difference printed).
#
# usage: scripts/bench-vnni-vectorize.sh BUILD_DIR WORK_DIR [FROM:KERNEL ...]
#   default kernels: cuda:add cuda:softmax cuda:gemv cuda:layernorm
#                    bang:add bang:softmax bang:gemv bang:layernorm
set -euo pipefail
BUILD=$(cd "$1" && pwd)
WORK=$2
shift 2
SRC=$(cd "$(dirname "$0")/.." && pwd)
KERNELS=("$@")
[ ${#KERNELS[@]} -eq 0 ] && KERNELS=(cuda:add cuda:softmax cuda:gemv
  cuda:layernorm bang:add bang:softmax bang:gemv bang:layernorm)
REPEAT=${REPEAT:-5}
mkdir -p "$WORK"
CXX="c++ -std=c++17 -O2 -fopenmp -mavx512f -mavx512vl -mavx512bw -mavx512vnni"

cat > "$WORK/bench-main.cpp" <<'CPP'
// Calls one corpus launcher ITERS times on large random inputs; prints the
// best time per call (ms) and a checksum of the output.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>
extern "C" {
void add(const float *, const float *, float *, int);
void softmax(const float *, float *, int, int);
void gemv(const float *, const float *, float *, int, int);
void layernorm(const float *, const float *, const float *, float *, int, int,
               float);
}
static std::vector<float> rnd(size_t n, unsigned seed) {
  std::mt19937 g(seed);
  std::uniform_real_distribution<float> u(-4, 4);
  std::vector<float> v(n);
  for (float &x : v)
    x = u(g);
  return v;
}
int main(int argc, char **argv) {
  int iters = argc > 1 ? atoi(argv[1]) : 20;
  const int rows = 1024, cols = 4096, n = rows * cols;
  std::vector<float> a = rnd(n, 1), b = rnd(n, 2), out(n), g = rnd(cols, 3),
                     be = rnd(cols, 4), x = rnd(cols, 5);
  auto call = [&] {
#if defined(K_add)
    add(a.data(), b.data(), out.data(), n);
#elif defined(K_softmax)
    softmax(a.data(), out.data(), rows, cols);
#elif defined(K_gemv)
    gemv(a.data(), x.data(), out.data(), rows, cols);
#elif defined(K_layernorm)
    layernorm(a.data(), g.data(), be.data(), out.data(), rows, cols, 1e-5f);
#endif
  };
  call(); // warm-up
  double best = 1e30;
  for (int i = 0; i < iters; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    call();
    auto t1 = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double, std::milli>(t1 - t0)
                              .count());
  }
  FILE *f = fopen(getenv("BENCH_OUT") ? getenv("BENCH_OUT") : "/dev/null",
                  "wb");
  if (f) {
    fwrite(out.data(), sizeof(float), n, f);
    fclose(f);
  }
  printf("%.3f\n", best);
}
CPP

cat > "$WORK/cmp.py" <<'PY'
import array, sys
a, b = (array.array("f", open(p, "rb").read()) for p in sys.argv[1:3])
m = max((abs(x - y) / max(1e-6, abs(x)) for x, y in zip(a, b)), default=0)
print("%.2g" % m)
PY

printf "%-18s %8s %10s %10s %7s %10s %10s %7s %9s\n" kernel kern512 \
  "scalar1" "vector1" "ratio1" "scalar2" "vector2" "ratio2" "maxrel"
for fk in "${KERNELS[@]}"; do
  from=${fk%%:*}
  k=${fk#*:}
  case $from in cuda) ext=cu ;; hip) ext=hip ;; bang) ext=mlu ;; esac
  in="$SRC/test/corpus/$from/$k.$ext"
  for mode in scalar vector; do
    opt="--$from-to-vnni"
    [ $mode = scalar ] && opt="--$from-to-vnni=vectorize=false"
    "$BUILD/bin/xpiler-translate" --import-$from "$in" |
      "$BUILD/bin/xpiler-opt" "$opt" |
      "$BUILD/bin/xpiler-translate" --emit-vnni -o "$WORK/$from-$k-$mode.cpp"
    $CXX -DK_$k "$WORK/$from-$k-$mode.cpp" "$WORK/bench-main.cpp" \
      -o "$WORK/$from-$k-$mode.bin"
  done
  # Lines with intrinsics in the kernels (`static` functions), not in the
  # launcher's copy loops.
  n512=$(awk '/^static /{k=1} /^extern "C"/{k=0} k && /_mm512_/{n++}
              END{print n+0}' "$WORK/$from-$k-vector.cpp")
  OMP_NUM_THREADS=1 BENCH_OUT="$WORK/$from-$k-scalar.out" \
    "$WORK/$from-$k-scalar.bin" 1 >/dev/null
  OMP_NUM_THREADS=1 BENCH_OUT="$WORK/$from-$k-vector.out" \
    "$WORK/$from-$k-vector.bin" 1 >/dev/null
  maxrel=$(python3 "$WORK/cmp.py" "$WORK/$from-$k-scalar.out" \
    "$WORK/$from-$k-vector.out")
  line=$(printf "%-18s %8s" "$from:$k" "$n512")
  for t in 1 2; do
    s=1e30 v=1e30
    for _ in $(seq "$REPEAT"); do
      ts=$(OMP_NUM_THREADS=$t "$WORK/$from-$k-scalar.bin" 5)
      tv=$(OMP_NUM_THREADS=$t "$WORK/$from-$k-vector.bin" 5)
      s=$(python3 -c "print(min($s, $ts))")
      v=$(python3 -c "print(min($v, $tv))")
    done
    line+=$(printf " %8.2fms %8.2fms %6.2fx" "$s" "$v" \
      "$(python3 -c "print($s / $v)")")
  done
  printf "%s %9s\n" "$line" "$maxrel"
done
