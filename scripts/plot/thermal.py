#!/usr/bin/python3
"""Figure of a `thermal` run: time-averaged overlap against temperature, with Curie-Weiss theory.

Usage: thermal.py RESULTS.h5 [-o OUT.png]      (default OUT: RESULTS with the suffix .png)

(a) The time-averaged overlap m̄ (/results/mean_overlap) per sweep point against the temperature,
    averaged over trials and probes, with error bars (standard error over trials; with a single
    trial, the probes' batch-means errors /results/mean_overlap_error combined); hollow markers
    show the time-averaged |m| (/results/mean_abs_overlap). The temperature of each point is
    /points/dynamics.temperature when the run swept it, else the config's dynamics.temperature
    (one point). The line is the Curie-Weiss curve: the largest root of m = tanh(m/T) (Amit,
    Gutfreund & Sompolinsky 1985), solved here by fixed-point iteration; it is exact for one
    stored pattern in a bipolar network as N grows.
(b) With /trajectories/overlap (output.save: [trajectories]): the overlap after every sweep for
    the first probe of the first trial at each temperature (up to 8), with the burn-in shaded.

An output ending in .pdf is written as PDF and as PNG. Prints each path written.
Only h5py, numpy and matplotlib (Debian's python3-h5py, python3-numpy, python3-matplotlib).
"""

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import images  # noqa: E402  (scripts/plot/images.py)

MAX_TRACES = 8


def curie_weiss(temperature):
    """Largest root of m = tanh(m/T) (0 for T >= 1), by iteration from m = 1."""
    if temperature <= 0.0:
        return 1.0
    m = 1.0
    for _ in range(100000):
        nxt = np.tanh(m / temperature)
        if abs(nxt - m) < 1e-13:
            return float(nxt)
        m = nxt
    return float(m)


def temperatures(h5, points, config):
    """The temperature of every sweep point."""
    if "points/dynamics.temperature" in h5:
        values = np.asarray(h5["points/dynamics.temperature"][()], dtype=float)
        if values.shape == (points,):
            return values
    value = images.config_float(config, "temperature", "dynamics")
    return np.full(points, value if value is not None else 0.0)


def point_statistics(mean, error):
    """Per point: mean over (trial, probe) and its error.

    The error is the standard error over per-trial means when there are several trials, else the
    probes' batch-means errors combined (sqrt(sum e^2) / n), as `hopfield run` reports it.
    """
    points, trials = mean.shape[:2]
    centre = np.full(points, np.nan)
    spread = np.full(points, np.nan)
    for p in range(points):
        per_trial = np.array([np.nanmean(mean[p, t]) for t in range(trials)
                              if np.any(np.isfinite(mean[p, t]))])
        if per_trial.size == 0:
            continue
        centre[p] = per_trial.mean()
        if per_trial.size > 1:
            spread[p] = per_trial.std(ddof=1) / np.sqrt(per_trial.size)
        else:
            e = error[p].ravel()
            e = e[np.isfinite(e)]
            if e.size:
                spread[p] = np.sqrt(np.sum(e ** 2)) / e.size
    return centre, spread


def draw_thermal(h5):
    config = images.text_attribute(h5, "config")
    mean = np.asarray(h5["results/mean_overlap"][()], dtype=float)
    error = np.asarray(h5["results/mean_overlap_error"][()], dtype=float)
    points = mean.shape[0]
    temps = temperatures(h5, points, config)
    m, dm = point_statistics(mean, error)
    has_abs = "results/mean_abs_overlap" in h5
    if has_abs:
        m_abs, _ = point_statistics(np.asarray(h5["results/mean_abs_overlap"][()], dtype=float),
                                    error)
    has_traces = "trajectories/overlap" in h5

    fig, axes = plt.subplots(1, 2 if has_traces else 1, figsize=(11 if has_traces else 6, 4.5),
                             squeeze=False)
    ax = axes[0, 0]
    t_max = max(1.3, float(np.nanmax(temps)) * 1.1 if np.any(np.isfinite(temps)) else 1.3)
    grid = np.linspace(1e-3, t_max, 400)
    representation = images.config_scalar(config, "representation", "network") or "bipolar"
    label = "Curie–Weiss m = tanh(m/T)"
    if representation != "bipolar":
        label += " (bipolar theory)"
    ax.plot(grid, [curie_weiss(t) for t in grid], color="0.35", lw=1.5, label=label)
    order = np.argsort(temps)
    ax.errorbar(temps[order], m[order], yerr=np.nan_to_num(dm[order]), fmt="o",
                color="C0", ms=5, capsize=3, label="measured m̄ (time average)")
    if has_abs:
        ax.plot(temps[order], m_abs[order], "o", mfc="none", color="C1", ms=7,
                label="measured time average of |m|")
    if points == 1:
        theory = curie_weiss(float(temps[0]))
        ax.set_title(f"T = {temps[0]:g}: m̄ = {m[0]:.4f} ± {dm[0]:.4f} "
                     f"(theory {theory:.4f})", fontsize=10)
    else:
        ax.set_title(f"time-averaged overlap at {points} temperatures", fontsize=10)
    ax.axvline(1.0, color="0.8", lw=0.8, ls=":")
    ax.set_xlabel("temperature T")
    ax.set_ylabel("overlap with the stored pattern")
    ax.set_xlim(0.0, t_max)
    ax.set_ylim(min(-0.05, float(np.nanmin(m)) - 0.05) if np.any(np.isfinite(m)) else -0.05, 1.05)
    ax.legend(loc="lower left", fontsize=8)

    if has_traces:
        ax = axes[0, 1]
        traces = np.asarray(h5["trajectories/overlap"][()], dtype=float)
        burn_in = images.config_float(config, "burn_in", "dynamics")
        shown = order if points <= MAX_TRACES else order[np.linspace(0, points - 1,
                                                                     MAX_TRACES).astype(int)]
        colours = plt.cm.viridis(np.linspace(0, 0.9, len(shown)))
        for colour, p in zip(colours, shown):
            row = traces[p, 0, 0]
            row = row[np.isfinite(row)]
            ax.plot(np.arange(row.size), row, color=colour, lw=0.9, label=f"T = {temps[p]:g}")
        if burn_in:
            ax.axvspan(0, burn_in, color="0.92", zorder=0, label="burn-in")
        ax.set_xlabel("sweep")
        ax.set_ylabel("overlap m (first probe, first trial)")
        ax.legend(loc="best", fontsize=7, ncol=2)
    fig.tight_layout()
    return fig


def main(argv=None):
    return images.figure_main("thermal.py", "Draw the time-averaged overlap against temperature of a thermal run.", draw_thermal, argv)


if __name__ == "__main__":
    sys.exit(main())
