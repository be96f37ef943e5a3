#!/usr/bin/env bash
# Runs scripts/plot/basins.py on synthetic basins results files (no C++ binary needed): a grid of
# learning rule × load, one point without a sweep, and a sweep over a numeric key that is not the
# load; checks the figures, the curve grouping, the x parameter and the error bars, and that a
# file of another experiment is refused with exit 2. Exit 0 when every check passes, 1
# otherwise, 77 (ctest SKIP) when the Python lacks h5py, numpy or matplotlib.
# HOPFIELD_PYTHON overrides /usr/bin/python3.
set -uo pipefail
source "$(dirname "$0")/plot_test_lib.sh" test_basins_plot

# Fixtures in the layout the C++ experiment writes: /results/<metric> shaped (points, trials, …),
# /points/<key> per swept key (text for whole modules), the resolved config as an attribute.
"$py" - "$tmp" <<'PY' || fail "could not write the fixtures"
import sys
import h5py
import numpy as np
tmp = sys.argv[1]
config = ("experiment:\n  type: basins\n  cues: 10\n  probes: 10\n  success_overlap: 0.95\n"
          "  level: 0.5\nnetwork:\n  neurons: 500\n")
fractions = np.linspace(0.0, 0.5, 11)

def curve(radius):
    # A logistic success curve through 1/2 at the radius.
    return 1.0 / (1.0 + np.exp((fractions - radius) / 0.02))

def write(path, points, radii, trials, load=None, learning=None, other=None):
    with h5py.File(path, "w") as f:
        f.attrs["format"] = "hopfield-results"
        f.attrs["experiment"] = "basins"
        f.attrs["config"] = config
        f.attrs["config_file"] = "configs/examples/fixture.yaml"
        r = np.array([[radii[p] + 0.01 * (t - (trials - 1) / 2) for t in range(trials)]
                      for p in range(points)])
        f["results/mean_radius"] = r
        f["results/radius"] = np.repeat(r[:, :, None], 10, axis=2)
        f["results/radius_censored"] = np.zeros((points, trials, 10), dtype=np.int64)
        f["results/flip_fraction"] = np.broadcast_to(fractions, (points, trials, 11)).copy()
        f["results/success_probability"] = np.array([[curve(x) for x in row] for row in r])
        f["results/alpha"] = np.array([[load[p] if load is not None else 0.05] * trials
                                       for p in range(points)])
        if load is not None:
            f["points/patterns.alpha"] = np.array(load)
        if learning is not None:
            f["points/learning"] = np.array(learning, dtype=h5py.string_dtype())
        if other is not None:
            f["points/" + other[0]] = np.array(other[1], dtype=float)

loads = [0.05, 0.1, 0.15] * 3
rules = ["hebbian"] * 3 + ["storkey"] * 3 + ["pseudo_inverse"] * 3
radii = [0.41, 0.31, 0.14, 0.43, 0.39, 0.34, 0.43, 0.39, 0.35]
write(f"{tmp}/rules.h5", 9, radii, 3, load=loads, learning=rules)
write(f"{tmp}/one.h5", 1, [0.3], 1)
write(f"{tmp}/noise.h5", 3, [0.4, 0.3, 0.2], 2, other=("noise[0].sigma", [0.0, 0.5, 1.0]))
with h5py.File(f"{tmp}/recall.h5", "w") as f:
    f.attrs["experiment"] = "recall"
    f["results/overlap"] = np.ones((1, 1, 3))
PY

for name in rules one noise; do
  if ! "$py" "$here/scripts/plot/basins.py" "$tmp/$name.h5" >"$tmp/out" 2>"$tmp/err"; then
    fail "basins.py $name.h5 exited non-zero"
    cat "$tmp/err" >&2
  fi
  check_png "$tmp/$name.png"
  grep -qx "$tmp/$name.png" "$tmp/out" || fail "basins.py did not print $tmp/$name.png"
done
"$py" "$here/scripts/plot/basins.py" "$tmp/rules.h5" -o "$tmp/pdf/fig.pdf" >/dev/null ||
  fail "basins.py -o fig.pdf exited non-zero"
[ -s "$tmp/pdf/fig.pdf" ] || fail "fig.pdf missing"
check_png "$tmp/pdf/fig.png"

# A file without basins results is refused with exit 2 and no figure.
"$py" "$here/scripts/plot/basins.py" "$tmp/recall.h5" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "basins.py on a recall file did not exit 2"
grep -q "not a basins run" "$tmp/err" || fail "basins.py did not say the file is not a basins run"
[ ! -e "$tmp/recall.png" ] || fail "basins.py wrote a figure for a recall file"

# Grouping, x parameter and error bars of the script.
"$py" - "$here/scripts/plot" "$tmp" <<'PY' || fail "basins.py helpers are wrong"
import sys
sys.path.insert(0, sys.argv[1])
import h5py
import numpy as np
import basins
tmp = sys.argv[2]
with h5py.File(f"{tmp}/rules.h5", "r") as h5:
    xs, label, short, key = basins.x_axis(h5, 9)
    assert key == "load" and short == "α", (key, short)
    assert np.allclose(xs, [0.05, 0.1, 0.15] * 3), xs
    names, members = basins.curves(h5, 9, key)
    assert names == ["learning=hebbian", "learning=storkey", "learning=pseudo_inverse"], names
    assert members == [[0, 1, 2], [3, 4, 5], [6, 7, 8]], members
    mean, sem = basins.mean_sem(h5["results/mean_radius"][()])
    # Trials at r - 0.01, r, r + 0.01: s.d. 0.01, s.e. 0.01/sqrt(3).
    assert np.allclose(mean, [0.41, 0.31, 0.14, 0.43, 0.39, 0.34, 0.43, 0.39, 0.35]), mean
    assert np.allclose(sem, 0.01 / np.sqrt(3)), sem
    m, s = basins.mean_sem(h5["results/success_probability"][()])
    assert m.shape == (9, 11) and s.shape == (9, 11)
with h5py.File(f"{tmp}/noise.h5", "r") as h5:
    xs, label, short, key = basins.x_axis(h5, 3)
    assert key == "noise[0].sigma" and np.allclose(xs, [0.0, 0.5, 1.0]), (key, xs)
    assert basins.curves(h5, 3, key) == (["measured"], [[0, 1, 2]])
with h5py.File(f"{tmp}/one.h5", "r") as h5:
    xs, label, short, key = basins.x_axis(h5, 1)
    assert key is None and list(xs) == [0.0]
    m, s = basins.mean_sem(h5["results/mean_radius"][()])
    assert np.isnan(s[0]) and abs(m[0] - 0.3) < 1e-12
PY

finish
