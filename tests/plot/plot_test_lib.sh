# Shared set-up of the plot-script tests (sourced, not run): NAME is the test's name.
#   source "$(dirname "$0")/plot_test_lib.sh" NAME
# Sets here (the repository root), py (HOPFIELD_PYTHON or /usr/bin/python3) and tmp (removed on
# exit); exits 77 (ctest SKIP_RETURN_CODE) when the Python lacks h5py, numpy or matplotlib.
# fail MESSAGE counts a failed check; check_png FILE checks a PNG; finish exits 0 or 1.
plot_test_name="$1"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
py="${HOPFIELD_PYTHON:-/usr/bin/python3}"
if ! "$py" -c 'import h5py, numpy, matplotlib' 2>/dev/null; then
  echo "$plot_test_name: $py lacks h5py/numpy/matplotlib (apt-get install python3-h5py python3-numpy python3-matplotlib)" >&2
  exit 77
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export MPLCONFIGDIR="$tmp/mpl" MPLBACKEND=Agg
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# A PNG exists, is non-empty and starts with the PNG signature.
check_png() {
  if [ ! -s "$1" ]; then
    fail "$1 missing or empty"
  elif [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]; then
    fail "$1 is not a PNG file"
  fi
}

finish() {
  if [ "$failures" -ne 0 ]; then
    echo "$plot_test_name: $failures check(s) failed" >&2
    exit 1
  fi
  echo "$plot_test_name: all checks passed"
  exit 0
}
