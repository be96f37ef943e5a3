#!/usr/bin/env bash
# Installs the Debian packages hopfield needs (only those missing), then configures and builds.
# Idempotent: a second run installs nothing and rebuilds only what changed.
# Usage: scripts/setup.sh [PRESET]   (PRESET: release (default), debug, asan-ubsan, tsan, bench)
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-${HOPFIELD_PRESET:-release}}"

packages=(
  build-essential cmake ninja-build git pkg-config
  libeigen3-dev libboost-dev libhdf5-dev hdf5-tools libyaml-cpp-dev catch2 libcli11-dev
  libfmt-dev libspdlog-dev librandom123-dev zlib1g-dev libbenchmark-dev libglpk-dev
  python3 python3-h5py python3-numpy python3-matplotlib
  dataset-fashion-mnist libopenmpi-dev openmpi-bin
)
# The benchmark suite's numpy reference must run on an optimised BLAS (scripts/bench.sh).
if [ "$preset" = bench ]; then
  packages+=(libopenblas0-pthread python3-threadpoolctl time)
fi
# The sanitizer presets build with clang-14 (ThreadSanitizer with LLVM's libomp and its Archer
# tool; ASan + UBSan with libFuzzer) and need Debian's clang, its sanitizer runtimes and libomp:
# installed only when asked for.
case "$preset" in
  tsan | asan-ubsan) packages+=(clang-14 libclang-rt-14-dev libomp-14-dev) ;;
esac
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ ! -f "build/$preset/build.ninja" ]; then
  cmake --preset "$preset" >&2
fi
jobs="${HOPFIELD_JOBS:-$(nproc)}"
# HOPFIELD_BUILD_TARGET: build only this target (e.g. unit_tests) instead of everything.
cmake --build --preset "$preset" -j "$jobs" ${HOPFIELD_BUILD_TARGET:+--target "$HOPFIELD_BUILD_TARGET"} >&2
