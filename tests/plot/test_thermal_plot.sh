#!/usr/bin/env bash
# Runs scripts/plot/thermal.py on synthetic thermal results files (no C++ binary needed): one
# temperature taken from the config, and a sweep over /points/dynamics.temperature with
# /trajectories/overlap. Exit 0 when every check passes, 1 otherwise, 77 (ctest SKIP) when the
# Python lacks h5py, numpy or matplotlib. HOPFIELD_PYTHON overrides /usr/bin/python3.
set -uo pipefail
source "$(dirname "$0")/plot_test_lib.sh" test_thermal_plot

"$py" - "$tmp" <<'PY' || fail "could not write the fixtures"
import sys
import h5py
import numpy as np
tmp = sys.argv[1]
config = ("experiment:\n  type: thermal\nnetwork:\n  neurons: 1000\n  representation: bipolar\n"
          "dynamics:\n  type: glauber\n  temperature: {t}\n  burn_in: 10\n  measure_sweeps: 20\n")
def cw(t):
    m = 1.0
    for _ in range(2000):
        m = np.tanh(m / t)
    return m
def write(path, temps, trials, traces):
    with h5py.File(path, "w") as f:
        f.attrs["format"] = "hopfield-results"
        f.attrs["experiment"] = "thermal"
        f.attrs["config"] = config.format(t=temps[0])
        m = np.array([[[cw(t) + 0.01 * k] for k in range(trials)] for t in temps])
        f["results/mean_overlap"] = m
        f["results/mean_overlap_error"] = np.full_like(m, 0.002)
        f["results/mean_abs_overlap"] = np.abs(m)
        if len(temps) > 1:
            f["points/dynamics.temperature"] = np.array(temps)
        if traces:
            tr = np.full((len(temps), trials, 1, 31), np.nan)
            for p, t in enumerate(temps):
                tr[p, :, 0, :] = cw(t)
            f["trajectories/overlap"] = tr
write(f"{tmp}/one.h5", [0.5], 1, False)
write(f"{tmp}/sweep.h5", [0.2, 0.6, 0.9, 1.2], 3, True)
PY

for name in one sweep; do
  if ! "$py" "$here/scripts/plot/thermal.py" "$tmp/$name.h5" >"$tmp/out" 2>"$tmp/err"; then
    fail "thermal.py $name.h5 exited non-zero"
    cat "$tmp/err" >&2
  fi
  check_png "$tmp/$name.png"
  grep -qx "$tmp/$name.png" "$tmp/out" || fail "thermal.py did not print $tmp/$name.png"
done
"$py" "$here/scripts/plot/thermal.py" "$tmp/sweep.h5" -o "$tmp/pdf/fig.pdf" >/dev/null ||
  fail "thermal.py -o fig.pdf exited non-zero"
[ -s "$tmp/pdf/fig.pdf" ] || fail "fig.pdf missing"
# The Curie-Weiss solver of the script.
"$py" - "$here/scripts/plot" <<'PY' || fail "curie_weiss() is wrong"
import sys
sys.path.insert(0, sys.argv[1])
import thermal
assert abs(thermal.curie_weiss(0.5) - 0.957504) < 1e-5
assert thermal.curie_weiss(1.2) < 1e-6
assert thermal.curie_weiss(0.0) == 1.0
PY
# A file without thermal results is refused with exit 2.
"$py" -c "import h5py; h5py.File('$tmp/empty.h5', 'w').close()"
"$py" "$here/scripts/plot/thermal.py" "$tmp/empty.h5" >/dev/null 2>&1
[ $? -eq 2 ] || fail "thermal.py on a file without results did not exit 2"

finish
