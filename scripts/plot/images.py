#!/usr/bin/python3
"""Draws the stored patterns, the cues and the recalled states of a recall run as images.

Usage: images.py RESULTS.h5 [-o OUT.png] [--point K] [--trial T] [--columns C]

Needs a run saved with `output.save: [patterns, probes, trajectories]` (docs/hdf5-schema.md).
Rows: stored patterns (/patterns/xi), cues (/probes/cue), final states (/probes/final), and the
energy after every sweep of each probe (/trajectories/energy, when present). The display shape
is the `shape: [rows, columns]` of the resolved config (inline patterns) or, failing that, the
square root of N when N is a perfect square (28 x 28 for IDX images). By default trial 0 of
point 0 is drawn. The default output is RESULTS_images.png beside the results file.

Also imported by recall.py, which calls draw_images() for runs that saved these groups.
Only h5py, numpy and matplotlib (Debian's python3-h5py, python3-numpy, python3-matplotlib).
"""

import argparse
import math
import re
import sys
from pathlib import Path

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
import numpy as np  # noqa: E402

# --- Reading the results file ------------------------------------------------------------------
# The `config` root attribute is the resolved YAML text. These helpers read the few keys the
# plots need with regular expressions (block or flow style), so no YAML library is required.


def text_attribute(h5, name, default=""):
    """A root attribute as str (h5py returns str or bytes depending on how it was written)."""
    value = h5.attrs.get(name, default)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, np.ndarray) and value.shape == ():
        value = value[()]
    return str(value)


def config_section(text, name):
    """Text of the top-level `name:` entry (its line and the indented lines under it)."""
    match = re.search(rf"^{re.escape(name)}:.*$", text, flags=re.MULTILINE)
    if match is None:
        return ""
    lines = [match.group(0)]
    for line in text[match.end() + 1:].splitlines():
        if line and not line[0].isspace() and not line.startswith("-"):
            break
        lines.append(line)
    return "\n".join(lines)


def config_scalar(text, key, section=None):
    """Value of the first `key: value` in the config (within a top-level section if given)."""
    if section is not None:
        text = config_section(text, section)
    match = re.search(rf"(?<![\w.]){re.escape(key)}:[ \t]*(\"[^\"]*\"|'[^']*'|[^,}}\]\n#]+)",
                      text)
    if match is None:
        return None
    value = match.group(1).strip().strip("\"'")
    return value or None


def config_float(text, key, section=None):
    value = config_scalar(text, key, section)
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def config_shape(text, section=None):
    """(rows, columns) of the first `shape:` in flow ([6, 6]) or block (- 6 / - 6) style."""
    if section is not None:
        text = config_section(text, section)
    flow = re.search(r"(?<![\w.])shape:[ \t]*\[\s*(\d+)\s*,\s*(\d+)\s*\]", text)
    block = re.search(r"(?<![\w.])shape:[ \t]*\n\s*-\s*(\d+)\s*\n\s*-\s*(\d+)\s*(?:\n|$)", text)
    found = [m for m in (flow, block) if m is not None]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    return int(first.group(1)), int(first.group(2))


def display_shape(h5):
    """Image shape of one state: the patterns' `shape:`, any `shape:`, or sqrt(N) if integral."""
    config = text_attribute(h5, "config")
    shape = config_shape(config, "patterns") or config_shape(config)
    if shape is not None:
        return shape
    for path in ("patterns/xi", "probes/cue", "probes/final"):
        if path in h5:
            n = h5[path].shape[-1]
            root = math.isqrt(n)
            if root * root == n and n > 1:
                return root, root
            return None
    return None


def representation(h5, states):
    """'binary' (0/1) or 'bipolar' (-1/+1): from network.representation, else from the data."""
    value = config_scalar(text_attribute(h5, "config"), "representation", "network")
    if value in ("binary", "bipolar"):
        return value
    return "bipolar" if np.any(np.asarray(states) < 0) else "binary"


def bipolar(states, rep):
    states = np.asarray(states, dtype=float)
    return 2.0 * states - 1.0 if rep == "binary" else states


def can_draw(h5):
    """True when the file holds patterns and cues that can be shown as 2-D images."""
    return "patterns/xi" in h5 and "probes/cue" in h5 and display_shape(h5) is not None


# --- Drawing -----------------------------------------------------------------------------------


def _image_axis(ax, image, shape, title):
    ax.imshow(image[: shape[0] * shape[1]].reshape(shape), cmap="gray", vmin=-1, vmax=1,
              interpolation="nearest")
    ax.set_title(title, fontsize=8)
    ax.set_xticks([])
    ax.set_yticks([])


def draw_images(h5, point=0, trial=0, max_columns=12):
    """Returns a matplotlib Figure for one (point, trial) of a results file."""
    if "patterns/xi" not in h5 and "probes/cue" not in h5:
        raise ValueError("the file has neither /patterns/xi nor /probes/cue; run with "
                         "`output.save: [patterns, probes, trajectories]`")
    shape = display_shape(h5)
    if shape is None:
        raise ValueError("cannot choose an image shape: the config has no `shape: [rows, "
                         "columns]` and N is not a perfect square")
    n_pixels = shape[0] * shape[1]

    def stored_count():
        if "results/patterns_stored" in h5:
            return int(h5["results/patterns_stored"][point, trial])
        return h5["patterns/xi"].shape[2]

    def probe_count():
        if "results/count" in h5:
            return int(h5["results/count"][point, trial])
        return h5["probes/cue"].shape[2]

    xi = cues = finals = None
    if "patterns/xi" in h5:
        xi = h5["patterns/xi"][point, trial, : stored_count(), :n_pixels]
    if "probes/cue" in h5:
        k = probe_count()
        cues = h5["probes/cue"][point, trial, :k, :n_pixels]
        finals = h5["probes/final"][point, trial, :k, :n_pixels] if "probes/final" in h5 else None
    rep = representation(h5, xi if xi is not None else cues)
    xi = bipolar(xi, rep) if xi is not None else None
    cues = bipolar(cues, rep) if cues is not None else None
    finals = bipolar(finals, rep) if finals is not None else None

    n_probes = 0 if cues is None else len(cues)
    targets = np.arange(n_probes)
    if "probes/target" in h5:
        targets = h5["probes/target"][point, trial, :n_probes]
    overlaps = h5["results/overlap"][point, trial, :n_probes] if "results/overlap" in h5 else None
    energy = None
    if "trajectories/energy" in h5 and n_probes > 0:
        energy = h5["trajectories/energy"][point, trial, :n_probes, :]

    n_patterns = 0 if xi is None else len(xi)
    columns = max(1, min(max_columns, max(n_patterns, n_probes)))
    rows = []
    if xi is not None:
        rows.append("patterns")
    if cues is not None:
        rows.append("cues")
    if finals is not None:
        rows.append("finals")
    if energy is not None:
        rows.append("energy")

    fig, axes = plt.subplots(len(rows), columns, figsize=(1.7 * columns + 0.6, 1.9 * len(rows)),
                             squeeze=False, layout="constrained")
    for ax in axes.ravel():
        ax.set_axis_off()

    for r, kind in enumerate(rows):
        for c in range(columns):
            ax = axes[r, c]
            if kind == "patterns" and c < n_patterns:
                ax.set_axis_on()
                _image_axis(ax, xi[c], shape, f"pattern {c}")
            elif kind in ("cues", "finals", "energy") and c < n_probes:
                t = int(targets[c])
                has_target = xi is not None and 0 <= t < n_patterns
                if kind == "cues":
                    ax.set_axis_on()
                    title = f"cue {c}"
                    if has_target:
                        m = float(np.mean(cues[c] * xi[t]))
                        title += f" \u2192 {t}\nm = {m:.3f}"
                    elif t >= 0:
                        title += f" \u2192 {t}"
                    _image_axis(ax, cues[c], shape, title)
                elif kind == "finals":
                    ax.set_axis_on()
                    if overlaps is not None and np.isfinite(overlaps[c]):
                        m = float(overlaps[c])
                    elif has_target:
                        m = float(np.mean(finals[c] * xi[t]))
                    else:
                        m = None
                    title = f"recalled {c}" + (f"\nm = {m:.3f}" if m is not None else "")
                    _image_axis(ax, finals[c], shape, title)
                else:
                    trace = energy[c]
                    trace = trace[np.isfinite(trace)]
                    if len(trace) == 0:
                        continue
                    ax.set_axis_on()
                    ax.plot(np.arange(len(trace)), trace, marker="o", markersize=3, lw=1,
                            color="black")
                    ax.set_title(f"energy, probe {c}", fontsize=8)
                    ax.tick_params(labelsize=7)
                    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
                    if c == 0:
                        ax.set_xlabel("sweep", fontsize=8)
                        ax.set_ylabel("E", fontsize=8)

    name = text_attribute(h5, "experiment", "run")
    config_file = text_attribute(h5, "config_file")
    hidden = max(n_patterns, n_probes) - columns
    note = f" (first {columns} columns; {hidden} more not shown)" if hidden > 0 else ""
    source = f" \u2014 {Path(config_file).name}" if config_file else ""
    fig.suptitle(f"{name}{source}: point {point}, trial {trial}, "
                 f"{shape[0]}\u00d7{shape[1]} images{note}", fontsize=10)
    return fig


def save_figure(fig, out):
    """Writes the figure to out; a .pdf output also gets a .png beside it. Returns the paths."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    written = [out]
    fig.savefig(out, dpi=150)
    if out.suffix.lower() == ".pdf":
        png = out.with_suffix(".png")
        fig.savefig(png, dpi=150)
        written.append(png)
    plt.close(fig)
    return written


def figure_main(script, description, draw, argv=None, extra=None):
    """The command line every plot script shares: RESULTS.h5 [-o OUT.png|OUT.pdf].

    draw(h5) returns the main figure, written to OUT (default: RESULTS with the suffix .png);
    extra(h5, out), when given, writes further figures and returns their paths. Prints each
    path written; a file that is not the expected kind of run gives a one-line error and exit
    status 2.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("results", help="results file (.h5) written by `hopfield run`")
    parser.add_argument("-o", "--output", help="output figure (.png or .pdf); default "
                        "RESULTS with the suffix .png")
    args = parser.parse_args(argv)
    results = Path(args.results)
    out = Path(args.output) if args.output else results.with_suffix(".png")
    try:
        with h5py.File(results, "r") as h5:
            written = save_figure(draw(h5), out)
            if extra is not None:
                written += extra(h5, out)
    except (OSError, KeyError, ValueError, IndexError) as error:
        print(f"{script}: {results}: {error}", file=sys.stderr)
        return 2
    for path in written:
        print(path)
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Draw stored patterns, cues and recalled states of a recall run.")
    parser.add_argument("results", help="results file (.h5) written by `hopfield run`")
    parser.add_argument("-o", "--output",
                        help="output figure (.png or .pdf); default RESULTS_images.png")
    parser.add_argument("--point", type=int, default=0, help="sweep point to draw (default 0)")
    parser.add_argument("--trial", type=int, default=0, help="trial to draw (default 0)")
    parser.add_argument("--columns", type=int, default=12,
                        help="at most this many patterns/probes per row (default 12)")
    args = parser.parse_args(argv)
    results = Path(args.results)
    out = Path(args.output) if args.output else results.with_name(results.stem + "_images.png")
    try:
        with h5py.File(results, "r") as h5:
            fig = draw_images(h5, args.point, args.trial, args.columns)
    except (OSError, KeyError, ValueError, IndexError) as error:
        print(f"images.py: {results}: {error}", file=sys.stderr)
        return 2
    for path in save_figure(fig, out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
