#!/usr/bin/python3
"""Amit, Gutfreund & Sompolinsky (1987): α_c ≈ 0.138 approached by finite-size scaling.

Usage: amit1987_finite_size.py RESULTS.h5 [-o OUT.png] [--rows]

Run by scripts/reproduce.sh on configs/papers/amit1987_finite_size.yaml: for each N the
capacity experiment's α_c (/capacity/alpha_c: the load where the share of starts retrieved with
m ≥ 0.9 falls through ½) with its 95 % bootstrap interval over trials.

(a) The share retrieved against α, one curve per N, with the replica-symmetric α_c.
(b) α_c(N) against 1/√N with the weighted least-squares line α_c = α_∞ + b/√N (weights from
    the bootstrap intervals) extrapolated to N → ∞, and the replica-symmetric value.
(c) The wrong-bit fraction (1 − m)/2 of the retrieved starts at α = 0.13 against 1/N, with the
    replica-symmetric value at that load.
"""

import math
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
import theory  # noqa: E402

ORDER = 3
TITLE = "Amit, Gutfreund & Sompolinsky 1987: α_c by finite-size scaling"
PAPER = "Amit, Gutfreund & Sompolinsky 1987, Ann. Phys. 173:30; 1985 PRL 55:1530"
NEAR = 0.13


def _curves(h5):
    """[(N, point indices sorted by α)], α per point, α_c and its interval per curve."""
    sizes = common.points(h5, "network.neurons")
    alpha = np.nanmean(h5["results/alpha"][()], axis=1)
    names = [common.decoded(v) for v in h5["capacity/curve"][()]]
    ns = [int(float(name.split("=")[1])) for name in names]
    curves = [(n, sorted([p for p in range(len(sizes)) if int(sizes[p]) == n],
                         key=lambda p: alpha[p])) for n in ns]
    return curves, alpha, h5["capacity/alpha_c"][()], h5["capacity/alpha_c_ci"][()]


def _fit(ns, ac, ci):
    ok = np.isfinite(ac) & np.all(np.isfinite(ci), axis=1)
    x = 1.0 / np.sqrt(np.asarray(ns, dtype=float)[ok])
    sigma = np.maximum((ci[ok, 1] - ci[ok, 0]) / (2 * 1.96), 1e-4)
    if ok.sum() < 3:
        return None
    return theory.weighted_line(x, ac[ok], sigma) + (x, ac[ok], sigma)


def _wrong_bits(h5, points):
    """Per point: the mean over trials of the wrong-bit fraction of the retrieved starts."""
    o = common.per_probe(h5, "overlap_from_pattern")
    out = []
    for p in points:
        with np.errstate(invalid="ignore"):
            per_trial = [np.nanmean((1 - row[row >= 0.9]) / 2) if np.any(row >= 0.9) else np.nan
                         for row in o[p]]
        m, s = common.mean_sem(np.array(per_trial)[None, :])
        out.append((m[0], s[0]))
    return out


def figure(h5):
    curves, alpha, ac, ci = _curves(h5)
    rs_ac = theory.ags_alpha_c()
    fig, (a, b, c) = common.new_figure(3)
    share = common.trial_means(h5, "success_from_pattern")
    sm, ss = common.mean_sem(share)
    for k, (n, idx) in enumerate(curves):
        color = f"C{k}"
        a.errorbar(alpha[idx], sm[idx], ss[idx], color=color, marker="o", ms=3.5, capsize=2,
                   label=f"N = {n}: 50 % at {ac[k]:.4f}")
        if np.isfinite(ac[k]):
            a.axvline(ac[k], color=color, lw=0.8, ls="-.")
    a.axvline(rs_ac, color="k", ls=":", label=f"α_c = {rs_ac:.4f} (RS, N → ∞)")
    a.axhline(0.5, color="0.6", lw=0.8)
    a.set_xlabel("load α = P/N")
    a.set_ylabel("share of starts retrieved (m ≥ 0.9)")
    a.set_title("(a) retrieval from the pattern", loc="left", fontsize=10)
    a.legend(fontsize=7)

    ns = [n for n, _ in curves]
    fit = _fit(ns, ac, ci)
    x_all = 1 / np.sqrt(np.array(ns, dtype=float))
    yerr = np.abs(np.vstack([ac - ci[:, 0], ci[:, 1] - ac]))
    b.errorbar(x_all, ac, np.nan_to_num(yerr), color="C0", marker="o", ls="none", capsize=3,
               label="50 % point with 95 % bootstrap interval")
    if fit is not None:
        a0, b0, sa, _, _, _, _ = fit
        xx = np.linspace(0, x_all.max() * 1.05, 50)
        b.plot(xx, a0 + b0 * xx, "C0--", lw=1,
               label=f"fit α_∞ + b/√N: α_∞ = {a0:.4f} ± {sa:.4f}")
        b.errorbar([0], [a0], [2 * sa], color="C0", marker="s", mfc="white", capsize=3)
    b.plot([0], [rs_ac], "k*", ms=12, label=f"replica symmetric {rs_ac:.4f}")
    b.set_xlim(-0.002, x_all.max() * 1.08)
    b.set_xlabel("1/√N")
    b.set_ylabel("α_c(N)")
    b.set_title("(b) extrapolation to N → ∞", loc="left", fontsize=10)
    b.legend(fontsize=7, loc="upper left")

    near = [(n, [p for p in idx if abs(alpha[p] - NEAR) < 1e-3]) for n, idx in curves]
    near = [(n, p[0]) for n, p in near if p]
    if near:
        wb = _wrong_bits(h5, [p for _, p in near])
        xs = np.array([1 / n for n, _ in near])
        c.errorbar(xs, [w[0] * 100 for w in wb], [np.nan_to_num(w[1]) * 100 for w in wb],
                   color="C0", marker="o", capsize=3, label="measured, retrieved starts")
        rs = theory.ags_overlap_t0(NEAR)
        c.plot([0], [(1 - rs) / 2 * 100], "k*", ms=12, label=f"RS (1 − m)/2 at α = {NEAR}")
        c.set_xlim(-0.0001, xs.max() * 1.1)
    c.set_xlabel("1/N")
    c.set_ylabel("wrong bits of the retrieval state (%)")
    c.set_title(f"(c) retrieval state at α = {NEAR}", loc="left", fontsize=10)
    c.legend(fontsize=7)
    fig.suptitle(f"{TITLE}; {common.trials(h5)} trials per load", fontsize=10)
    return fig


def rows(h5):
    curves, alpha, ac, ci = _curves(h5)
    ns = [n for n, _ in curves]
    rs_ac = theory.ags_alpha_c()
    tested = int(np.nanmax(h5["results/count"][()]))
    size = f"N = {', '.join(str(n) for n in ns)}; {common.trials(h5)} trials × {tested} patterns"
    per_n = "; ".join(f"{n}: {a:.4f}" for n, a in zip(ns, ac))
    fit = _fit(ns, ac, ci)
    out = []
    if fit is not None:
        a0, b0, sa, sb, _, _, _ = fit
        tol = 0.005
        ok = abs(a0 - rs_ac) <= 2 * sa + tol
        out.append(common.Row(
            result="storage capacity α_c (50 % point extrapolated in 1/√N)",
            paper=f"{PAPER}",
            published=f"α_c = 0.138 (replica symmetric; {rs_ac:.4f} solved here)",
            ours=f"α_∞ = {a0:.4f} ± {sa:.4f} (slope b = {b0:.2f} ± {sb:.2f}); 50 % points "
                 f"{per_n}",
            size=size, agrees=common.verdict(ok),
            tolerance="|α_∞ − α_c| ≤ 2 s.e. of the fit + 0.005 (replica-symmetry breaking and "
                      "higher-order finite-size terms)",
            note="At finite N the 50 % point lies above α_c and approaches it like N^(−1/2) "
                 "(docs/capacity.md): near α_c a start loses its overlap through an "
                 "avalanche that, at finite N, can stop in one of the many fixed points near "
                 "the pattern. No single N gives 0.138 — the extrapolation does. The fit "
                 "error comes from the bootstrap intervals of the 50 % points only; "
                 "interpolation between sweep points (0.01 apart) adds a small bias."))
    near = [(n, [p for p in idx if abs(alpha[p] - NEAR) < 1e-3]) for n, idx in curves]
    near = [(n, p[0]) for n, p in near if p]
    if len(near) >= 2:
        wb = _wrong_bits(h5, [p for _, p in near])
        rs = (1 - theory.ags_overlap_t0(NEAR)) / 2
        x = np.array([1 / n for n, _ in near])
        y = np.array([w[0] for w in wb])
        s = np.array([max(np.nan_to_num(w[1]), 1e-5) for w in wb])
        a0, b0, sa, _ = theory.weighted_line(x, y, s)
        ok = abs(a0 - rs) <= 2 * sa + 0.0005
        out.append(common.Row(
            result=f"wrong bits of the retrieval state at α = {NEAR}, extrapolated in 1/N",
            paper=f"{PAPER}",
            published=f"(1 − m)/2 = {rs * 100:.2f} % (RS T = 0 at α = {NEAR}; 1.6 % at α_c)",
            ours=f"{a0 * 100:.2f} % ± {sa * 100:.2f} % extrapolated; "
                 + ", ".join(f"N = {n}: {w[0] * 100:.2f} %" for (n, _), w in zip(near, wb)),
            size=size, agrees=common.verdict(ok),
            tolerance="2 s.e. of the 1/N fit + 0.05 %",
            note="The wrong-bit fraction of the retrieved starts rises with N from below the "
                 "N → ∞ value (fewer unstable bits at small N) and reaches it within the errors "
                 "at the largest sizes; the linear extrapolation in 1/N is an empirical form, "
                 "not a derived one."))
    return out


if __name__ == "__main__":
    sys.exit(common.main(figure, rows))
