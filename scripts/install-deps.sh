#!/usr/bin/env bash
# Installs everything xpiler needs to build and test on Debian 12, with apt-get.
# Idempotent: when every package is present it only checks and returns.
set -euo pipefail

PACKAGES=(
  # Build tools.
  cmake ninja-build g++ make pkg-config
  # LLVM / MLIR / Clang 22.
  llvm-22-dev llvm-22-tools libmlir-22-dev mlir-22-tools
  clang-22 libclang-22-dev libclang-cpp22-dev libclang-rt-22-dev
  # Libraries.
  libz3-dev libcurl4-openssl-dev nlohmann-json3-dev libgtest-dev libgmock-dev
  # The oracle runs GPU threads and BANG cores as fibers (Boost.Context).
  libboost-context-dev
  zlib1g-dev libzstd-dev libedit-dev libxml2-dev libffi-dev libcurl4-openssl-dev
  # Later issues: HIP headers for AMD compile checks, SIMDe for VNNI on non-VNNI CPUs.
  libamdhip64-dev libsimde-dev libomp-dev
  # Test helpers.
  python3
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
