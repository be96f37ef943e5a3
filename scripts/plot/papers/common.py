"""Shared by the paper scripts (scripts/plot/papers/<name>.py): reading results files, the rows
of docs/REPRODUCING.md, and the command line every paper script has.

A paper script defines

    TITLE                       one line: the paper and what is reproduced
    def figure(h5) -> Figure    our measurement with the published value or theory curve
    def rows(h5) -> [Row]       one Row per compared result, for docs/REPRODUCING.md

and ends with `sys.exit(common.main(figure, rows))`, which gives it the command line

    NAME.py RESULTS.h5 [-o OUT.png] [--rows]

(-o: the figure, written as PNG and PDF side by side, default RESULTS with .png; --rows: print
the rows as JSON instead). Only h5py, numpy and matplotlib.
"""

import argparse
import json
import math
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

AGREES = ("yes", "no", "partly")


@dataclass
class Row:
    """One line of docs/REPRODUCING.md."""

    result: str     # what is compared, e.g. "fraction of memories recalled without error, n = 10"
    paper: str      # authors, year, figure / table / equation
    published: str  # the published value or theory, as the paper states it
    ours: str       # our value with its uncertainty (± s.e. over trials or a bootstrap interval)
    size: str       # N and trials (and whatever else sets the statistics)
    agrees: str     # "yes", "no" or "partly"
    tolerance: str  # the tolerance the agreement was judged with
    note: str       # the finite-size explanation, or why we differ

    def __post_init__(self):
        if self.agrees not in AGREES:
            raise ValueError(f"Row.agrees must be one of {AGREES}, not {self.agrees!r}")


def verdict(ok, partly=False):
    return "yes" if ok else ("partly" if partly else "no")


# --- Reading results ------------------------------------------------------------------------


def decoded(value):
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def points(h5, key):
    """The swept values of a dotted key, as floats when numeric, else as text."""
    values = h5[f"points/{key}"][()]
    if values.dtype.kind in "fiu":
        return np.asarray(values, dtype=float)
    return np.array([decoded(v) for v in values])


def trial_means(h5, name):
    """(points, trials): each trial's mean of /results/<name> over its trailing dimensions,
    padding (NaN, −1) skipped."""
    data = h5[f"results/{name}"][()]
    values = data.astype(float)
    valid = np.isfinite(values) if data.dtype.kind == "f" else data >= 0
    values = values.reshape(values.shape[0], values.shape[1], -1)
    valid = valid.reshape(values.shape)
    counts = valid.sum(axis=-1)
    sums = np.where(valid, values, 0.0).sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)


def mean_sem(per_trial):
    """Mean over trials (axis 1) and its standard error, per point."""
    per_trial = np.asarray(per_trial, dtype=float)
    n = np.isfinite(per_trial).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.nanmean(per_trial, axis=1)
        sd = np.array([np.nanstd(row, ddof=1) if k > 1 else np.nan
                       for row, k in zip(per_trial, n)])
    return mean, sd / np.sqrt(np.maximum(n, 1))


def pooled_mean_sem(h5, name):
    """Per point: mean over every probe of every trial and its standard error from their spread
    (for quantities whose probes are nearly independent even within a trial)."""
    v = per_probe(h5, name).reshape(h5[f"results/{name}"].shape[0], -1)
    n = np.isfinite(v).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.nanmean(v, axis=1), np.nanstd(v, axis=1, ddof=1) / np.sqrt(n)


def per_probe(h5, name):
    """(points, trials, probes) float array of /results/<name>, padding as NaN."""
    data = h5[f"results/{name}"][()]
    values = data.astype(float)
    if data.dtype.kind != "f":
        values[data < 0] = np.nan
    return values


def config_text(h5):
    return decoded(h5.attrs.get("config", ""))


def trials(h5):
    """Trials per point: the second dimension of the /results datasets."""
    for name in ("count", "starts"):
        if f"results/{name}" in h5:
            return int(h5[f"results/{name}"].shape[1])
    return int(next(iter(h5["results"].values())).shape[1])


def neurons(h5):
    """N of the run (the largest when N is swept)."""
    if "points/network.neurons" in h5:
        return int(np.max(h5["points/network.neurons"][()]))
    for line in config_text(h5).splitlines():
        stripped = line.strip()
        if stripped.startswith("neurons:"):
            return int(float(stripped.split(":", 1)[1]))
    return -1


def fmt_pm(mean, sem, digits=3):
    if not np.isfinite(sem):
        return f"{mean:.{digits}f}"
    return f"{mean:.{digits}f} ± {sem:.{digits}f}"


def crossing(x, y, level):
    """The first x where y falls through level (linear interpolation); NaN if it does not."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    for k in range(len(x) - 1):
        if y[k] >= level > y[k + 1]:
            return float(x[k] + (level - y[k]) * (x[k + 1] - x[k]) / (y[k + 1] - y[k]))
    return float("nan")


def bootstrap(per_trial, statistic, resamples=1000, seed=12345):
    """95 % percentile bootstrap interval of statistic(per_trial[:, sample]) over trials
    (resampled jointly across the points, axis 1 being the trials)."""
    per_trial = np.asarray(per_trial, dtype=float)
    rng = np.random.default_rng(seed)
    n = per_trial.shape[1]
    values = []
    for _ in range(resamples):
        sample = rng.integers(0, n, n)
        values.append(statistic(per_trial[:, sample]))
    values = np.array(values, dtype=float)
    finite = values[np.isfinite(values)]
    if finite.size < 0.9 * resamples:
        return float("nan"), float("nan")
    return float(np.percentile(finite, 2.5)), float(np.percentile(finite, 97.5))


# --- Figures --------------------------------------------------------------------------------


def new_figure(panels, width_per_panel=4.6, height=3.9):
    fig, axes = plt.subplots(1, panels, figsize=(width_per_panel * panels, height),
                             constrained_layout=True)
    return fig, np.atleast_1d(axes)


def save(fig, out):
    """Writes OUT as PNG and PDF side by side (whichever suffix OUT has). Returns the paths."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    paths = [out.with_suffix(".png"), out.with_suffix(".pdf")]
    for path in paths:
        fig.savefig(path, dpi=130)
    plt.close(fig)
    return paths


def main(figure, rows, argv=None):
    parser = argparse.ArgumentParser(description=sys.modules["__main__"].__doc__.splitlines()[0])
    parser.add_argument("results", help="results file (.h5) written by `hopfield run`")
    parser.add_argument("-o", "--output", help="figure (.png; a .pdf is written beside it)")
    parser.add_argument("--rows", action="store_true",
                        help="print the rows for docs/REPRODUCING.md as JSON, draw nothing")
    args = parser.parse_args(argv)
    results = Path(args.results)
    try:
        with h5py.File(results, "r") as h5:
            if args.rows:
                print(json.dumps([asdict(r) for r in rows(h5)], indent=1, ensure_ascii=False))
                return 0
            fig = figure(h5)
    except (OSError, KeyError, ValueError) as error:
        print(f"{Path(sys.argv[0]).name}: {results}: {error}", file=sys.stderr)
        return 2
    out = Path(args.output) if args.output else results.with_suffix(".png")
    for path in save(fig, out):
        print(path)
    return 0


def isfinite(x):
    return x is not None and math.isfinite(x)
