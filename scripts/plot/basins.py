#!/usr/bin/python3
"""Figure of a `basins` run: success probability against flip fraction, and the basin radius.

Usage: basins.py RESULTS.h5 [-o OUT.png]      (default OUT: RESULTS with the suffix .png)

The sweep points are grouped into curves: points that differ only in the x parameter form one
curve (one colour), named by the other swept values (e.g. `learning=storkey`). The x parameter
is the load α (/results/alpha) when patterns.alpha or patterns.count is swept, else the first
numeric swept key, else the point index.

(a) One panel per curve: the success probability P(m ≥ success_overlap) against the fraction
    of flipped bits (/results/success_probability against /results/flip_fraction), one line per
    point, mean over trials ± standard error, with the level that defines the radius dotted.
(b) The basin radius (/results/mean_radius: each trial's mean over its patterns) against the x
    parameter, one line per curve, mean over trials ± standard error.

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
import images  # noqa: E402  (scripts/plot/images.py: attribute and config readers, saving)

LOAD_KEYS = ("patterns.alpha", "patterns.count")
MAX_PANELS = 6


def decoded(value):
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def value_text(value):
    value = decoded(value)
    if isinstance(value, (float, np.floating)):
        return f"{value:g}"
    return str(value)


def mean_sem(values):
    """Mean over trials (axis 1) and its standard error; NaN s.e. with one trial."""
    values = np.asarray(values, dtype=float)
    n = np.isfinite(values).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.nanmean(values, axis=1)
        sd = np.nanstd(values, axis=1, ddof=1) if values.shape[1] > 1 else np.full(mean.shape,
                                                                                   np.nan)
    return mean, sd / np.sqrt(np.maximum(n, 1))


def x_axis(h5, points):
    """(values per point, axis label, short name, swept key used or None)."""
    swept = list(h5["points"].keys()) if "points" in h5 else []
    if any(key in swept for key in LOAD_KEYS) and "results/alpha" in h5:
        return np.nanmean(h5["results/alpha"][()], axis=1), "load α = P/N", "α", "load"
    for key in swept:
        values = h5[f"points/{key}"][()]
        if values.dtype.kind in "fiu":
            return np.asarray(values, dtype=float), key, key, key
    return np.arange(points, dtype=float), "sweep point", "point", None


def curves(h5, points, x_key):
    """(names, members): points grouped by their swept values other than the x parameter."""
    labels = [[] for _ in range(points)]
    if "points" in h5:
        for key, dataset in h5["points"].items():
            if key == x_key or (x_key == "load" and key in LOAD_KEYS):
                continue
            values = dataset[()]
            for p in range(points):
                labels[p].append(f"{key}={value_text(values[p])}")
    names, members = [], []
    for p, parts in enumerate(labels):
        name = ", ".join(parts) or "measured"
        if name not in names:
            names.append(name)
            members.append([])
        members[names.index(name)].append(p)
    return names, members


def draw_curves(ax, h5, members, xs, x_label, level, threshold, cmap):
    frac_mean, _ = mean_sem(h5["results/flip_fraction"][()])
    succ_mean, succ_sem = mean_sem(h5["results/success_probability"][()])
    order = sorted(members, key=lambda p: xs[p])
    colors = cmap(np.linspace(0.35, 0.95, max(len(order), 1)))
    for color, p in zip(colors, order):
        ok = np.isfinite(frac_mean[p]) & np.isfinite(succ_mean[p])
        ax.errorbar(frac_mean[p][ok], succ_mean[p][ok], yerr=np.nan_to_num(succ_sem[p][ok]),
                    color=color, marker="o", markersize=3, linewidth=1.2, capsize=2,
                    label=f"{x_label} = {xs[p]:g}")
    if level is not None:
        ax.axhline(level, color="0.4", linewidth=0.8, linestyle=":")
    ax.set_xlabel("fraction of bits flipped in the cue")
    what = f"P(m ≥ {threshold:g})" if threshold is not None else "success probability"
    ax.set_ylabel(f"success probability {what}")
    ax.set_ylim(-0.03, 1.03)
    ax.legend(fontsize=7, framealpha=0.85, loc="upper right")


def draw_radius(ax, h5, names, members, xs, x_label, colors, categorical):
    mean, sem = mean_sem(h5["results/mean_radius"][()])
    for g, name in enumerate(names):
        idx = np.array(sorted(members[g], key=lambda p: xs[p]), dtype=int)
        ax.errorbar(xs[idx], mean[idx], yerr=np.nan_to_num(sem[idx]), color=colors[g],
                    marker="o", markersize=4, linewidth=1.4, capsize=3, label=name)
    if "results/radius_censored" in h5 and np.any(h5["results/radius_censored"][()] > 0):
        ax.text(0.02, 0.02, "some patterns retrieved at every fraction: their radius is a lower "
                "bound", transform=ax.transAxes, fontsize=7, color="0.3")
    if categorical:
        ax.set_xticks(xs)
    ax.set_xlabel(x_label)
    ax.set_ylabel("basin radius (flip fraction)")
    ax.set_ylim(bottom=0.0)
    ax.legend(fontsize=7, framealpha=0.85, loc="upper right")
    ax.set_title("(b) basin radius, mean over patterns ± s.e. over trials", loc="left",
                 fontsize=10)


def draw_basins(h5):
    if "results/success_probability" not in h5 or "results/mean_radius" not in h5:
        raise KeyError("no /results/success_probability or /results/mean_radius: not a basins "
                       "run")
    config = images.text_attribute(h5, "config")
    points = h5["results/mean_radius"].shape[0]
    xs, x_label, x_short, x_key = x_axis(h5, points)
    names, members = curves(h5, points, x_key)
    level = images.config_float(config, "level", "experiment")
    threshold = images.config_float(config, "success_overlap", "experiment")
    cycle = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    colors = [cycle[g % len(cycle)] for g in range(len(names))]
    maps = ["Blues", "Oranges", "Greens", "Reds", "Purples", "Greys"]
    shown = min(len(names), MAX_PANELS)
    fig, axes = plt.subplots(1, shown + 1, figsize=(4.6 * (shown + 1), 4.6),
                             layout="constrained", squeeze=False)
    for g in range(shown):
        ax = axes[0, g]
        draw_curves(ax, h5, members[g], xs, x_short, level, threshold,
                    plt.get_cmap(maps[g % len(maps)]))
        ax.set_title(f"(a) {names[g]}", loc="left", fontsize=10)
    draw_radius(axes[0, shown], h5, names, members, xs, x_label, colors, x_key is None)
    source = images.text_attribute(h5, "config_file")
    neurons = images.config_scalar(config, "neurons", "network")
    parts = [f"N = {neurons}"] if neurons and neurons.isdigit() else []
    parts.append(f"{h5['results/mean_radius'].shape[1]} trial(s) per point")
    if len(names) > shown:
        parts.append(f"success curves of the first {shown} of {len(names)} curves")
    fig.suptitle(f"basins{' (' + Path(source).name + ')' if source else ''}: " +
                 ", ".join(parts), fontsize=11)
    return fig


def main(argv=None):
    return images.figure_main("basins.py", "Draw success probability against flip fraction and the basin radius of a basins run.", draw_basins, argv)


if __name__ == "__main__":
    sys.exit(main())
