#!/usr/bin/env bash
# Every reproduced paper end to end at tiny size: scripts/reproduce.sh --smoke runs each
# configs/papers/*.yaml with its `# smoke:` overrides, draws its figure with
# scripts/plot/papers/<name>.py and tabulates its rows. Checks that each figure (PNG and PDF)
# exists and that the table has a row for every paper and no "not run". The numbers of a
# smoke run are meaningless; the regression tests check the physics.
# Usage: test_paper_scripts.sh HOPFIELD_BINARY. Exit 77 (skip) without h5py/numpy/matplotlib.
set -uo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
py=/usr/bin/python3
if ! "$py" -c 'import h5py, numpy, matplotlib' 2>/dev/null; then
  echo "test_paper_scripts: $py lacks h5py/numpy/matplotlib" >&2
  exit 77
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export MPLCONFIGDIR="$tmp/mpl"
if ! HOPFIELD_BIN="$1" "$here/scripts/reproduce.sh" --smoke --out "$tmp/out" --threads 2 \
    >"$tmp/log" 2>&1; then
  cat "$tmp/log" >&2
  echo "FAIL: reproduce.sh --smoke exited non-zero" >&2
  exit 1
fi
failures=0
for cfg in "$here"/configs/papers/*.yaml; do
  name="$(basename "$cfg" .yaml)"
  for ext in png pdf; do
    if [ ! -s "$tmp/out/$name.$ext" ]; then
      echo "FAIL: no $name.$ext" >&2
      failures=$((failures + 1))
    fi
  done
  if ! grep -q "($name)" "$tmp/out/REPRODUCING.md"; then
    echo "FAIL: no row of $name in REPRODUCING.md" >&2
    failures=$((failures + 1))
  fi
done
if grep -q "not run" "$tmp/out/REPRODUCING.md"; then
  echo "FAIL: a paper is 'not run' in the smoke table" >&2
  failures=$((failures + 1))
fi
if [ "$failures" -gt 0 ]; then
  cat "$tmp/log" >&2
  exit 1
fi
echo "paper scripts: $(ls "$here"/configs/papers/*.yaml | wc -l) papers drawn and tabulated"
