#!/usr/bin/python3
"""Hopfield, Feinstein & Palmer (1983): unlearning suppresses spurious states (qualitative).

Usage: hopfield1983_unlearning.py RESULTS.h5 [-o OUT.png] [--rows]

Run by scripts/reproduce.sh on configs/papers/hopfield1983_unlearning.yaml (attractor census
from uniformly random starts after Hebbian learning plus D dreams of strength ε; D swept). The
paper's statements are qualitative: unlearning (i) lowers the share of random starts that end
in spurious states, (ii) makes the memories' accessibilities (basin shares) more even, and
(iii) must be limited (too much of it destroys the memories too, as later work showed). The
amount of unlearning is εD/N.

(a) Share of random starts ending in a memory (or its reverse), and in spurious states, against
    εD/N (mean over trials ± s.e.).
(b) Share of the P memories that are reached by at least one start, and the coefficient of
    variation of the memories' basin shares (spread of basin sizes), against εD/N.
"""

import math
import re
import sys
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

ORDER = 11.5
TITLE = "Hopfield, Feinstein & Palmer 1983: unlearning"
PAPER = "Hopfield, Feinstein & Palmer 1983, Nature 304:158"


def _epsilon(h5):
    """ε of the unlearning rule, from the `learning:` block of the stored (resolved) config."""
    block = re.search(r"^learning:\n((?:[ -].*\n?)+)", common.config_text(h5), re.M)
    m = re.search(r"epsilon:\s*([0-9.eE+-]+)", block.group(1)) if block else None
    return float(m.group(1)) if m else 0.05


def _data(h5):
    """Per (point, trial): share of starts in memories, share of memories reached, CV of the
    memories' basin shares; and εD/N per point."""
    dreams = np.asarray(common.points(h5, "learning.dreams"), dtype=float)
    n = common.neurons(h5)
    amount = _epsilon(h5) * dreams / n
    by_class = h5["attractors/by_class/basin_fraction"][()]  # (point, trial, class)
    memory_share = by_class[:, :, 0] + by_class[:, :, 1]
    points, trials = memory_share.shape
    stored = h5["results/patterns_stored"][()]
    point = h5["attractors/point"][()]
    trial = h5["attractors/trial"][()]
    cls = h5["attractors/class"][()]
    pattern = h5["attractors/pattern"][()]
    frac = h5["attractors/basin_fraction"][()]
    reached = np.full((points, trials), np.nan)
    cv = np.full((points, trials), np.nan)
    for p in range(points):
        for t in range(trials):
            count = int(stored[p, t])
            if count <= 0:
                continue
            sel = (point == p) & (trial == t) & ((cls == 0) | (cls == 1))
            basins = np.zeros(count)
            np.add.at(basins, pattern[sel], frac[sel])
            reached[p, t] = np.mean(basins > 0)
            if basins.mean() > 0:
                cv[p, t] = basins.std() / basins.mean()
    order = np.argsort(amount)
    return amount, order, memory_share, reached, cv


def figure(h5):
    amount, order, memory_share, reached, cv = _data(h5)
    fig, (a, b) = common.new_figure(2, width_per_panel=5.2)
    ms, ss = common.mean_sem(memory_share)
    a.errorbar(amount[order], ms[order], ss[order], color="C0", marker="o", ms=4, capsize=2,
               label="starts ending in a memory (or its reverse)")
    a.errorbar(amount[order], 1 - ms[order], ss[order], color="C3", marker="s", ms=4, capsize=2,
               label="starts ending in a spurious state")
    a.set_xlabel("amount of unlearning εD/N")
    a.set_ylabel("share of random starts")
    a.set_ylim(-0.02, 1.02)
    a.set_title("(a) where random starts end", loc="left", fontsize=10)
    a.legend(fontsize=7)
    rm, rs = common.mean_sem(reached)
    cm, cs = common.mean_sem(cv)
    b.errorbar(amount[order], rm[order], rs[order], color="C0", marker="o", ms=4, capsize=2,
               label="share of memories reached by some start")
    b2 = b.twinx()
    b2.errorbar(amount[order], cm[order], cs[order], color="C2", marker="^", ms=4, capsize=2,
                label="spread of basin shares (CV)")
    b.set_xlabel("amount of unlearning εD/N")
    b.set_ylabel("share of memories reached", color="C0")
    b2.set_ylabel("coefficient of variation of basin shares", color="C2")
    b.set_ylim(-0.02, 1.02)
    b.set_title("(b) accessibility of the memories", loc="left", fontsize=10)
    lines = b.get_legend_handles_labels()
    lines2 = b2.get_legend_handles_labels()
    b.legend(lines[0] + lines2[0], lines[1] + lines2[1], fontsize=7, loc="lower right")
    p0 = int(np.nanmax(h5["results/patterns_stored"][()]))
    fig.suptitle(f"{TITLE}; N = {common.neurons(h5)}, P = {p0}, {common.trials(h5)} trials × "
                 f"{int(np.nanmax(h5['results/starts'][()]))} random starts", fontsize=10)
    return fig


def rows(h5):
    amount, order, memory_share, reached, cv = _data(h5)
    ms, ss = common.mean_sem(memory_share)
    rm, rs = common.mean_sem(reached)
    cm, cs = common.mean_sem(cv)
    base = int(order[0])
    best = int(order[np.nanargmax(ms[order])])
    last = int(order[-1])
    keep = [int(q) for q in order if rm[q] >= rm[base] - 1e-9 and np.isfinite(cm[q])]
    even = min(keep, key=lambda q: cm[q]) if keep else base
    p0 = int(np.nanmax(h5["results/patterns_stored"][()]))
    size = (f"N = {common.neurons(h5)}, P = {p0}, {common.trials(h5)} trials × "
            f"{int(np.nanmax(h5['results/starts'][()]))} random starts")
    rises = ms[best] - ms[base] > 3 * math.hypot(ss[best], ss[base])
    falls = ms[best] - ms[last] > 3 * math.hypot(ss[best], ss[last])
    out = [common.Row(
        result="share of random starts ending in a stored memory vs the amount of unlearning",
        paper=PAPER,
        published="unlearning suppresses the spurious states, so more starts reach memories; "
                  "it must be limited (qualitative, as quoted)",
        ours=f"εD/N = {amount[base]:g}: {common.fmt_pm(ms[base], ss[base], 3)}; maximum "
             f"{common.fmt_pm(ms[best], ss[best], 3)} at εD/N = {amount[best]:g}; "
             f"εD/N = {amount[last]:g}: {common.fmt_pm(ms[last], ss[last], 3)}",
        size=size, agrees=common.verdict(rises and falls, partly=rises),
        tolerance="qualitative: a rise by more than 3 s.e. from no unlearning to the best "
                  "amount, and a fall by more than 3 s.e. beyond it",
        note="The paper's simulations were small and its statements qualitative, so no number "
             "is compared; the measured curve is the result. Too much unlearning erases the "
             "memories as well (the dreams then fall into the memories' own basins)."),
        common.Row(
        result="share of memories reachable from random starts, and the spread of their basins",
        paper=PAPER,
        published="unlearning makes the accessibilities of the memories more equal "
                  "(qualitative, as quoted)",
        ours=f"memories reached: {common.fmt_pm(rm[base], rs[base], 2)} at εD/N = 0, "
             f"{common.fmt_pm(rm[best], rs[best], 2)} at {amount[best]:g}, "
             f"{common.fmt_pm(rm[last], rs[last], 2)} at {amount[last]:g}; CV of basin shares "
             f"{common.fmt_pm(cm[base], cs[base], 2)} at 0, smallest "
             f"{common.fmt_pm(cm[even], cs[even], 2)} at εD/N = {amount[even]:g}, "
             f"{common.fmt_pm(cm[best], cs[best], 2)} at {amount[best]:g}",
        size=size,
        agrees=common.verdict(cm[even] + 2 * math.hypot(cs[even], cs[base]) < cm[base]),
        tolerance="qualitative: at some amount that keeps every memory reachable, the "
                  "coefficient of variation is lower than without unlearning by more than 2 "
                  "combined s.e.",
        note="A memory is reached when some random start ends within overlap 0.95 of it or of "
             "its reverse; its basin share is the share of starts ending there. The coefficient "
             "of variation (s.d./mean over the P memories, unreached ones counting 0) measures "
             "the spread of basin sizes: it falls with a little unlearning and rises again as "
             "the memories start to be erased, before the share of starts ending in them "
             "collapses.")]
    return out


if __name__ == "__main__":
    warnings.filterwarnings("ignore", "Mean of empty slice", RuntimeWarning)
    sys.exit(common.main(figure, rows))
