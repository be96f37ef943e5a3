#!/usr/bin/env bash
# Runs scripts/plot/recall.py, images.py and capacity.py on synthetic results files written by
# tests/plot/make_fixture.py (no C++ binary needed) and checks the figures they write.
# Exit status 0 when every check passes, 1 otherwise, 77 (ctest SKIP_RETURN_CODE) when the Python
# lacks h5py, numpy or matplotlib. HOPFIELD_PYTHON overrides /usr/bin/python3.
set -uo pipefail
source "$(dirname "$0")/plot_test_lib.sh" test_plots

run() {  # run COMMAND...: the command must exit 0
  if ! "$@" >"$tmp/last.out" 2>"$tmp/last.err"; then
    fail "$* exited non-zero"
    cat "$tmp/last.err" >&2
  fi
}

fixture() {  # fixture NAME ARGS...
  run "$py" "$here/tests/plot/make_fixture.py" "$tmp/$1.h5" "${@:2}"
}

fixture random --kind random --trials 4
fixture sweep --kind random --points 3 --trials 2
fixture notraj --kind random --points 2 --no-trajectories
fixture inline --kind inline
fixture idx --kind idx --trials 2
fixture nosave --kind inline --no-save
fixture capacity --kind capacity --points 5 --trials 3

# recall.py with the default output (RESULTS with .png).
run "$py" "$here/scripts/plot/recall.py" "$tmp/random.h5"
check_png "$tmp/random.png"
grep -qx "$tmp/random.png" "$tmp/last.out" || fail "recall.py did not print $tmp/random.png"
[ ! -e "$tmp/random_images.png" ] || fail "recall.py drew images for a run without /patterns"

# Padded sweep points, and the /results/sweeps fallback without /trajectories.
run "$py" "$here/scripts/plot/recall.py" "$tmp/sweep.h5" -o "$tmp/out/sweep.png"
check_png "$tmp/out/sweep.png"
run "$py" "$here/scripts/plot/recall.py" "$tmp/notraj.h5"
check_png "$tmp/notraj.png"

# Inline 6x6 (block-style `shape:`) and idx 28x28 (square root of N): images beside the figure.
for name in inline idx; do
  run "$py" "$here/scripts/plot/recall.py" "$tmp/$name.h5" -o "$tmp/$name-fig.png"
  check_png "$tmp/$name-fig.png"
  check_png "$tmp/$name-fig_images.png"
  grep -qx "$tmp/$name-fig_images.png" "$tmp/last.out" ||
    fail "recall.py did not print $tmp/$name-fig_images.png"
  run "$py" "$here/scripts/plot/images.py" "$tmp/$name.h5"
  check_png "$tmp/${name}_images.png"
done

# A .pdf output is written as PDF and PNG.
run "$py" "$here/scripts/plot/recall.py" "$tmp/inline.h5" -o "$tmp/pdf/fig.pdf"
[ -s "$tmp/pdf/fig.pdf" ] || fail "$tmp/pdf/fig.pdf missing or empty"
check_png "$tmp/pdf/fig.png"

# images.py refuses, with exit 2 and a message, a file without /patterns and /probes.
"$py" "$here/scripts/plot/images.py" "$tmp/nosave.h5" >/dev/null 2>"$tmp/last.err"
rc=$?
[ "$rc" -eq 2 ] || fail "images.py on a file without /patterns/xi exited $rc, expected 2"
grep -q "output.save" "$tmp/last.err" || fail "images.py did not say how to save patterns"
[ ! -e "$tmp/nosave_images.png" ] || fail "images.py wrote a figure for a file without images"

# The regex config readers: block and flow style.
run "$py" - "$here/scripts/plot" <<'EOF'
import sys
sys.path.insert(0, sys.argv[1])
import images
block = "experiment:\n  type: recall\n  probes:\n    type: inline\n    shape:\n      - 3\n      - 4\n" \
        "  success_overlap: 0.9\nnetwork:\n  neurons: 64\npatterns:\n  type: inline\n" \
        "  shape:\n    - 6\n    - 5\n"
flow = "experiment: {type: recall, success_overlap: 1.0}\nnetwork: {neurons: 1000}\n" \
       "patterns: {type: inline, shape: [2, 8]}\n"
assert images.config_shape(block, "patterns") == (6, 5), images.config_shape(block, "patterns")
assert images.config_shape(block) == (3, 4)
assert images.config_shape(flow, "patterns") == (2, 8)
assert images.config_float(block, "success_overlap", "experiment") == 0.9
assert images.config_float(flow, "success_overlap", "experiment") == 1.0
assert images.config_scalar(block, "neurons", "network") == "64"
assert images.config_scalar(flow, "neurons", "network") == "1000"
assert images.config_scalar(flow, "neurons", "patterns") is None
EOF

# capacity.py: default output beside the file, -o with a new folder, and the theory it draws.
run "$py" "$here/scripts/plot/capacity.py" "$tmp/capacity.h5"
check_png "$tmp/capacity.png"
grep -qx "$tmp/capacity.png" "$tmp/last.out" || fail "capacity.py did not print $tmp/capacity.png"
run "$py" "$here/scripts/plot/capacity.py" "$tmp/capacity.h5" -o "$tmp/cap/fig.pdf"
[ -s "$tmp/cap/fig.pdf" ] || fail "$tmp/cap/fig.pdf missing or empty"
check_png "$tmp/cap/fig.png"
"$py" "$here/scripts/plot/capacity.py" "$tmp/nosave.h5" >/dev/null 2>"$tmp/last.err"
rc=$?
[ "$rc" -eq 2 ] || fail "capacity.py on a recall file exited $rc, expected 2"
run "$py" - "$here/scripts/plot" "$tmp/capacity.h5" <<'EOF'
import math
import sys
sys.path.insert(0, sys.argv[1])
import h5py
import capacity as c
# AGS T = 0: m -> 1 at small load, about 0.97 just below alpha_c = 0.138, no retrieval above.
assert c.ags_overlap(0.01) > 0.99999
assert 0.9975 < c.ags_overlap(0.10) < 0.9985, c.ags_overlap(0.10)
assert 0.96 < c.ags_overlap(0.1375) < 0.98, c.ags_overlap(0.1375)
assert math.isnan(c.ags_overlap(0.139)) and math.isnan(c.ags_overlap(0.2))
# The returned m solves the equations.
a, m = 0.12, c.ags_overlap(0.12)
cc = 0.0
for _ in range(200):
    r = 1 / (1 - cc) ** 2
    cc = math.sqrt(2 / (math.pi * a * r)) * math.exp(-m * m / (2 * a * r))
assert abs(math.erf(m / math.sqrt(2 * a / (1 - cc) ** 2)) - m) < 1e-10
# One-step errors: finite-N Gaussian form close to the exact binomial tail, limit Phi(-1/sqrt a).
for n, p in ((1000, 100), (1000, 200), (500, 150)):
    exact, gauss = c.one_step_error_exact(n, p), c.one_step_error_finite_n(n, p)
    assert abs(gauss / exact - 1) < 0.02, (n, p, exact, gauss)
assert abs(c.one_step_error_limit(0.1) - 0.5 * math.erfc(math.sqrt(10) / math.sqrt(2))) < 1e-15
assert c.one_step_error_exact(1000, 1) == 0.0
# Direct count for N = 5, P = 3: K = 8 terms, flip when B < (8 - 4)/2 = 2: (1 + 8)/256.
assert abs(c.one_step_error_exact(5, 3) - 9 / 256) < 1e-12
# Curves: one per learning rule, each with the fixture's loads in increasing order.
with h5py.File(sys.argv[2], "r") as h5:
    names, members = c.curves(h5)
    assert names == ["learning.type=hebbian", "learning.type=pseudo_inverse"], names
    assert members == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]], members
EOF

finish
