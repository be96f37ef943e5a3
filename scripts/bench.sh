#!/usr/bin/env bash
# Throughput benchmarks of whole runs: tasks/s of a sweep at 1 and 2 threads and at 1 and 2 MPI
# ranks, with the scaling ratios. Writes results/bench.json and prints a table.
# Run on an otherwise idle machine: numbers taken while other jobs run are meaningless.
# Usage: scripts/bench.sh [CONFIG]   (default configs/examples/capacity_hebbian.yaml)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh "${HOPFIELD_PRESET:-release}" >&2
bin="build/${HOPFIELD_PRESET:-release}/experiments/hopfield"
config="${1:-configs/examples/capacity_hebbian.yaml}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p results


# Wall time of one run as the binary reports it (excludes start-up and file writing).
wall() {
  "$@" | sed -n 's/.*wall time \([0-9.]*\) s.*/\1/p' | head -n 1
}

t1=$(wall "$bin" run "$config" --quiet --threads 1 -o "$scratch/t1.h5")
t2=$(wall "$bin" run "$config" --quiet --threads 2 -o "$scratch/t2.h5")
mpi=""
if command -v mpirun >/dev/null 2>&1; then
  mpi_flags=(--allow-run-as-root --oversubscribe)
  r1=$(wall mpirun "${mpi_flags[@]}" -np 1 "$bin" run "$config" --quiet --threads 1 -o "$scratch/r1.h5")
  r2=$(wall mpirun "${mpi_flags[@]}" -np 2 "$bin" run "$config" --quiet --threads 1 -o "$scratch/r2.h5")
  mpi=1
fi
count=$(/usr/bin/python3 -c 'import h5py,sys; f=h5py.File(sys.argv[1]); print(f["/results/count"].size)' "$scratch/t1.h5")

/usr/bin/python3 - "$config" "$count" "$t1" "$t2" "${r1:-}" "${r2:-}" <<'PY'
import json, os, platform, sys
config, count, t1, t2, r1, r2 = sys.argv[1], int(sys.argv[2]), *sys.argv[3:7]
rows = [("threads=1", float(t1)), ("threads=2", float(t2))]
if r1 and r2:
    rows += [("mpi ranks=1", float(r1)), ("mpi ranks=2", float(r2))]
print(f"benchmark: {config} ({count} tasks) on {os.cpu_count()} cores, {platform.processor() or platform.machine()}")
print(f"{'run':<14}{'wall s':>10}{'tasks/s':>10}")
for name, t in rows:
    print(f"{name:<14}{t:>10.2f}{count / t:>10.1f}")
report = {"config": config, "tasks": count,
          "runs": {name: {"wall_s": t, "tasks_per_s": count / t} for name, t in rows},
          "scaling_threads_1_to_2": float(t1) / float(t2)}
print(f"scaling 1 -> 2 threads: {report['scaling_threads_1_to_2']:.2f}x")
if r1 and r2:
    report["scaling_ranks_1_to_2"] = float(r1) / float(r2)
    print(f"scaling 1 -> 2 MPI ranks: {report['scaling_ranks_1_to_2']:.2f}x")
with open("results/bench.json", "w") as f:
    json.dump(report, f, indent=2)
print("written: results/bench.json")
PY
