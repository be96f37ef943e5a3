#!/usr/bin/python3
"""Figure of an `attractors` run: energies and basin shares of the attractors by class.

Usage: attractors.py RESULTS.h5 [-o OUT.png]      (default OUT: RESULTS with the suffix .png)

(a) Energy of every attractor (/attractors/energy) against its class (/attractors/class, names
    in /attractors/class_names), jittered horizontally, marker area proportional to the
    attractor's basin share (/attractors/basin_fraction).
(b) Share of the starts that ended in each class (/attractors/by_class/basin_fraction): mean
    over trials with its standard error, one group of bars per sweep point.

When the patterns have a 2-D display shape (`shape:` in the patterns config, or N a perfect
square), also writes OUT_images.png: the attractors of point 0, trial 0 with the largest basins,
unpacked from /attractors/states. An output ending in .pdf is written as PDF and as PNG.
Prints each path written. Only h5py, numpy and matplotlib.
"""

import argparse
import math
import sys
from pathlib import Path

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import images  # noqa: E402  (scripts/plot/images.py)

MAX_IMAGES = 24


def names_of(h5):
    return [n.decode() if isinstance(n, bytes) else str(n) for n in h5["attractors/class_names"][()]]


def unpack(words, n):
    """Bit-packed rows (rows, words) of uint64 -> (rows, n) array of -1/+1."""
    words = np.asarray(words, dtype=np.uint64)
    bits = np.zeros((words.shape[0], n), dtype=np.int8)
    for i in range(n):
        bits[:, i] = (words[:, i // 64] >> np.uint64(i % 64)) & np.uint64(1)
    return 2 * bits.astype(int) - 1


def image_shape(h5, n):
    shape = images.config_shape(images.text_attribute(h5, "config"), "patterns")
    if shape is not None and shape[0] * shape[1] == n:
        return shape
    root = math.isqrt(n)
    return (root, root) if root * root == n and n > 1 else None


def draw(h5, out):
    names = names_of(h5)
    cls = h5["attractors/class"][()]
    energy = h5["attractors/energy"][()]
    share = h5["attractors/basin_fraction"][()]
    rng = np.random.default_rng(0)
    fig, (ax_e, ax_b) = plt.subplots(1, 2, figsize=(12, 4.5))

    x = cls + rng.uniform(-0.3, 0.3, size=cls.shape)
    area = 8 + 400 * share / max(float(share.max()), 1e-12) if share.size else 8
    ax_e.scatter(x, energy, s=area, alpha=0.5, c=cls, cmap="tab10", vmin=0, vmax=9,
                 edgecolors="none")
    ax_e.set_xticks(range(len(names)))
    ax_e.set_xticklabels(names, rotation=30, ha="right")
    ax_e.set_ylabel("energy E")
    ax_e.set_title(f"(a) {len(cls)} attractors (area: basin share)")

    by = h5["attractors/by_class/basin_fraction"][()]  # (points, trials, classes)
    points, trials = by.shape[0], by.shape[1]
    width = 0.8 / points
    for p in range(points):
        mean = np.nanmean(by[p], axis=0)
        err = (np.nanstd(by[p], axis=0, ddof=1) / np.sqrt(trials)) if trials > 1 else None
        pos = np.arange(len(names)) - 0.4 + width * (p + 0.5)
        label = f"point {p}" if points > 1 else None
        ax_b.bar(pos, mean, width, yerr=err, capsize=2, label=label)
        for xpos, m in zip(pos, mean):
            if m > 0.001 and points <= 3:
                ax_b.text(xpos, m, f"{100 * m:.1f}%", ha="center", va="bottom", fontsize=7)
    ax_b.set_xticks(range(len(names)))
    ax_b.set_xticklabels(names, rotation=30, ha="right")
    ax_b.set_ylabel("share of starts")
    ax_b.set_ylim(0, 1.05)
    ax_b.set_title(f"(b) basin share by class ({trials} trial(s))")
    if points > 1:
        ax_b.legend(fontsize=8)
    fig.tight_layout()
    written = images.save_figure(fig, out)

    n = int(h5["attractors/states"].attrs.get("neurons", 0))
    shape = image_shape(h5, n) if n > 0 else None
    if shape is not None:
        rows = np.flatnonzero((h5["attractors/point"][()] == 0) & (h5["attractors/trial"][()] == 0))
        rows = rows[np.argsort(-share[rows], kind="stable")][:MAX_IMAGES]
        states = unpack(h5["attractors/states"][()][rows], n)
        cols = min(8, len(rows))
        nrows = max(1, math.ceil(len(rows) / cols))
        fig, axes = plt.subplots(nrows, cols, figsize=(1.6 * cols, 1.9 * nrows), squeeze=False)
        for ax in axes.ravel():
            ax.axis("off")
        for k, r in enumerate(rows):
            ax = axes.ravel()[k]
            ax.imshow(states[k].reshape(shape), cmap="gray", vmin=-1, vmax=1,
                      interpolation="nearest")
            ax.set_title(f"{names[cls[r]]}\n{100 * share[r]:.1f}%", fontsize=7)
        fig.tight_layout()
        img = Path(out)
        written += images.save_figure(fig, img.with_name(img.stem + "_images" + img.suffix))
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", help="results file of an attractors run")
    parser.add_argument("-o", "--output", help="figure path (default: RESULTS with .png)")
    args = parser.parse_args(argv)
    out = args.output or str(Path(args.results).with_suffix(".png"))
    with h5py.File(args.results, "r") as h5:
        if "attractors/class" not in h5:
            print(f"{args.results}: no /attractors table (not an attractors run)", file=sys.stderr)
            return 2
        for path in draw(h5, out):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
