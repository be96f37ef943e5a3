#!/usr/bin/env bash
# Builds if needed, then runs one experiment and draws its figure.
# Usage: scripts/run.sh CONFIG.yaml [hopfield run options...]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
if [ $# -lt 1 ]; then
  echo "usage: scripts/run.sh CONFIG.yaml [hopfield run options...]" >&2
  exit 2
fi
preset="${HOPFIELD_PRESET:-release}"
"$here/scripts/setup.sh" "$preset"
bin="$here/build/$preset/experiments/hopfield"

config="$1"
shift
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
"$bin" run "$config" "$@" | tee "$log"
rc=${PIPESTATUS[0]}
set -e
if [ "$rc" -ne 0 ]; then exit "$rc"; fi

# Draw the figure next to the results file (Debian's python3 has h5py and matplotlib).
out="$(sed -n 's/^results: //p' "$log" | tail -n 1)"
py=/usr/bin/python3
if [ -n "$out" ] && [ -f "$out" ] && [ -x "$py" ]; then
  # A reproduced paper (configs/papers/NAME.yaml) has its own figure, with the published
  # values: scripts/plot/papers/NAME.py; any other config gets its experiment's figure.
  plot="$here/scripts/plot/papers/$(basename "$config" .yaml).py"
  if [ "$(basename "$(dirname "$config")")" != papers ] || [ ! -f "$plot" ]; then
    exp="$("$py" -c 'import h5py,sys; print(h5py.File(sys.argv[1],"r").attrs["experiment"])' "$out" 2>/dev/null || true)"
    plot="$here/scripts/plot/${exp}.py"
  fi
  if [ -f "$plot" ]; then
    "$py" "$plot" "$out" -o "${out%.h5}.png" && echo "figure: ${out%.h5}.png"
  fi
fi
