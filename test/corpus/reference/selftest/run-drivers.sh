#!/usr/bin/env bash
# Builds and runs corpus test drivers against the reference-backed launchers
# of launchers.cpp (no corpus kernel involved), for the drivers*.test files.
#
#   run-drivers.sh <c++ compiler> <test/corpus dir> <work dir> <set>
#
# Sets:
#   float   every drivers/<op>.cpp except the VNNI *_u8s8 ones
#   u8s8    every drivers/<op>_u8s8.cpp, linked with -DSHIM_U8S8 launchers
#   macros  the drivers that take CORPUS_INPUT_T (matrix products,
#           convolutions, attention) with -DCORPUS_INPUT_T=_Float16 and one
#           driver of each other family, all with -DCORPUS_SHAPE_MULTIPLE=16;
#           and -DCORPUS_LAUNCHER redirecting add.cpp to `sub` (must fail)
#
# Each driver must pass against the faithful launchers and, in the float and
# u8s8 sets, fail against launchers built with -DSHIM_CORRUPT (last output
# element spoiled). Prints one line per driver and a summary; exits non-zero
# on any surprise.
set -u
cxx=$1 corpus=$2 work=$3 set=$4
flags="-std=c++17 -O1 -Wall -Wextra -Werror"
mkdir -p "$work"
drivers=()
for f in "$corpus"/drivers/*.cpp; do
  op=$(basename "$f" .cpp)
  case "$set:$op" in
    u8s8:*_u8s8) drivers+=("$op") ;;
    u8s8:*|*:*_u8s8) ;;
    macros:add|macros:softmax|macros:layernorm|macros:avgpool|macros:scatter|\
    macros:transpose|macros:deformable_attention) drivers+=("$op") ;;
    macros:*) grep -q 'drv::In' "$f" && drivers+=("$op") ;;
    *) drivers+=("$op") ;;
  esac
done

shim() { # shim <object> <flags...>
  local obj=$1; shift
  $cxx $flags "$@" -c "$corpus/reference/selftest/launchers.cpp" -o "$obj" ||
    { echo "error: launchers.cpp $* does not compile"; exit 1; }
}
shim_flags=()
[ "$set" = u8s8 ] && shim_flags=(-DSHIM_U8S8)
shim "$work/ok.o" "${shim_flags[@]}"
if [ "$set" = macros ]; then
  shim "$work/half.o" -DSHIM_INPUT_T=_Float16
else
  shim "$work/bad.o" "${shim_flags[@]}" -DSHIM_CORRUPT
fi

passed=0 caught=0 bad=0
for op in "${drivers[@]}"; do
  src="$corpus/drivers/$op.cpp" dflags=() okshim="$work/ok.o"
  if [ "$set" = macros ]; then
    dflags=(-DCORPUS_SHAPE_MULTIPLE=16)
    if grep -q 'drv::In' "$src"; then
      dflags+=(-DCORPUS_INPUT_T=_Float16) okshim="$work/half.o"
    fi
  fi
  if ! $cxx $flags "${dflags[@]}" -c "$src" -o "$work/$op.o"; then
    echo "FAIL $op: does not compile"; bad=$((bad + 1)); continue
  fi
  $cxx "$work/$op.o" "$okshim" -o "$work/$op" &&
    out=$("$work/$op") && [ "$(echo "$out" | tail -n 1)" = "PASS $op" ] ||
    { echo "FAIL $op against the reference launchers:"; echo "$out";
      bad=$((bad + 1)); continue; }
  passed=$((passed + 1))
  if [ "$set" != macros ]; then
    $cxx "$work/$op.o" "$work/bad.o" -o "$work/$op.bad" &&
      out=$("$work/$op.bad")
    if [ $? -eq 0 ] || ! echo "$out" | grep -q "^FAIL $op"; then
      echo "FAIL $op: not caught by the corrupted launchers"; bad=$((bad + 1))
      continue
    fi
    caught=$((caught + 1))
  fi
  echo "ok $op"
done

if [ "$set" = macros ]; then
  # CORPUS_LAUNCHER redirects the call: add's driver calling `sub` must fail.
  $cxx $flags -DCORPUS_LAUNCHER=sub "$corpus/drivers/add.cpp" "$work/ok.o" \
    -o "$work/add-as-sub" && ! "$work/add-as-sub" > /dev/null &&
    echo "ok CORPUS_LAUNCHER" ||
    { echo "FAIL CORPUS_LAUNCHER did not redirect the call"; bad=$((bad + 1)); }
fi
echo "$set: ${#drivers[@]} drivers, $passed passed, $caught caught corruption, $bad problems"
[ $bad -eq 0 ]
