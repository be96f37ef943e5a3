#!/usr/bin/python3
"""Tsodyks & Feigel'man (1988): sparse patterns, capacity growing as the activity a falls.

Usage: tsodyks1988_sparse.py RESULTS.h5 [-o OUT.png] [--rows]

Run by scripts/reproduce.sh on configs/papers/tsodyks1988_sparse.yaml (capacity experiment;
0/1 neurons, patterns with exactly aN active neurons, the covariance rule
W = Σ_μ (ξ^μ − a)(ξ^μ − a)ᵀ/(N a(1 − a)), threshold θ; a and θ swept with the load). At a
stored pattern the field is ξ_i − a plus crosstalk of variance ≈ αa, so sparse patterns
interfere less; Tsodyks & Feigel'man found α_c ≈ 1/(2a|ln a|) for a → 0 (with the threshold
chosen well), against 0.138 at a = ½ (where the model is the Hebbian ±1 network).

(a) Share of starts retrieved (m ≥ 0.9) against α, per activity, at the threshold with the
    largest 50 % point (the other thresholds dotted).
(b) The 50 % point against a (log–log), with 1/(2a|ln a|) and the replica-symmetric 0.138 of
    the ±1 network at a = ½ (both computed here).
"""

import math
import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
import theory  # noqa: E402

ORDER = 11
TITLE = "Tsodyks & Feigel'man 1988: capacity of sparse patterns"
PAPER = "Tsodyks & Feigel'man 1988, Europhys. Lett. 6:101"


def asymptotic(a):
    """α_c ≈ 1/(2a|ln a|), Tsodyks & Feigel'man's a → 0 form."""
    a = np.asarray(a, dtype=float)
    return 1.0 / (2.0 * a * np.abs(np.log(a)))


def _curves(h5):
    """{a: [(θ, point indices sorted by α, α_c, (lo, hi))]} from /capacity."""
    names = [common.decoded(v) for v in h5["capacity/curve"][()]]
    ac = h5["capacity/alpha_c"][()]
    ci = h5["capacity/alpha_c_ci"][()]
    act = np.asarray(common.points(h5, "patterns.activity"), dtype=float)
    thr = (np.asarray(common.points(h5, "network.threshold"), dtype=float)
           if "points/network.threshold" in h5 else np.zeros(len(act)))
    alpha = np.nanmean(h5["results/alpha"][()], axis=1)
    out = {}
    for k, name in enumerate(names):
        a = float(re.search(r"patterns\.activity=([0-9.eE+-]+)", name).group(1))
        m = re.search(r"network\.threshold=([0-9.eE+-]+)", name)
        t = float(m.group(1)) if m else 0.0
        idx = sorted([q for q in range(len(act))
                      if abs(act[q] - a) < 1e-9 and abs(thr[q] - t) < 1e-9],
                     key=lambda q: alpha[q])
        out.setdefault(a, []).append((t, idx, float(ac[k]), (float(ci[k][0]), float(ci[k][1]))))
    return out, alpha


def _best(entries, share):
    """The threshold entry with the largest 50 % point (a curve that never falls below ½ counts
    as its largest load)."""
    def key(entry):
        _, idx, ac, _ = entry
        if np.isfinite(ac):
            return ac
        return -1.0 if share[idx[0]] < 0.5 else 1e9
    return max(entries, key=key)


def figure(h5):
    curves, alpha = _curves(h5)
    share, sem = common.mean_sem(common.trial_means(h5, "success_from_pattern"))
    fig, (a_ax, b_ax) = common.new_figure(2, width_per_panel=5.4)
    best_points = []
    for j, a in enumerate(sorted(curves, reverse=True)):
        color = f"C{j}"
        best = _best(curves[a], share)
        for entry in curves[a]:
            t, idx, ac, ci = entry
            if entry is best:
                a_ax.errorbar(alpha[idx], share[idx], sem[idx], color=color, marker="o", ms=4,
                              capsize=2, label=f"a = {a:g}, θ = {t:g}: 50 % at {ac:.3f}")
            else:
                a_ax.plot(alpha[idx], share[idx], ":", color=color, lw=1)
        best_points.append((a, best))
    a_ax.axhline(0.5, color="0.6", lw=0.8)
    a_ax.set_xscale("log")
    a_ax.set_xlabel("load α = P/N")
    a_ax.set_ylabel("share of starts retrieved (m ≥ 0.9)")
    a_ax.set_title("(a) retrieval, best threshold per a (others dotted)", loc="left", fontsize=9)
    a_ax.legend(fontsize=7)

    aa = np.logspace(math.log10(0.01), math.log10(0.3), 100)
    b_ax.plot(aa, asymptotic(aa), "k-", lw=1.3, label="1/(2a|ln a|) (a → 0)")
    b_ax.plot([0.5], [theory.ags_alpha_c()], "k*", ms=11, label="0.138 at a = ½ (AGS, ±1)")
    xs = [a for a, _ in best_points]
    ys = [b[2] for _, b in best_points]
    err = np.array([[b[2] - b[3][0], b[3][1] - b[2]] for _, b in best_points]).T
    b_ax.errorbar(xs, ys, np.nan_to_num(np.abs(err)), color="C3", marker="o", ls="none",
                  capsize=3, label=f"50 % points, N = {common.neurons(h5)}")
    b_ax.set_xscale("log")
    b_ax.set_yscale("log")
    b_ax.set_xlabel("activity a")
    b_ax.set_ylabel("capacity α_c")
    b_ax.set_title("(b) capacity against activity", loc="left", fontsize=10)
    b_ax.legend(fontsize=7)
    fig.suptitle(f"{TITLE}; N = {common.neurons(h5)}, {common.trials(h5)} trials", fontsize=10)
    return fig


def rows(h5):
    curves, alpha = _curves(h5)
    share, _ = common.mean_sem(common.trial_means(h5, "success_from_pattern"))
    best = {a: _best(curves[a], share) for a in curves}
    acts = sorted(best, reverse=True)
    acs = [best[a][2] for a in acts]
    tested = int(np.nanmax(h5["results/count"][()]))
    size = f"N = {common.neurons(h5)}, {common.trials(h5)} trials × ≤ {tested} patterns"
    finite = [x for x in acs if np.isfinite(x)]
    grows = len(finite) == len(acs) and all(y > x for x, y in zip(acs, acs[1:]))
    factor = acs[-1] / acs[0] if len(acs) > 1 and np.isfinite(acs[0]) else float("nan")
    small = acts[-1]
    ratio = acs[-1] / float(asymptotic(small))
    ours = "; ".join(f"a = {a:g} (θ = {best[a][0]:g}): {best[a][2]:.3f} [{best[a][3][0]:.3f}, "
                     f"{best[a][3][1]:.3f}]" for a in acts)
    return [common.Row(
        result="capacity (50 % point of retrieval) against the activity a",
        paper=f"{PAPER}; Amit, Gutfreund & Sompolinsky 1987 for a = ½",
        published="α_c ≈ 1/(2a|ln a|) as a → 0 (" + ", ".join(
            f"{float(asymptotic(a)):.2f} at a = {a:g}" for a in acts if a < 0.5)
            + "); 0.138 at a = ½",
        ours=ours + f"; growth ×{factor:.1f} from a = {acts[0]:g} to {small:g}; "
             f"α_c/(1/(2a|ln a|)) = {ratio:.2f} at a = {small:g}; α_c·a|ln a| = "
             + ", ".join(f"{best[a][2] * a * abs(math.log(a)):.3f}" for a in acts)
             + " (→ ½ as a → 0)",
        size=size,
        agrees=common.verdict(grows and 0.7 <= ratio <= 1.3, partly=grows),
        tolerance="qualitative: α_c grows monotonically as a falls; the a → 0 formula within "
                  "30 % at the smallest a for 'yes'",
        note="The growth is reproduced; the formula is the a → 0 limit and is not reached at "
             "these activities: its corrections are relative O(ln|ln a|/|ln a|) with "
             "|ln a| ≤ 3 here, and the information per synapse, α_c·a|ln a|, which the formula "
             "sets to ½, is still rising slowly from its a = ½ value. At N = "
             f"{common.neurons(h5)} a pattern has only aN active neurons, so the 50 % point is "
             "also not the N → ∞ capacity (at a = ½ it lies above 0.138, as for the ±1 network "
             "at this N). The threshold is the best of three per a (the formula assumes it "
             "optimised); with 0/1 states and w_ii = 0 each field carries a shift −α/2, which "
             "the best thresholds absorb (at a = ½, θ ≈ −α_c/2 makes the model the ±1 "
             "network).")]


if __name__ == "__main__":
    sys.exit(common.main(figure, rows))
