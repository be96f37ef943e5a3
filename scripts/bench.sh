#!/usr/bin/env bash
# Benchmark suite (issue 8): runs, in one invocation on this machine, the Google Benchmark programs
# in benchmarks/, the numpy references in benchmarks/reference/ (on OpenBLAS, checked with
# threadpoolctl) and whole `hopfield run` jobs, measures the machine's limits (streaming read
# bandwidth, OpenBLAS sgemm), prints one table with the ratios and the fractions of those limits,
# and writes it as JSON to results/bench.json. docs/performance.md explains every row.
# Run on an otherwise idle machine: numbers taken while other jobs run are meaningless.
# Usage: scripts/bench.sh [--skip-slow | --smoke]
#   --skip-slow: no N = 200 000 run, no textbook N = 4096
#   --smoke: only N = 1000 cases, to check that the suite runs (its numbers mean nothing)
# HOPFIELD_BENCH_FILTER=REGEX passes --benchmark_filter to the Google Benchmark programs.
set -euo pipefail
cd "$(dirname "$0")/.."
skip_slow=0
smoke=0
case "${1:-}" in
  --skip-slow) skip_slow=1 ;;
  --smoke) skip_slow=1; smoke=1; export HOPFIELD_BENCH_FILTER="${HOPFIELD_BENCH_FILTER:-recall/1000/|hebbian/1000/|stream}" ;;
esac
preset="${HOPFIELD_PRESET:-bench}"
scripts/setup.sh "$preset" >&2
build="build/$preset"
bin="$build/experiments/hopfield"
py=/usr/bin/python3
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p results
raw="$scratch/raw"
mkdir -p "$raw"
log() { echo "bench: $*" >&2; }

# --- 1. the machine's limits ------------------------------------------------------------------
log "machine limits"
"$build/benchmarks/machine_bench" --benchmark_format=json >"$raw/machine.json" 2>/dev/null
gemm_n=$([ $smoke = 1 ] && echo 1024 || echo 4096)
$py benchmarks/reference/vectorised.py sgemm $gemm_n 1 >"$raw/sgemm_1.json"
$py benchmarks/reference/vectorised.py sgemm $gemm_n 2 >"$raw/sgemm_2.json"

# --- 2. Google Benchmark programs (one thread) ------------------------------------------------
for program in "$build"/benchmarks/*_bench; do
  name="$(basename "$program")"
  [ "$name" = machine_bench ] && continue
  log "$name"
  OMP_NUM_THREADS=1 "$program" --benchmark_format=json \
    --benchmark_filter="${HOPFIELD_BENCH_FILTER:-.}" >"$raw/$name.json" 2>/dev/null
done

# --- 3. numpy references (one BLAS thread) ----------------------------------------------------
log "numpy references"
ref() { $py benchmarks/reference/vectorised.py "$@" >"$raw/np_$(echo "$*" | tr ' ' '_').json"; }
ref async 1000
if [ $smoke = 0 ]; then
  ref learn_hebbian 8192 800
  ref learn_storkey 2000 200
  ref learn_pinv 4096 1000
  ref async 4096
  ref async 8192
  ref sync 4096 256
fi

# --- 4. whole jobs: the textbook algorithm against `hopfield run`, one thread each -------------
# Our job: process start to written HDF5 file (learning + the same probes), /usr/bin/time.
job() {  # job NAME NEURONS PATTERNS PROBES DYNAMICS [extra network keys]
  local name=$1 n=$2 p=$3 k=$4 dynamics=$5 extra=${6:-}
  cat >"$scratch/$name.yaml" <<YAML
experiment: {type: recall, probes: $k}
seed: 1
network: {neurons: $n, representation: bipolar$extra}
patterns: {type: random, count: $p}
learning: hebbian
noise: [{type: flip, fraction: 0.1}]
dynamics: $dynamics
measure: [overlap, sweeps]
output: {path: $scratch/$name.h5}
YAML
  /usr/bin/time -f '{"wall_s": %e, "max_rss_kb": %M}' -o "$raw/job_$name.json" \
    "$bin" run "$scratch/$name.yaml" --quiet "${@:7}" >"$raw/job_$name.out"
}
textbook_dynamics="{type: async, order: random_with_replacement, stop: energy_unchanged, max_sweeps: 20}"
sizes=(1000)
[ $skip_slow = 0 ] && sizes+=(4096)
for n in "${sizes[@]}"; do
  p=$(( (n + 5) / 10 )); k=$([ "$n" = 1000 ] && echo 100 || echo 20)
  [ $smoke = 1 ] && k=5
  log "textbook recall N=$n ($k probes)"
  $py benchmarks/reference/textbook_recall.py "$n" "$k" >"$raw/textbook_$n.json"
  job "textbook_$n" "$n" "$p" "$k" "$textbook_dynamics" "" --threads 1
done

# --- 5. scale: matrix-free N = 100 000 (and 200 000), 16 probes, both cores --------------------
scale_dynamics="{type: async, order: random_permutation, max_sweeps: 100}"
if [ $smoke = 0 ]; then
  log "scale N=100000"
  job scale_100000 100000 10000 16 "$scale_dynamics" ", storage: matrix_free" --threads 2 || true
  if [ $skip_slow = 0 ]; then
    log "scale N=200000"
    job scale_200000 200000 20000 16 "$scale_dynamics" ", storage: matrix_free" --threads 2 || true
  fi
  # The reference simulator's job (issue 8 case 6): N = 16384, P = 1638, one 10 %-noisy probe.
  log "N=16384 P=1638 one probe"
  job n16384 16384 1638 1 "$scale_dynamics" "" --threads 2 || true
fi

# --- 6. thread and MPI scaling of a whole sweep ------------------------------------------------
log "thread/MPI scaling"
sweep=configs/examples/capacity_hebbian.yaml
[ $smoke = 1 ] && sweep=configs/quickstart.yaml
wall() { "$@" | sed -n 's/.*wall time \([0-9.]*\) s.*/\1/p' | head -n 1; }
wall "$bin" run "$sweep" --quiet --threads 1 -o "$scratch/t1.h5" >"$raw/sweep_t1.txt"
wall "$bin" run "$sweep" --quiet --threads 2 -o "$scratch/t2.h5" >"$raw/sweep_t2.txt"
if command -v mpirun >/dev/null 2>&1; then
  mpi=(mpirun --allow-run-as-root --oversubscribe)
  wall "${mpi[@]}" -np 1 "$bin" run "$sweep" --quiet --threads 1 -o "$scratch/r1.h5" >"$raw/sweep_r1.txt"
  wall "${mpi[@]}" -np 2 "$bin" run "$sweep" --quiet --threads 1 -o "$scratch/r2.h5" >"$raw/sweep_r2.txt"
fi
$py -c 'import h5py,sys; print(h5py.File(sys.argv[1])["/results/count"].size)' "$scratch/t1.h5" \
  >"$raw/sweep_tasks.txt"

$py benchmarks/report.py "$raw" results/bench.json
