#!/usr/bin/env bash
# Installs what is missing, builds, and runs the default ctest suite (slow/paper labels excluded).
# Usage: scripts/test.sh [PRESET] [extra ctest args...]
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-${HOPFIELD_PRESET:-release}}"
shift || true
scripts/setup.sh "$preset"
# HOPFIELD_TEST_EXCLUDE: a regular expression for the labels to leave out (ctest takes one -LE;
# CI's sanitizer stage adds asan_slow). Anchored, so that `slow` does not also match asan_slow.
ctest --test-dir "build/$preset" --output-on-failure -j "$(nproc)" \
  -LE "${HOPFIELD_TEST_EXCLUDE:-^(slow|papers)\$}" "$@"
