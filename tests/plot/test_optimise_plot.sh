#!/usr/bin/env bash
# Runs scripts/plot/tsp.py (and optimise.py, which scripts/run.sh picks) and continuous.py on
# small optimise runs of the hopfield binary (argument 1): the 1985 TSP instance with saved
# trajectories, eight queens (board panel) and a partition run (validity panel); checks the
# figures, and that continuous.py refuses a file without trajectories. Exit 0 when every check
# passes, 1 otherwise, 77 (ctest SKIP) when the Python lacks h5py, numpy or matplotlib.
set -uo pipefail
source "$(dirname "$0")/plot_test_lib.sh" test_optimise_plot
bin="$1"

run() {  # run COMMAND...: the command must exit 0
  if ! "$@" >"$tmp/last.out" 2>"$tmp/last.err"; then
    fail "$* exited non-zero"
    cat "$tmp/last.err" >&2
  fi
}

cd "$here"
run "$bin" run configs/examples/hopfield_tank_tsp10.yaml --quiet -o "$tmp/tsp.h5" \
  --set sweep.trials=3 --set 'output.save=[trajectories]'
run "$bin" run configs/examples/n_queens.yaml --quiet -o "$tmp/queens.h5" --set sweep.trials=3
run "$bin" run configs/examples/partition.yaml --quiet -o "$tmp/partition.h5" --set sweep.trials=2

for name in tsp queens partition; do
  run "$py" scripts/plot/tsp.py "$tmp/$name.h5"
  check_png "$tmp/$name.png"
  grep -qx "$tmp/$name.png" "$tmp/last.out" || fail "tsp.py did not print $tmp/$name.png"
done
run "$py" scripts/plot/optimise.py "$tmp/tsp.h5" -o "$tmp/optimise.png"
check_png "$tmp/optimise.png"
run "$py" scripts/plot/continuous.py "$tmp/tsp.h5" --trial 2
check_png "$tmp/tsp.traj.png"

# /trajectories/u is recorded beside v, and v = g(u) is a non-decreasing function of u.
"$py" - "$tmp/tsp.h5" <<'PY' || fail "/trajectories/u is missing or inconsistent with v"
import sys
import h5py
import numpy as np
with h5py.File(sys.argv[1], "r") as f:
    u, v = f["/trajectories/u"][()], f["/trajectories/v"][()]
assert u.shape == v.shape, (u.shape, v.shape)
ok = np.isfinite(u) & np.isfinite(v)
uu, vv = u[ok], v[ok]
order = np.argsort(uu, kind="stable")
assert uu.size > 100 and np.all(np.diff(vv[order]) >= -1e-12)
PY

# The board panel reads the problem type from the stored config and draws a permutation.
"$py" - scripts/plot "$tmp/queens.h5" <<'PY' || fail "tsp.py board helpers are wrong"
import sys
sys.path.insert(0, sys.argv[1])
import h5py
import matplotlib.pyplot as plt
import numpy as np
import tsp
with h5py.File(sys.argv[2], "r") as f:
    assert "n_queens" in f.attrs["config"]
    node, trial = f["/tours/node"][()], f["/tours/trial"][()]
first = node[trial == trial.min()]
assert len(first) == 8, first
fig, ax = plt.subplots()
tsp.draw_board(ax, first)
xs = ax.collections[0].get_offsets()
assert sorted(xs[:, 0]) == list(range(8)) and sorted(xs[:, 1]) == list(range(8)), xs
PY

# continuous.py needs /trajectories: a run without them is refused with a message.
if "$py" scripts/plot/continuous.py "$tmp/partition.h5" >/dev/null 2>"$tmp/last.err"; then
  fail "continuous.py accepted a file without trajectories"
fi
grep -q "output.save" "$tmp/last.err" || fail "continuous.py did not say how to save trajectories"

finish
