#!/usr/bin/env bash
# Runs one libFuzzer target for SECONDS (building it first if needed in the `asan-ubsan` preset:
# clang-14, ASan + UBSan, the same objects as that build's tests). The corpus starts from the
# seeds (configs/, tests/data/, tests/fuzz/TARGET/) and grows in build/fuzzing/corpus/TARGET; a
# crash is written to build/fuzzing/findings/TARGET/ and
# the script fails: keep the input in tests/fuzz/TARGET/ (a regression test) and fix the bug.
# Prints "fuzz TARGET: N executions in S s" on success.
# Usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer options...]   (scripts/fuzz.sh list)
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(config idx pbm tsplib edge_list hdf5_patterns hdf5_file)
if [ "${1:-}" = list ] || [ $# -lt 2 ]; then
  echo "usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer options...]" >&2
  echo "targets: ${targets[*]}" >&2
  [ "${1:-}" = list ] && exit 0 || exit 2
fi
target="$1"
seconds="$2"
shift 2
case " ${targets[*]} " in *" $target "*) ;; *) echo "fuzz: unknown target '$target'" >&2; exit 2 ;; esac

HOPFIELD_JOBS="${HOPFIELD_JOBS:-$(nproc)}" HOPFIELD_BUILD_TARGET="fuzz_$target" \
  scripts/setup.sh asan-ubsan >&2
bin="build/asan-ubsan/fuzz/fuzz_$target"
corpus="build/fuzzing/corpus/$target"
findings="build/fuzzing/findings/$target"
mkdir -p "$corpus" "$findings"

# Seeds: the repository's own inputs of the target's format.
seeds=()
[ -d "tests/fuzz/$target" ] && seeds+=("tests/fuzz/$target")
case "$target" in
  config)
    # Configs reading the 30 MB Fashion-MNIST set would make every execution slow.
    while IFS= read -r f; do seeds+=("$f"); done < <(grep -L '/usr/share/datasets' -r configs --include='*.yaml')
    seeds+=(tests/config/bad) ;;
  idx) seeds+=(tests/data/idx) ;;
  pbm) seeds+=(tests/data/pbm) ;;
  tsplib) seeds+=(tests/data/tsplib configs/data/hopfield_tank_10.tsp) ;;
  edge_list) seeds+=(tests/data/graphs configs/data/petersen.txt) ;;
esac
seed_dir="build/fuzzing/seeds/$target"
rm -rf "$seed_dir"
mkdir -p "$seed_dir"
for s in "${seeds[@]}"; do
  if [ -d "$s" ]; then
    find "$s" -type f \( -name '*.tsp' -o -name '*.pbm' -o -name '*.yaml' -o -name '*ubyte*' \
      -o -name '*.txt' -o -path "tests/fuzz/*" \) -exec cp {} "$seed_dir/" \;
  else
    cp "$s" "$seed_dir/"
  fi
done

# Memory: the estimate check refuses runs above HOPFIELD_MEMORY_LIMIT, so no input may make
# validation allocate more than that (libFuzzer stops at -malloc_limit_mb / -rss_limit_mb).
# hdf5_patterns: a well-formed dataset below the budget is read whole before the network's own
# estimate refuses it (linear work, by design): a 64 MiB budget keeps each execution well under
# the timeout (with 1 GiB, 7 × 2²³ fill values took over 10 s under ASan).
if [ "$target" = hdf5_patterns ]; then
  export HOPFIELD_MEMORY_LIMIT="${HOPFIELD_MEMORY_LIMIT:-64M}"
fi
export HOPFIELD_MEMORY_LIMIT="${HOPFIELD_MEMORY_LIMIT:-1G}"
# hdf5_file feeds libhdf5 corrupt files: its own leaks on error paths are suppressed, and a
# huge allocation it asks for fails with NULL (as without ASan, where libhdf5 then reports an
# error) instead of aborting. Both are libhdf5's, reported upstream; no other target does this.
if [ "$target" = hdf5_file ]; then
  export LSAN_OPTIONS="suppressions=$PWD/fuzz/libhdf5.lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
  export ASAN_OPTIONS="allocator_may_return_null=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
fi
log="build/fuzzing/$target.log"
set +e
"$bin" "$corpus" "$seed_dir" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 \
  -malloc_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
  -artifact_prefix="$findings/" "$@" >"$log" 2>&1
rc=$?
set -e
execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
if [ "$rc" -ne 0 ]; then
  tail -n 60 "$log" >&2
  echo "fuzz $target: FAILED after ${execs:-?} executions; input(s) in $findings/" >&2
  exit 1
fi
echo "fuzz $target: ${execs:-?} executions in $seconds s (corpus: $(ls "$corpus" | wc -l) inputs)"
