#!/usr/bin/python3
"""Figure of an `optimise` run (Hopfield & Tank 1985): best solution and objective histogram.

Usage: tsp.py RESULTS.h5 [-o OUT.png]      (default OUT: RESULTS with the suffix .png)

(a) For a TSP run: the shortest valid tour found (/tours/node rows of the trial with the lowest
    /results/objective) drawn on the city map of its instance (/instances/x, /instances/y).
    For n_queens: the board of the first valid run. For other problems: the fraction of valid
    runs.
(b) Histogram of the objective of the valid runs, with the mean heuristic baseline
    (/results/baseline, NN + 2-opt or greedy + local search) and the exact optimum
    (/results/optimum) where known as vertical lines; the title gives the valid fraction.
Only h5py, numpy and matplotlib.
"""

import argparse
import re
from pathlib import Path

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def draw_board(ax, columns):
    """An n × n board with a queen at (row r, column columns[r])."""
    n = len(columns)
    ax.imshow((np.add.outer(np.arange(n), np.arange(n)) % 2), cmap="Greys", alpha=0.25,
              extent=(-0.5, n - 0.5, n - 0.5, -0.5))
    ax.scatter(np.asarray(columns, dtype=float), np.arange(n), marker="*", s=300, c="tab:red",
               zorder=3)
    ax.set_xticks(range(n))
    ax.set_yticks(range(n))
    ax.set_xlabel("column")
    ax.set_ylabel("row")
    ax.set_title(f"a valid board: {n} queens, none attacking")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("results")
    ap.add_argument("-o", "--output")
    args = ap.parse_args(argv)
    out = Path(args.output) if args.output else Path(args.results).with_suffix(".png")
    with h5py.File(args.results, "r") as f:
        config = f.attrs.get("config", "")
        config = config.decode() if isinstance(config, bytes) else str(config)
        queens = re.search(r"\btype:\s*n_queens\b", config) is not None
        valid = f["/results/valid"][()].ravel()
        obj = f["/results/objective"][()].ravel()
        base = f["/results/baseline"][()].ravel()
        opt = f["/results/optimum"][()].ravel()
        trials = f["/results/valid"].shape[1]
        tours = {}
        if "/tours/node" in f and f["/tours/node"].shape[0] > 0:
            node = f["/tours/node"][()]
            tp = f["/tours/point"][()] * trials + f["/tours/trial"][()]
            for k in np.unique(tp):
                tours[int(k)] = node[tp == k]
        cities = {}
        if "/instances/x" in f and f["/instances/x"].shape[0] > 0:
            x = f["/instances/x"][()]
            y = f["/instances/y"][()]
            ip = f["/instances/point"][()] * trials + f["/instances/trial"][()]
            for k in np.unique(ip):
                cities[int(k)] = (x[ip == k], y[ip == k])
    fig, (a, b) = plt.subplots(1, 2, figsize=(11, 4.8))
    ok = np.isfinite(obj)
    frac = valid.mean() if valid.size else 0.0
    if queens and tours:
        draw_board(a, tours[min(tours)])
    elif ok.any() and cities:
        best = int(np.nanargmin(np.where(ok, obj, np.inf)))
        cx, cy = cities.get(best, next(iter(cities.values())))
        tour = tours.get(best)
        a.scatter(cx, cy, c="k", zorder=3)
        for i, (px, py) in enumerate(zip(cx, cy)):
            a.annotate(str(i + 1), (px, py), textcoords="offset points", xytext=(4, 4))
        if tour is not None:
            idx = np.append(tour, tour[0]).astype(int)
            a.plot(cx[idx], cy[idx], "-", color="tab:blue")
        a.set_title(f"best valid tour: length {obj[best]:.4f}")
        a.set_aspect("equal")
    else:
        a.bar(["valid", "invalid"], [frac, 1 - frac], color=["tab:green", "tab:red"])
        a.set_ylabel("fraction of runs")
        a.set_title("validity")
    if ok.any():
        b.hist(obj[ok], bins=20, color="tab:blue", alpha=0.8, label="network (valid runs)")
    if np.isfinite(base).any():
        b.axvline(np.nanmean(base), color="tab:orange", ls="--", label="baseline (mean)")
    if np.isfinite(opt).any():
        b.axvline(np.nanmean(opt), color="k", ls=":", label="optimum (mean)")
    b.set_xlabel("objective")
    b.set_ylabel("runs")
    b.set_title(f"{100 * frac:.0f}% valid of {valid.size} runs")
    b.legend(loc="best")
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    print(out)


if __name__ == "__main__":
    main()
