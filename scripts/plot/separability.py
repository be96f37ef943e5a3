#!/usr/bin/python3
"""Figure of a `separability` run: share of separable neurons against P/D, with Cover's law.

Usage: separability.py RESULTS.h5 [-o OUT.png]      (default OUT: RESULTS with the suffix .png)

Points that share D = N − 1 (/results/dimension) and the other swept values (e.g.
experiment.inputs) form one curve: the share of tested neurons whose patterns are linearly
separable (/results/separable, pooled over the trials' neurons, binomial standard error)
against P/D, and Cover's (1965) probability C(P, D)/2^P = 2^(1−P) Σ_{k<D} binom(P−1, k) as a
line (computed here). Gardner's N → ∞ threshold P/D = 2 is marked.

An output ending in .pdf is written as PDF and as PNG. Prints each path written.
Only h5py, numpy and matplotlib.
"""

import math
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import images  # noqa: E402


def cover(p, d):
    """2^(1−P) Σ_{k<D} binom(P−1, k); 1 for P ≤ D."""
    if p <= d:
        return 1.0
    logs = [math.lgamma(p) - math.lgamma(k + 1) - math.lgamma(p - k) - (p - 1) * math.log(2)
            for k in range(d)]
    return float(min(1.0, sum(math.exp(v) for v in logs)))


def draw(h5):
    if "results/separable" not in h5:
        raise ValueError("not a separability run (no /results/separable)")
    sep = h5["results/separable"][()].astype(float)
    sep[sep < 0] = np.nan
    p = np.nanmax(h5["results/patterns_stored"][()], axis=1).astype(int)
    d = np.nanmax(h5["results/dimension"][()], axis=1).astype(int)
    labels = []
    keys = [k for k in h5["points"]] if "points" in h5 else []
    for i in range(len(p)):
        parts = [f"D = {d[i]}"]
        for k in keys:
            if k in ("patterns.alpha", "patterns.count", "network.neurons"):
                continue
            v = h5[f"points/{k}"][i]
            parts.append(f"{k} = {v.decode() if isinstance(v, bytes) else f'{v:g}'}")
        labels.append(", ".join(parts))
    fig, ax = plt.subplots(figsize=(6.4, 4.6), layout="constrained")
    for j, name in enumerate(dict.fromkeys(labels)):
        idx = np.array([i for i in range(len(p)) if labels[i] == name])
        idx = idx[np.argsort(p[idx])]
        k = np.isfinite(sep[idx]).sum(axis=(1, 2))
        f = np.nansum(sep[idx], axis=(1, 2)) / np.maximum(k, 1)
        se = np.sqrt(f * (1 - f) / np.maximum(k, 1))
        color = f"C{j % 10}"
        ax.errorbar(p[idx] / d[idx], f, se, color=color, marker="o", ms=3, ls="none",
                    capsize=2, label=name)
        dd = int(d[idx[0]])
        grid = np.arange(max(1, int(p[idx].min() * 0.9)), int(p[idx].max() * 1.05) + 2)
        ax.plot(grid / dd, [cover(int(q), dd) for q in grid], color=color, lw=0.8)
    ax.axvline(2.0, color="0.6", lw=0.8, ls=":")
    ax.set_xlabel("P/D (D = N − 1 inputs per neuron)")
    ax.set_ylabel("share of neurons separable (exact LP)")
    ax.set_ylim(-0.02, 1.05)
    ax.legend(fontsize=7, title="lines: Cover C(P, D)/2^P", title_fontsize=7)
    source = images.text_attribute(h5, "config_file")
    ax.set_title(f"separability{' (' + Path(source).name + ')' if source else ''}: "
                 f"{sep.shape[1]} trial(s) per point", fontsize=10)
    return fig


def main(argv=None):
    return images.figure_main("separability.py", "Draw the share of separable neurons against "
                              "P/D with Cover's probability.", draw, argv)


if __name__ == "__main__":
    sys.exit(main())
