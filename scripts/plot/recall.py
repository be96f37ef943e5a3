#!/usr/bin/python3
"""Figure of a `recall` run: final overlaps and energy per sweep.

Usage: recall.py RESULTS.h5 [-o OUT.png]      (default OUT: RESULTS with the suffix .png)

(a) Histogram of the final overlap with the target over every presented (point, trial, probe)
    (/results/overlap, NaN padding skipped), with the experiment's success_overlap threshold, the
    mean overlap (± standard error over trials) and the success rate (/results/success).
(b) Energy after every sweep (/trajectories/energy): thin grey lines for up to 200 probes, and in
    bold the mean over all probes with each probe's final energy carried forward after it stopped
    (dashed: the mean over the probes still running). Without /trajectories/energy, a histogram
    of /results/sweeps.

For a run that saved /patterns/xi and /probes/cue with a 2-D display shape (output.save:
[patterns, probes, trajectories] with inline or IDX patterns), also writes OUT_images.png with
images.py. An output ending in .pdf is written as PDF and as PNG. Prints each path written.
Only h5py, numpy and matplotlib (Debian's python3-h5py, python3-numpy, python3-matplotlib).
"""

import sys
from pathlib import Path

import matplotlib
import matplotlib.patches

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
import numpy as np  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import images  # noqa: E402  (scripts/plot/images.py)

MAX_GREY_LINES = 200


def per_trial_mean_se(values, valid):
    """Mean of the per-(point, trial) means of the valid entries, and its standard error.

    The same statistic as the summary `hopfield run` prints.
    """
    values = np.where(valid, values, 0.0).astype(float)
    counts = valid.sum(axis=-1)
    sums = values.sum(axis=-1)
    means = (sums[counts > 0] / counts[counts > 0]).ravel()
    if means.size == 0:
        return float("nan"), float("nan")
    se = float(np.std(means, ddof=1) / np.sqrt(means.size)) if means.size > 1 else float("nan")
    return float(means.mean()), se


def neuron_count(h5, config):
    if "results/neurons" in h5:
        values = np.unique(h5["results/neurons"][()])
        return int(values[0]) if values.size == 1 else None
    value = images.config_scalar(config, "neurons", "network")
    if value is not None and value.isdigit():
        return int(value)
    for path in ("patterns/xi", "probes/cue", "probes/final"):
        if path in h5:
            return int(h5[path].shape[-1])
    return None


def describe_range(values):
    values = np.unique(values[values >= 0]) if values.size else values
    if values.size == 0:
        return "?"
    if values.size == 1:
        return f"{values[0]}"
    return f"{values.min()}\u2013{values.max()}"


def sweep_points(h5):
    """Labels of the sweep points from the first /points dataset (empty list if none)."""
    if "points" not in h5:
        return []
    for name, dataset in h5["points"].items():
        values = dataset[()]
        labels = []
        for v in values:
            v = v.decode() if isinstance(v, bytes) else v
            labels.append(f"{name} = {v:g}" if isinstance(v, (float, np.floating)) else
                          f"{name} = {v}")
        return labels
    return []


def title(h5, config):
    name = images.text_attribute(h5, "experiment", "recall")
    config_file = images.text_attribute(h5, "config_file")
    parts = []
    n = neuron_count(h5, config)
    if n is not None:
        parts.append(f"N = {n}")
    if "results/patterns_stored" in h5:
        stored = h5["results/patterns_stored"][()]
        parts.append(f"P = {describe_range(stored)}")
        if n is not None and np.unique(stored).size == 1:
            parts.append(f"\u03b1 = P/N = {stored.flat[0] / n:.3g}")
        trials = stored.shape[1]
        points = stored.shape[0]
    else:
        trials = h5["results/overlap"].shape[1]
        points = h5["results/overlap"].shape[0]
    parts.append(f"{trials} trial{'s' if trials != 1 else ''}")
    if points > 1:
        parts.append(f"{points} sweep points")
    source = f" ({Path(config_file).name})" if config_file else ""
    return f"{name}{source}: " + ", ".join(parts)


def draw_overlaps(ax, h5, config):
    threshold = images.config_float(config, "success_overlap", "experiment")
    if "results/overlap" not in h5:
        ax.text(0.5, 0.5, "no /results/overlap in this file", ha="center", va="center",
                transform=ax.transAxes)
        ax.set_axis_off()
        return
    overlap = h5["results/overlap"][()]
    valid = np.isfinite(overlap)
    values = overlap[valid]
    if values.size == 0:
        ax.text(0.5, 0.5, "no probe has a target overlap", ha="center", va="center",
                transform=ax.transAxes)
        return
    low = min(values.min(), threshold if threshold is not None else 1.0)
    low = max(-1.0, np.floor(low * 20.0) / 20.0 - 0.05)
    counts, edges, _ = ax.hist(values, bins=np.linspace(low, 1.0, 51), color="tab:blue",
                               edgecolor="white", linewidth=0.3)
    nonzero = counts[counts > 0]
    if nonzero.size > 1 and nonzero.max() / nonzero.min() >= 100:
        ax.set_yscale("log")
    else:
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylim(0, 1.4 * counts.max())  # room for the legend
    handles = []
    if threshold is not None:
        handles.append(ax.axvline(threshold, color="tab:red", linestyle="--", linewidth=1.2,
                                  label=f"success_overlap = {threshold:g}"))
    mean, se = per_trial_mean_se(overlap, valid)
    lines = [f"mean overlap {mean:.4f}" + (f" \u00b1 {se:.4f}" if np.isfinite(se) else "")]
    if "results/success" in h5:
        success = h5["results/success"][()]
        ok = success >= 0
        if ok.any():
            rate, rate_se = per_trial_mean_se(success, ok)
            lines.append(f"success rate {100 * rate:.1f}%" +
                         (f" \u00b1 {100 * rate_se:.1f}%" if np.isfinite(rate_se) else ""))
    elif threshold is not None:
        lines.append(f"success rate {100 * np.mean(values >= threshold):.1f}%")
    lines.append(f"{values.size} probes")
    if np.isfinite(se):
        lines.append("\u00b1: standard error over trials")
    # The statistics go into the legend so that loc="best" keeps them clear of the bars.
    blank = matplotlib.patches.Rectangle((0, 0), 1, 1, fill=False, edgecolor="none",
                                         visible=False)
    ax.legend(handles + [blank] * len(lines),
              [h.get_label() for h in handles] + lines, loc="best", fontsize=8,
              handlelength=1.5, framealpha=0.85, edgecolor="0.7")
    ax.set_xlabel("final overlap m with the target")
    ax.set_ylabel("probes")
    ax.set_title("(a) final overlap", loc="left", fontsize=10)


def carried_forward(traces):
    """Each row with its last finite value repeated over the NaN padding after it."""
    finite = np.isfinite(traces)
    length = finite.sum(axis=1)
    index = np.minimum(np.arange(traces.shape[1])[None, :], (length - 1)[:, None])
    return np.take_along_axis(traces, index, axis=1)


def draw_energy(ax, h5):
    energy = h5["trajectories/energy"][()]
    points, _, _, sweeps = energy.shape
    x = np.arange(sweeps)
    flat = energy.reshape(-1, sweeps)
    started = np.isfinite(flat[:, 0])
    shown = np.flatnonzero(started)
    if shown.size == 0:
        ax.text(0.5, 0.5, "no energy traces", ha="center", va="center", transform=ax.transAxes)
        return
    if shown.size > MAX_GREY_LINES:
        shown = shown[np.linspace(0, shown.size - 1, MAX_GREY_LINES).astype(int)]
    marker = "o" if sweeps <= 30 else None
    for row in shown:
        ax.plot(x, flat[row], color="0.6", linewidth=0.4, alpha=0.6, zorder=1)
    labels = sweep_points(h5)
    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for p in range(points):
        traces = energy[p].reshape(-1, sweeps)
        traces = traces[np.isfinite(traces[:, 0])]
        if traces.shape[0] == 0:
            continue
        color = "black" if points == 1 else colors[p % len(colors)]
        label = "mean, final energy carried forward"
        if points > 1:
            label = labels[p] if p < len(labels) else f"point {p}"
        ax.plot(x, carried_forward(traces).mean(axis=0), color=color, linewidth=2.2,
                marker=marker, markersize=3.5, label=label, zorder=3)
        if points == 1:
            running = np.isfinite(traces)
            alive = running.sum(axis=0)
            mean_running = np.where(alive > 0, np.nansum(traces, axis=0) / np.maximum(alive, 1),
                                    np.nan)
            ax.plot(x, mean_running, color="tab:orange", linewidth=1.3, linestyle="--",
                    label="mean over probes still running", zorder=2)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("sweep (0 = cue)")
    ax.set_ylabel("energy E")
    total = int(started.sum())
    note = f"{shown.size} of {total}" if shown.size < total else f"{total}"
    ax.set_title(f"(b) energy per sweep ({note} probes in grey)", loc="left", fontsize=10)
    ax.legend(loc="upper right", fontsize=8, frameon=False)


def draw_sweeps(ax, h5):
    if "results/sweeps" not in h5:
        ax.text(0.5, 0.5, "no /trajectories/energy or /results/sweeps in this file",
                ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return
    sweeps = h5["results/sweeps"][()]
    values = sweeps[sweeps >= 0]
    if values.size == 0:
        return
    edges = np.arange(values.min(), values.max() + 2) - 0.5
    ax.hist(values, bins=edges, color="tab:green", edgecolor="white", linewidth=0.3)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("sweeps until the dynamics stopped")
    ax.set_ylabel("probes")
    lines = [f"mean {values.mean():.2f} sweeps"]
    if "results/converged" in h5:
        converged = h5["results/converged"][()]
        ok = converged >= 0
        if ok.any():
            lines.append(f"converged {100 * converged[ok].mean():.1f}%")
    ax.text(0.97, 0.95, "\n".join(lines), transform=ax.transAxes, fontsize=8, va="top",
            ha="right")
    ax.set_title("(b) sweeps (no energy trajectories saved)", loc="left", fontsize=10)


def point_labels(h5):
    """One label per sweep point joining every swept path's value ("learning = {...}, ...")."""
    if "points" not in h5:
        return []
    columns = []
    for name, dataset in h5["points"].items():
        values = [v.decode() if isinstance(v, bytes) else v for v in dataset[()]]
        columns.append([f"{name}={v:g}" if isinstance(v, (float, np.floating)) else f"{v}"
                        for v in values])
    return [", ".join(parts) for parts in zip(*columns)]


def draw_points(ax, h5):
    """Mean overlap and success rate per sweep point (± s.e. over trials), e.g. a rule
    comparison on identical patterns and cues."""
    labels = point_labels(h5)
    x = np.arange(len(labels))
    for name, colour, offset in (("overlap", "tab:blue", -0.2), ("success", "tab:orange", 0.2)):
        if f"summary/{name}_mean" not in h5:
            continue
        mean = h5[f"summary/{name}_mean"][()]
        sem = np.nan_to_num(h5[f"summary/{name}_sem"][()])
        ax.bar(x + offset, mean, width=0.4, yerr=sem, color=colour, capsize=3,
               label="mean overlap" if name == "overlap" else "success rate")
    ax.set_xticks(x)
    ax.set_xticklabels(labels, rotation=30, ha="right", fontsize=8)
    ax.set_ylim(min(0.0, ax.get_ylim()[0]), 1.05)
    ax.set_title("(c) per sweep point (± s.e. over trials)", loc="left", fontsize=10)
    ax.legend(fontsize=8, loc="lower left")


def draw_recall(h5):
    config = images.text_attribute(h5, "config")
    points = h5["results/overlap"].shape[0] if "results/overlap" in h5 else 1
    if points > 1 and "summary/overlap_mean" in h5:
        fig, (left, right, third) = plt.subplots(1, 3, figsize=(16, 4.6), layout="constrained")
        draw_points(third, h5)
    else:
        fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2), layout="constrained")
    draw_overlaps(left, h5, config)
    if "trajectories/energy" in h5:
        draw_energy(right, h5)
    else:
        draw_sweeps(right, h5)
    fig.suptitle(title(h5, config), fontsize=11)
    return fig


def image_figures(h5, out):
    """The stored patterns, cues and recalled states as images, when the patterns have a shape."""
    if not images.can_draw(h5):
        return []
    return images.save_figure(images.draw_images(h5), out.with_name(out.stem + "_images" +
                                                                     out.suffix))


def main(argv=None):
    return images.figure_main("recall.py",
                              "Draw the final overlaps and energy per sweep of a recall run.",
                              draw_recall, argv, extra=image_figures)


if __name__ == "__main__":
    sys.exit(main())
