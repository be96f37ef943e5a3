#!/usr/bin/python3
"""Goles-Chacc, Fogelman-Soulié & Pellegrin (1985): synchronous dynamics of a symmetric network
end in a fixed point or a 2-cycle.

Usage: goles1985_cycles.py RESULTS.h5 [-o OUT.png] [--rows]

Run by scripts/reproduce.sh on configs/papers/goles1985_cycles.yaml (recall experiment,
synchronous dynamics up to max_sweeps steps from states uncorrelated with the patterns). Each
run ends at a fixed point (/results/converged = 1), in a 2-cycle (/results/cycle = 1: the state
returned to the one two steps before), or neither within max_sweeps (a longer cycle or a long
transient). The theorem (a Lyapunov function of two consecutive states) forbids the third
outcome for symmetric couplings; asymmetric dilution breaks the symmetry, and the figure shows
what then happens.
"""

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

ORDER = 7
TITLE = "Goles et al. 1985: synchronous dynamics end in fixed points or 2-cycles"
PAPER = "Goles-Chacc, Fogelman-Soulié & Pellegrin 1985, Discrete Appl. Math. 12:261"


def _outcomes(h5):
    conv = common.per_probe(h5, "converged")
    cyc = common.per_probe(h5, "cycle")
    valid = np.isfinite(conv)
    fixed = np.nansum(conv == 1, axis=(1, 2))
    two = np.nansum(cyc == 1, axis=(1, 2))
    total = valid.sum(axis=(1, 2))
    neither = total - fixed - two
    return fixed, two, neither, total


def _labels(h5):
    noise = common.points(h5, "noise")
    alpha = common.points(h5, "patterns.alpha")
    sym = np.array(["dilution" not in x for x in noise])
    return sym, alpha


def figure(h5):
    fixed, two, neither, total = _outcomes(h5)
    sym, alpha = _labels(h5)
    fig, (a,) = common.new_figure(1, width_per_panel=7.0)
    x = np.arange(len(total))
    a.bar(x, fixed / total, color="C0", label="fixed point")
    a.bar(x, two / total, bottom=fixed / total, color="C1", label="2-cycle")
    a.bar(x, neither / total, bottom=(fixed + two) / total, color="C3",
          label="neither within max steps")
    a.set_xticks(x)
    a.set_xticklabels([f"{'symmetric' if s else 'asym. diluted'}\nα = {al:g}"
                       for s, al in zip(sym, alpha)], fontsize=8)
    a.set_ylabel("share of runs")
    a.set_ylim(0, 1.15)
    for k in x:
        a.text(k, 1.02, f"{int(neither[k])}/{int(total[k])}", ha="center", fontsize=8,
               color="C3")
    a.legend(fontsize=8, loc="upper center", ncol=3)
    a.set_title(f"N = {common.neurons(h5)}: how synchronous runs end (red numbers: runs "
                f"ending in neither)", loc="left", fontsize=9)
    fig.suptitle(TITLE, fontsize=10)
    return fig


def rows(h5):
    fixed, two, neither, total = _outcomes(h5)
    sym, alpha = _labels(h5)
    n = common.neurons(h5)
    out = []
    s_total = int(total[sym].sum())
    s_neither = int(neither[sym].sum())
    parts = ", ".join(f"α = {alpha[p]:g}: {int(fixed[p])} fixed, {int(two[p])} 2-cycles"
                      for p in np.where(sym)[0])
    a_parts = ", ".join(f"α = {alpha[p]:g}: {int(neither[p])}/{int(total[p])}"
                        for p in np.where(~sym)[0])
    out.append(common.Row(
        result="synchronous runs with symmetric couplings: only fixed points and 2-cycles",
        paper=PAPER,
        published="every run ends in a fixed point or a 2-cycle (theorem)",
        ours=f"{s_neither} of {s_total} runs ended otherwise ({parts}); asymmetrically "
             f"diluted couplings: {a_parts} ended in neither",
        size=f"N = {n}, {common.trials(h5)} trials × {int(total[0] / common.trials(h5))} "
             "starts",
        agrees=common.verdict(s_neither == 0),
        tolerance="exact: no run may end otherwise",
        note="An exact statement, checked exactly (the 2-cycle test compares whole states). "
             "The asymmetric contrast shows that the test would see longer cycles or "
             "non-convergence if they occurred."))
    return out


if __name__ == "__main__":
    sys.exit(common.main(figure, rows))
