#!/usr/bin/env bash
# The long fuzzing run of the importer (`make check-full`; `make check` runs
# one minute of it as test/fuzz/import-fuzz.test). One libFuzzer run per
# language, each over that language's seeds (test/corpus/<lang> and
# test/Frontend/<lang>, read in place) with the keyword dictionary, keeping
# what it learns in BUILD_DIR/fuzz/corpus/<lang> so later runs go on from
# there. A crash, hang, memory blow-up or broken error contract stops that
# language's run, leaves the input in BUILD_DIR/fuzz/artifacts/<lang>/ and
# makes the script fail (after the other languages have run).
#
# Usage: scripts/fuzz-import.sh [BUILD_DIR]
#   FUZZ_SECONDS    seconds per language (default 300: 20 minutes in all)
#   FUZZ_LANGUAGES  which (default "cuda hip bang vnni"; "auto" and "all"
#                   are the fuzzer's mixed modes, see test/fuzz/README.md)
#   FUZZ_DETECT_LEAKS  1 to report leaks as failures (default 0: importer
#                   errors inside loops leak blocks, see test/fuzz/README.md)
# Reproduce a saved input: BUILD_DIR/bin/xpiler-import-fuzzer FILE (with
# XPILER_FUZZ_LANGUAGE=<lang>), or xpiler-translate --import-<lang> FILE.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
fuzzer=$build/bin/xpiler-import-fuzzer
if [ ! -x "$fuzzer" ]; then
  echo "fuzz-import: $fuzzer is not built (it needs clang-22 and" \
       "libclang-rt-22-dev, see test/fuzz/README.md)" >&2
  exit 1
fi
seconds=${FUZZ_SECONDS:-300}
languages=${FUZZ_LANGUAGES:-cuda hip bang vnni}
leaks=${FUZZ_DETECT_LEAKS:-0}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=$leaks}
export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-/usr/lib/llvm-22/bin/llvm-symbolizer}

status=0
for lang in $languages; do
  case $lang in
    auto|all) seeds=("$root/test/corpus/cuda" "$root/test/corpus/hip"
                     "$root/test/corpus/bang" "$root/test/corpus/vnni"
                     "$root/test/Frontend") ;;
    *) seeds=("$root/test/corpus/$lang" "$root/test/Frontend/$lang") ;;
  esac
  corpus=$build/fuzz/corpus/$lang
  artifacts=$build/fuzz/artifacts/$lang
  log=$build/fuzz/$lang.log
  mkdir -p "$corpus" "$artifacts"
  echo "fuzz-import: $lang for ${seconds}s (log: $log)"
  if XPILER_FUZZ_LANGUAGE=$lang "$fuzzer" "$corpus" "${seeds[@]}" \
       -dict="$root/test/fuzz/import.dict" -max_total_time="$seconds" \
       -timeout=20 -rss_limit_mb=4096 -detect_leaks="$leaks" -artifact_prefix="$artifacts/" \
       -print_final_stats=1 > "$log" 2>&1; then
    grep -E '^Done [0-9]+ runs' "$log" | sed "s/^/fuzz-import: $lang: /"
  else
    status=1
    echo "fuzz-import: $lang: FAILED; the end of $log:" >&2
    tail -n 40 "$log" >&2
    ls -l "$artifacts" >&2
  fi
done
exit $status
