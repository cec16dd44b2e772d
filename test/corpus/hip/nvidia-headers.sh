#!/bin/sh
# nvidia-headers.sh HIP_INCLUDE_DIR OUT_DIR
#
# Makes HIP's NVIDIA headers usable with CUDA 12 and 13: copies
# HIP_INCLUDE_DIR/hip (the HIP headers, e.g. /usr/include/hip of Debian's
# libamdhip64-dev 5.2) to OUT_DIR/hip and, in nvidia_detail/
# nvidia_hip_runtime_api.h, wraps in `#if 0` the inline wrappers whose bodies
# call CUDA runtime APIs or device-property fields that CUDA 12/13 removed
# (texture references, cudaLaunchCooperativeKernelMultiDevice, the old graph
# edge and memAdvise/prefetch signatures, cudaDeviceProp::clockRate ...).
# Nothing the corpus uses is touched; compile with -IOUT_DIR.
set -eu
src=$1/hip
out=$2
if [ ! -f "$src/nvidia_detail/nvidia_hip_runtime_api.h" ]; then
  echo "nvidia-headers.sh: no HIP NVIDIA headers under $src" >&2
  exit 1
fi
rm -rf "$out/hip"
mkdir -p "$out"
cp -R "$src" "$out/hip"
api=$out/hip/nvidia_detail/nvidia_hip_runtime_api.h
awk -v names="hipMemAdvise hipMemPrefetchAsync hipChooseDevice \
hipGetDeviceProperties hipDeviceGetAttribute hipCtxCreate hipBindTexture \
hipBindTexture2D hipGetTextureAlignmentOffset \
hipLaunchCooperativeKernelMultiDevice hipUnbindTexture hipBindTextureToArray \
hipGraphAddDependencies hipGraphRemoveDependencies hipGraphGetEdges \
hipGraphNodeGetDependencies hipGraphNodeGetDependentNodes \
hipStreamGetCaptureInfo_v2 hipStreamUpdateCaptureDependencies" '
# A definition starts at an "inline static" line naming one of `names` (with
# the "template <...>" line before it, if any) and ends at the next line
# that starts with "}".
BEGIN {
  n = split(names, list, " ")
  for (i = 1; i <= n; ++i)
    drop[list[i]] = 1
}
{
  if (skipping) {
    print
    if ($0 ~ /^}/) {
      print "#endif"
      skipping = 0
    }
    next
  }
  hit = 0
  if ($0 ~ /inline static/)
    for (name in drop)
      if (index($0, " " name "(") > 0)
        hit = 1
  if (hit) {
    print "#if 0 // calls CUDA APIs removed in CUDA 12/13"
    if (held != "")
      print held
    held = ""
    print
    skipping = 1
    next
  }
  if (held != "") {
    print held
    held = ""
  }
  if ($0 ~ /^template/)
    held = $0
  else
    print
}
END {
  if (held != "")
    print held
}' "$src/nvidia_detail/nvidia_hip_runtime_api.h" > "$api"
