#!/usr/bin/env bash
# Runs the reproduced papers (configs/papers/*.yaml), draws their figures and regenerates the
# table of published against measured values.
#
# Usage: scripts/reproduce.sh [--quick | --smoke] [--out DIR] [--threads N] [NAME...]
#
#   NAME       a config stem of configs/papers/ (default: all of them)
#   --quick    reduced sizes: each config's `# quick:` comment lines hold the `--set`
#              overrides of its quick run (e.g. `# quick: --set sweep.trials=20`); results,
#              figures and the table go to results/papers/quick/ (REPRODUCING.md there), so a
#              quick check never replaces the committed full-size table
#   --smoke    tiny sizes from the `# smoke:` lines (seconds; numbers meaningless): checks
#              that every config runs and every paper script draws and tabulates (ctest)
#   --out DIR  where --quick/--smoke write (default results/papers/quick or .../smoke)
#   --threads  threads for `hopfield run` (default: all cores)
#
# Full runs write results/papers/NAME.h5 (+ NAME.json: wall time, overrides, machine), the
# figures docs/figures/papers/NAME.png and .pdf, and docs/REPRODUCING.md. The table always lists
# every paper: papers not run (in this or an earlier run of the same mode) say "not run".
# Environment: HOPFIELD_PRESET (default release), as scripts/run.sh; HOPFIELD_BIN names a built
# `hopfield` to use instead of installing and building (scripts/setup.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
mode=full
out_dir=
threads=()
names=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick ;;
    --smoke) mode=smoke ;;
    --out) out_dir="$2"; shift ;;
    --threads) threads=(--threads "$2"); shift ;;
    --threads=*) threads=(--threads "${1#--threads=}") ;;
    -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "reproduce.sh: unknown option $1" >&2; exit 2 ;;
    *) names+=("$1") ;;
  esac
  shift
done
if [ ${#names[@]} -eq 0 ]; then
  for cfg in configs/papers/*.yaml; do names+=("$(basename "$cfg" .yaml)"); done
fi
for name in "${names[@]}"; do
  if [ ! -f "configs/papers/$name.yaml" ] || [ ! -f "scripts/plot/papers/$name.py" ]; then
    echo "reproduce.sh: no configs/papers/$name.yaml with scripts/plot/papers/$name.py" >&2
    exit 2
  fi
done

if [ -n "${HOPFIELD_BIN:-}" ]; then
  bin="$HOPFIELD_BIN"
else
  preset="${HOPFIELD_PRESET:-release}"
  "$here/scripts/setup.sh" "$preset" >&2
  bin="$here/build/$preset/experiments/hopfield"
fi
py=/usr/bin/python3
export MPLBACKEND=Agg
if [ "$mode" = full ]; then
  results=results/papers figures=docs/figures/papers table=docs/REPRODUCING.md
else
  results="${out_dir:-results/papers/$mode}" figures="${out_dir:-results/papers/$mode}"
  table="$results/REPRODUCING.md"
fi
mkdir -p "$results" "$figures"
machine="$(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
[ ${#threads[@]} -gt 0 ] && machine="$machine, ${threads[1]} threads"

total_start=$(date +%s)
for name in "${names[@]}"; do
  cfg="configs/papers/$name.yaml"
  sets=()
  if [ "$mode" != full ]; then
    # The `# quick:` (`# smoke:`) lines, split as a shell would (quotes keep flow mappings).
    while IFS= read -r -d '' word; do sets+=("$word"); done < <("$py" -c '
import shlex, sys
tag = "# " + sys.argv[2] + ":"
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith(tag):
        for word in shlex.split(line[len(tag):]):
            sys.stdout.write(word + "\0")' "$cfg" "$mode")
  fi
  echo "== $name ($mode)" >&2
  start=$(date +%s%N)
  "$bin" run "$cfg" -o "$results/$name.h5" --overwrite --quiet ${threads[@]+"${threads[@]}"} \
    ${sets[@]+"${sets[@]}"} >"$results/$name.log"
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  "$py" -c '
import json, sys
name, mode, ms, machine = sys.argv[1:5]
json.dump({"name": name, "mode": mode, "seconds": int(ms) / 1000.0, "machine": machine,
           "sets": sys.argv[5:]}, sys.stdout)
' "$name" "$mode" "$ms" "$machine" ${sets[@]+"${sets[@]}"} >"$results/$name.json"
  "$py" "scripts/plot/papers/$name.py" "$results/$name.h5" -o "$figures/$name.png" >&2
  echo "   $name: $((ms / 1000)) s" >&2
done
"$py" scripts/plot/papers/reproducing.py --results "$results" --figures "$figures" \
  --out "$table" --mode "$mode"
echo "reproduce.sh: ${#names[@]} paper(s), $(( $(date +%s) - total_start )) s in all" >&2
