#!/usr/bin/python3
"""Sompolinsky (1986): clipped synapses, α_c ≈ 0.10 instead of 0.138.

Usage: sompolinsky1986_clipped.py RESULTS.h5 [-o OUT.png] [--rows]

Run by scripts/reproduce.sh on configs/papers/sompolinsky1986_clipped.yaml (capacity
experiment; N = 500, 1000, 2000; odd P; clipped Hebbian couplings sign(T_ij) and the unclipped
Hebbian reference on the same patterns). Sompolinsky's result: a synapse J_ij = φ(T_ij) acts as
⟨φ'⟩ T_ij plus a static Gaussian noise of relative variance δ = ⟨φ²⟩/⟨φ'⟩² − 1 (π/2 − 1 for
φ = sign). The noise adds αδ to the crosstalk variance, so the one-step error is the Hebbian
one at the load απ/2, but it has no reaction term, so α_c (0.102, solved here from the
replica-symmetric T = 0 equations with static noise) is above 0.138·2/π = 0.088.

(a) One-step error per bit against α: clipped and Hebbian, with their exact finite-N rates
    (binomial; theory.clipped_one_step_error_exact) and the limits Φ(−1/√(πα/2)), Φ(−1/√α).
(b) Retrieval overlap m(α) from the pattern (mean over the starts that stay retrieved) at the
    largest N, against the RS curves with and without the static noise.
(c) 50 % points of retrieval (m ≥ 0.9) against 1/√N for both couplings, with the lines
    α_c(N) = α_∞ + b/√N and the RS values.
"""

import math
import re
import sys
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
import theory  # noqa: E402

ORDER = 9.5
TITLE = "Sompolinsky 1986: clipped synapses sign(Σ ξξ), α_c ≈ 0.10"
PAPER = "Sompolinsky 1986, Phys. Rev. A 34:2571"
RETRIEVED = 0.9


def _is_clipped(text):
    return "clip" in str(text)


def _points(h5):
    """Per point: N, P, α, clipped."""
    n = np.asarray(common.points(h5, "network.neurons"), dtype=int)
    p = np.asarray(common.points(h5, "patterns.count"), dtype=int)
    noise = (common.points(h5, "noise") if "points/noise" in h5
             else np.array([""] * len(n)))
    clipped = np.array([_is_clipped(v) for v in noise])
    return n, p, p / n, clipped


def _curves(h5):
    """[(N, clipped, point indices sorted by α, α_c, (lo, hi))] from /capacity."""
    n, p, alpha, clipped = _points(h5)
    names = [common.decoded(v) for v in h5["capacity/curve"][()]]
    ac = h5["capacity/alpha_c"][()]
    ci = h5["capacity/alpha_c_ci"][()]
    out = []
    for k, name in enumerate(names):
        size = int(re.search(r"network\.neurons=(\d+)", name).group(1))
        clip = _is_clipped(name)
        idx = sorted([q for q in range(len(n)) if n[q] == size and clipped[q] == clip],
                     key=lambda q: alpha[q])
        out.append((size, clip, idx, float(ac[k]), (float(ci[k][0]), float(ci[k][1]))))
    return out


def _retrieved_mean(overlaps):
    """Per point: mean over trials of each trial's mean overlap over its retrieved starts."""
    mean = np.full(overlaps.shape[0], np.nan)
    sem = np.full(overlaps.shape[0], np.nan)
    for q in range(overlaps.shape[0]):
        with np.errstate(invalid="ignore"):
            per_trial = np.array([np.nanmean(np.where(row >= RETRIEVED, row, np.nan))
                                  if np.any(row >= RETRIEVED) else np.nan
                                  for row in overlaps[q]])
        m, s = common.mean_sem(per_trial[None, :])
        mean[q], sem[q] = m[0], s[0]
    return mean, sem


def _fit(curves, clip):
    rows = [(size, ac, ci) for size, c, _, ac, ci in curves
            if c == clip and np.isfinite(ac) and np.all(np.isfinite(ci))]
    if len(rows) < 3:
        return None
    x = np.array([1 / math.sqrt(size) for size, _, _ in rows])
    y = np.array([ac for _, ac, _ in rows])
    sigma = np.array([max((ci[1] - ci[0]) / (2 * 1.96), 1e-4) for _, _, ci in rows])
    return theory.weighted_line(x, y, sigma)


def figure(h5):
    n, p, alpha, clipped = _points(h5)
    curves = _curves(h5)
    em, es = common.mean_sem(common.trial_means(h5, "unstable_fraction"))
    nmax = int(n.max())
    fig, (a, b, c) = common.new_figure(3)
    aa = np.linspace(0.02, 0.24, 300)
    for clip, color, label in ((True, "C3", "clipped"), (False, "C0", "Hebbian")):
        sel = [q for q in np.argsort(alpha) if n[q] == nmax and clipped[q] == clip and em[q] > 0]
        a.errorbar(alpha[sel], em[sel], es[sel], color=color, marker="o", ms=4, ls="none",
                   capsize=2, label=f"{label}, N = {nmax}")
        exact = [theory.clipped_one_step_error_exact(nmax, int(p[q])) if clip
                 else theory.one_step_error_exact(nmax, int(p[q])) for q in sel]
        a.plot(alpha[sel], exact, "s", color=color, mfc="white", ms=6, label="exact finite N")
    a.plot(aa, theory.clipped_one_step_error_limit(aa), "C3-", lw=1.2, label="Φ(−1/√(πα/2))")
    a.plot(aa, theory.one_step_error_limit(aa), "C0-", lw=1.2, label="Φ(−1/√α)")
    a.set_yscale("log")
    a.set_ylim(1e-6, 0.1)
    a.set_xlabel("load α = P/N")
    a.set_ylabel("one-step error per bit")
    a.set_title("(a) per-bit instability", loc="left", fontsize=10)
    a.legend(fontsize=6.5, loc="lower right")

    mean, sem = _retrieved_mean(common.per_probe(h5, "overlap_from_pattern"))
    for clip, color, label in ((True, "C3", "clipped"), (False, "C0", "Hebbian")):
        sel = [q for q in np.argsort(alpha) if n[q] == nmax and clipped[q] == clip]
        b.errorbar(alpha[sel], mean[sel], sem[sel], color=color, marker="o", ms=4, capsize=2,
                   ls="none", label=f"{label}, N = {nmax} (retrieved starts)")
    b.plot(aa, [theory.clipped_overlap_t0(x) for x in aa], "C3-", lw=1.2,
           label="RS with static noise π/2 − 1")
    b.plot(aa, [theory.ags_overlap_t0(x) for x in aa], "C0-", lw=1.2, label="RS Hebbian (AGS)")
    b.set_ylim(0.9, 1.003)
    b.set_xlabel("load α = P/N")
    b.set_ylabel("final overlap m")
    b.set_title("(b) retrieval overlap", loc="left", fontsize=10)
    b.legend(fontsize=6.5, loc="lower left")

    for clip, color, label, limit in ((True, "C3", "clipped", theory.clipped_alpha_c()),
                                      (False, "C0", "Hebbian", theory.ags_alpha_c())):
        pts = [(size, ac, ci) for size, cl, _, ac, ci in curves if cl == clip]
        x = np.array([1 / math.sqrt(size) for size, _, _ in pts])
        y = np.array([ac for _, ac, _ in pts])
        err = np.abs(np.array([[ac - ci[0], ci[1] - ac] for _, ac, ci in pts]).T)
        c.errorbar(x, y, np.nan_to_num(err), color=color, marker="o", ls="none", capsize=3,
                   label=f"{label}: 50 % points")
        fit = _fit(curves, clip)
        if fit is not None:
            a0, b0, sa, _ = fit
            xx = np.linspace(0, x.max() * 1.05, 50)
            c.plot(xx, a0 + b0 * xx, "--", color=color, lw=1,
                   label=f"α_∞ = {a0:.4f} ± {sa:.4f}")
        c.plot([0], [limit], "*", color=color, ms=12, label=f"RS α_c = {limit:.4f}")
    c.set_xlim(-0.002, 0.05)
    c.set_xlabel("1/√N")
    c.set_ylabel("50 % point of retrieval")
    c.set_title("(c) capacity, finite-size scaling", loc="left", fontsize=10)
    c.legend(fontsize=6.5, loc="upper left")
    fig.suptitle(f"{TITLE}; {common.trials(h5)} trials per point", fontsize=10)
    return fig


def rows(h5):
    n, p, alpha, clipped = _points(h5)
    curves = _curves(h5)
    nmax = int(n.max())
    tested = int(np.nanmax(h5["results/count"][()]))
    sizes = sorted(set(int(v) for v in n))
    size = (f"N = {', '.join(str(s) for s in sizes)}; {common.trials(h5)} trials × ≤ {tested} "
            "patterns; odd P")
    out = []

    em, es = common.mean_sem(common.trial_means(h5, "unstable_fraction"))
    sel = [q for q in np.argsort(alpha) if n[q] == nmax and clipped[q] and alpha[q] >= 0.06]
    if sel:
        exact = np.array([theory.clipped_one_step_error_exact(nmax, int(p[q])) for q in sel])
        limit = np.array([float(theory.clipped_one_step_error_limit(alpha[q])) for q in sel])
        t = (em[sel] - exact) / es[sel]
        k = int(np.argmin(np.abs(alpha[sel] - 0.14)))
        ok = bool(np.all(np.abs(t) <= 3.0))
        out.append(common.Row(
            result="one-step error per bit of clipped couplings vs α (α ≥ 0.06)",
            paper=f"{PAPER}: clipping = Hebbian plus static noise of variance (π/2 − 1)α",
            published=f"Φ(−1/√(πα/2)) = {limit[k]:.5f} at α = {alpha[sel[k]]:.3f} (N → ∞)",
            ours=f"{common.fmt_pm(em[sel[k]], es[sel[k]], 5)} at α = {alpha[sel[k]]:.3f}; "
                 f"measured/Φ(−1/√(πα/2)) = {np.min(em[sel] / limit):.2f} … "
                 f"{np.max(em[sel] / limit):.2f}; (measured − exact finite-N rate)/s.e. = "
                 f"{t.min():+.1f} … {t.max():+.1f}",
            size=f"N = {nmax}, {common.trials(h5)} trials × ≤ {tested} patterns, odd P",
            agrees=common.verdict(ok),
            tolerance="3 s.e. (over trials) from the exact finite-N rate at every α",
            note="The exact rate (computed here) counts the N − 1 clipped couplings of a neuron "
                 "as independent ±1 terms with P(+1) = P(Binomial(P − 1, ½) ≥ (P − 1)/2), which "
                 "is exact given the neuron's own pattern bits; it lies a few per cent to 30 % "
                 "below the Gaussian limit at these N, as the Hebbian rate does. Odd P avoids "
                 "ties of the Hebbian sum (a zero coupling removes noise, so even P does better)."))

    mean, sem = _retrieved_mean(common.per_probe(h5, "overlap_from_pattern"))
    sel = [q for q in np.argsort(alpha) if n[q] == nmax and clipped[q] and alpha[q] <= 0.0805]
    if sel:
        rs = np.array([theory.clipped_overlap_t0(alpha[q]) for q in sel])
        dev = mean[sel] - rs
        tol = 0.002 * math.sqrt(2000.0 / nmax)
        ok = bool(np.all(np.abs(dev) <= tol + 2 * np.nan_to_num(sem[sel])))
        worst = int(np.argmax(np.abs(dev)))
        out.append(common.Row(
            result="T = 0 retrieval overlap of clipped couplings, α ≤ 0.08",
            paper=f"{PAPER}, RS equations with static synaptic noise",
            published=f"m({alpha[sel[-1]]:.3f}) = {rs[-1]:.4f} (solved here; Hebbian "
                      f"{theory.ags_overlap_t0(alpha[sel[-1]]):.4f})",
            ours=f"m({alpha[sel[-1]]:.3f}) = {common.fmt_pm(mean[sel[-1]], sem[sel[-1]], 4)}; "
                 f"largest deviation {dev[worst]:+.4f} at α = {alpha[sel[worst]]:.3f}",
            size=f"N = {nmax}, {common.trials(h5)} trials × ≤ {tested} patterns",
            agrees=common.verdict(ok),
            tolerance=f"|Δm| ≤ {tol:.4f} (0.002·√(2000/N)) + 2 s.e. at every α",
            note="Mean over the starts that stay retrieved (m ≥ 0.9). The static noise lowers "
                 "the overlap well below the Hebbian one at the same load, and the measured "
                 "overlaps follow the curve with the noise, not the Hebbian one."))

    fit_c, fit_h = _fit(curves, True), _fit(curves, False)
    if fit_c is not None:
        ac_rs = theory.clipped_alpha_c()
        a0, b0, sa, sb = fit_c
        ok = abs(a0 - ac_rs) <= 2 * sa + 0.005
        ratio_ok = fit_h is not None and abs(a0 / fit_h[0] / (ac_rs / theory.ags_alpha_c()) - 1) <= 0.05
        partly = abs(a0 - ac_rs) <= 0.01 and ratio_ok
        per_n = "; ".join(f"{size}: {ac:.4f}" for size, cl, _, ac, _ in curves if cl)
        hebb = ""
        if fit_h is not None:
            hebb = (f"; Hebbian on the same patterns: α_∞ = {fit_h[0]:.4f} ± {fit_h[2]:.4f} "
                    f"(RS 0.1379); ratio clipped/Hebbian {a0 / fit_h[0]:.3f}")
        out.append(common.Row(
            result="storage capacity of clipped couplings (50 % point extrapolated in 1/√N)",
            paper=PAPER,
            published=f"α_c ≈ 0.10 ({ac_rs:.4f} solved here; ratio to Hebbian "
                      f"{ac_rs / theory.ags_alpha_c():.3f}, not 2/π = 0.637)",
            ours=f"α_∞ = {a0:.4f} ± {sa:.4f} (slope {b0:.2f} ± {sb:.2f}); 50 % points {per_n}"
                 + hebb,
            size=size, agrees=common.verdict(ok, partly=partly),
            tolerance="|α_∞ − α_c| ≤ 2 s.e. of the fit + 0.005 for 'yes'; within 0.01, with the "
                      "ratio clipped/Hebbian within 5 % of the RS ratio, for 'partly'",
            note="As for the Hebbian network (amit1987_finite_size), the 50 % point at finite N "
                 "lies above α_c and falls with N; the clipped curve falls more slowly (smaller "
                 "slope in 1/√N), so a straight-line extrapolation through three sizes "
                 "(N ≤ 2000) lands a little above the RS value, by more than its error, which "
                 "comes from the bootstrap intervals only and ignores the curvature of the "
                 "finite-size form. The Hebbian curves on the same patterns check the "
                 "procedure (they extrapolate close to 0.138), and the ratio of the two, in which "
                 "much of the finite-size shift cancels, is near the RS ratio. The capacity is "
                 "not the Hebbian one times 2/π: the static noise has no reaction term, so "
                 "clipping costs less than the (π/2)-fold crosstalk of the one-step error "
                 "suggests."))
    return out


if __name__ == "__main__":
    warnings.filterwarnings("ignore", "Mean of empty slice", RuntimeWarning)
    sys.exit(common.main(figure, rows))
