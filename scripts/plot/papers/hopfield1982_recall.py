#!/usr/bin/python3
"""Hopfield (1982), PNAS 79:2554: recall of n memories in a network of N = 100 0/1 neurons.

Usage: hopfield1982_recall.py RESULTS.h5 [-o OUT.png] [--rows]

Run by scripts/reproduce.sh on configs/papers/hopfield1982_recall.yaml: a `capacity`
experiment with 0/1 neurons (network.representation: binary, threshold 0), Hebbian couplings
T_ij = Σ_s (2V_i^s − 1)(2V_j^s − 1) with T_ii = 0 (our W is T/N, which changes no sign),
asynchronous updates in random order, n = 1 … 25 memories, unclipped and clipped
(T_ij → sign(T_ij), noise: clip). Every memory is the start of one run; "recalled without error"
means the final state is the memory itself (success_overlap: 1.0), which for these dynamics is
the same as the memory being a fixed point (the energy falls at every flip, so a run that
leaves the memory never returns).

(a) The fraction of memories recalled without error against n, with the naive estimate
    e^{−N·P} from Eq. 10 (independent bit errors) and the paper's n = 10 statement (0.6
    measured against 0.4 estimated).
(b) The per-bit error rate (fraction of a memory's bits that one update flips) against n, with
    Eq. 10, P = Φ(−√(N/(2(n−1)))), and the exact finite-N rate; clipped couplings with Eq. 10
    at n_eff − 1 = (n − 1)π/2 (the 2/π statement) and with the exact signal and noise of a
    clipped coupling.
(c) The share of memories that end within 5 % of their bits (final overlap m ≥ 0.9) and the
    mean final overlap against n/N, with the paper's "about 0.15 N" line.
"""

import math
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
import theory  # noqa: E402

ORDER = 1
TITLE = "Hopfield 1982: recall of n memories, N = 100 0/1 neurons, unclipped and clipped"
PAPER = "Hopfield 1982, PNAS 79:2554"
PUBLISHED_ERROR_FREE = 0.6   # n = 10, N = 100: "the actual number was 0.6"
PUBLISHED_NAIVE = 0.4        # e^{−0.91} from Eq. 10
PUBLISHED_SEVERE = 0.15      # "about 0.15 N states can be remembered before error is severe"


def _split(h5):
    """Indices of the unclipped and clipped points, each sorted by n, and the n values."""
    noise = common.points(h5, "noise")
    count = common.points(h5, "patterns.count")
    plain = [p for p in range(len(noise)) if "clip" not in noise[p]]
    clipped = [p for p in range(len(noise)) if "clip" in noise[p]]
    plain.sort(key=lambda p: count[p])
    clipped.sort(key=lambda p: count[p])
    return np.array(plain), np.array(clipped), count


def _within(h5, threshold=0.9):
    """(points, trials): per trial, the share of memories ending with overlap ≥ threshold."""
    o = common.per_probe(h5, "overlap_from_pattern")
    ok = np.where(np.isnan(o), np.nan, (o >= threshold).astype(float))
    with np.errstate(invalid="ignore"):
        return np.nanmean(ok, axis=2)


def figure(h5):
    n_neurons = common.neurons(h5)
    plain, clipped, count = _split(h5)
    fig, (a, b, c) = common.new_figure(3)
    free_m, free_s = common.mean_sem(common.trial_means(h5, "success_from_pattern"))
    err_m, err_s = common.mean_sem(common.trial_means(h5, "unstable_fraction"))
    ov_m, ov_s = common.mean_sem(common.trial_means(h5, "overlap_from_pattern"))
    within_m, within_s = common.mean_sem(_within(h5))
    styles = [(plain, "C0", "unclipped"), (clipped, "C3", "clipped sign(T_ij)")]

    nn = np.linspace(1, count.max(), 400)
    eq10 = theory.hopfield82_eq10(n_neurons, nn)
    for idx, color, label in styles:
        if idx.size:
            a.errorbar(count[idx], free_m[idx], free_s[idx], color=color, marker="o", ms=3.5,
                       capsize=2, lw=1.2, label=f"measured, {label}")
    a.plot(nn, np.exp(-n_neurons * eq10), "k--", lw=1.2,
           label="naive exp(−N·P), P from Eq. 10")
    a.plot([10], [PUBLISHED_ERROR_FREE], marker="*", color="gold", mec="k", ms=13, ls="none",
           label="Hopfield 1982: measured 0.6 at n = 10")
    a.plot([10], [PUBLISHED_NAIVE], marker="D", color="white", mec="k", ms=6, ls="none",
           label="Hopfield 1982: estimate 0.4")
    a.set_xlabel("memories stored n")
    a.set_ylabel("fraction recalled without error")
    a.set_title(f"(a) error-free recall, N = {n_neurons}", loc="left", fontsize=10)
    a.legend(fontsize=7)

    ns = count[plain]
    for idx, color, label in styles:
        if idx.size:
            keep = err_m[idx] > 0
            b.errorbar(count[idx][keep], err_m[idx][keep], err_s[idx][keep], color=color,
                       marker="o", ms=3.5, capsize=2, lw=1.2, label=f"measured, {label}")
    b.plot(nn, eq10, "k-", lw=1.3, label="Eq. 10: Φ(−√(N/(2(n−1))))")
    b.plot(ns, [theory.hopfield82_exact(n_neurons, int(n)) for n in ns], "ko", mfc="white",
           ms=4, label="exact finite-N rate")
    b.plot(nn, theory.hopfield82_eq10(n_neurons, 1 + (nn - 1) * math.pi / 2), "--",
           color="C3", lw=1.2, label="Eq. 10 at n_eff − 1 = (n − 1)π/2")
    b.plot(ns, [theory.hopfield82_eq10_clipped(n_neurons, int(n)) for n in ns], "s",
           color="C3", mfc="white", ms=4, label="clipped: exact coupling signal/noise")
    b.set_yscale("log")
    b.set_ylim(1e-4, 0.3)
    b.set_xlabel("memories stored n")
    b.set_ylabel("per-bit error rate P")
    b.set_title("(b) one-step error per bit", loc="left", fontsize=10)
    b.legend(fontsize=6.5)

    for idx, color, label in styles:
        if idx.size:
            x = count[idx] / n_neurons
            c.errorbar(x, within_m[idx], within_s[idx], color=color, marker="o", ms=3.5,
                       capsize=2, lw=1.2, label=f"P(m ≥ 0.9), {label}")
            c.errorbar(x, ov_m[idx], ov_s[idx], color=color, marker="s", ms=3, capsize=2,
                       lw=1.0, ls="--", mfc="white", label=f"mean final overlap, {label}")
    c.axvline(PUBLISHED_SEVERE, color="k", ls=":", lw=1.2, label="Hopfield 1982: ≈ 0.15 N")
    c.axhline(0.5, color="0.6", lw=0.8)
    c.set_xlabel("n / N")
    c.set_ylabel("share within 5 % errors; overlap m")
    c.set_title("(c) recall degrades near 0.15 N", loc="left", fontsize=10)
    c.legend(fontsize=6.5)
    fig.suptitle(f"{TITLE}; {common.trials(h5)} trials per n", fontsize=10)
    return fig


def rows(h5):
    n_neurons = common.neurons(h5)
    n_trials = common.trials(h5)
    plain, clipped, count = _split(h5)
    size = f"N = {n_neurons}, {n_trials} trials × n memories"
    free_t = common.trial_means(h5, "success_from_pattern")
    free_m, free_s = common.mean_sem(free_t)
    err_m, err_s = common.mean_sem(common.trial_means(h5, "unstable_fraction"))
    ov_m, _ = common.mean_sem(common.trial_means(h5, "overlap_from_pattern"))
    within_t = _within(h5)
    within_m, within_s = common.mean_sem(within_t)
    out = []

    at10 = plain[count[plain] == 10]
    if at10.size:
        p = int(at10[0])
        p_eq10 = float(theory.hopfield82_eq10(n_neurons, 10))
        p_exact = theory.hopfield82_exact(n_neurons, 10)
        tol = 0.05
        ok = abs(free_m[p] - PUBLISHED_ERROR_FREE) <= tol + 2 * free_s[p]
        out.append(common.Row(
            result="memories recalled without error, n = 10",
            paper=f"{PAPER}, text after Eq. 10",
            published=f"{PUBLISHED_ERROR_FREE} measured (naive estimate e^(−0.91) = "
                      f"{PUBLISHED_NAIVE})",
            ours=f"{common.fmt_pm(free_m[p], free_s[p])} (naive: e^(−N·P) = "
                 f"{math.exp(-n_neurons * p_eq10):.2f} with Eq. 10, "
                 f"{math.exp(-n_neurons * p_exact):.2f} with the exact per-bit rate)",
            size=size, agrees=common.verdict(ok), tolerance="±0.05 (one digit) + 2 s.e.",
            note="We reproduce both the measured 0.6 and the naive 0.4. The gap is not "
                 "noise: the bit errors of one memory are positively correlated (all its "
                 "neurons share its number of active bits, which sets the signal, and the "
                 "same crosstalk sums from the other memories), so errors cluster in a few "
                 "bad memories and more memories are error-free than independent bits "
                 "would give."))

    ns = count[plain]
    sel = [int(p) for p in plain if 8 <= count[p] <= 25]
    if sel:
        exact = np.array([theory.hopfield82_exact(n_neurons, int(count[p])) for p in sel])
        eq10 = np.array([float(theory.hopfield82_eq10(n_neurons, count[p])) for p in sel])
        z = np.abs(err_m[sel] - exact) / np.maximum(err_s[sel], 1e-12)
        ratio = err_m[sel] / eq10
        k10 = [i for i, p in enumerate(sel) if count[p] == 10]
        at = k10[0] if k10 else 0
        ok = float(z.max()) <= 3.0
        out.append(common.Row(
            result="per-bit error rate vs n (n = 8 … 25)",
            paper=f"{PAPER}, Eq. 10",
            published=f"P = Φ(−√(N/(2(n−1)))) = {eq10[at]:.4f} at n = {int(count[sel[at]])}",
            ours=f"{common.fmt_pm(err_m[sel[at]], err_s[sel[at]], 4)} at n = "
                 f"{int(count[sel[at]])}; measured/Eq. 10 = {ratio.min():.2f} … "
                 f"{ratio.max():.2f}; within {z.max():.1f} s.e. of the exact finite-N rate",
            size=size, agrees=common.verdict(ok),
            tolerance="3 s.e. from the exact rate at every n",
            note="Eq. 10 is the Gaussian approximation with the signal set to its mean N/2; "
                 "the exact rate (the number K of active bits of the memory is "
                 "Binomial(N−1, ½) and the crosstalk a binomial sum given K) is what we "
                 "compare with, and Eq. 10 lies within about 5 % of it for n ≥ 8."))

    if plain.size:
        half = common.crossing(ns, within_m[plain], 0.5)
        lo, hi = common.bootstrap(within_t[plain], lambda t: common.crossing(
            ns, np.nanmean(t, axis=1), 0.5))
        at15 = plain[count[plain] == round(PUBLISHED_SEVERE * n_neurons)]
        extra = ""
        if at15.size:
            q = int(at15[0])
            extra = (f"; at n = {int(count[q])}: {free_m[q]:.2f} error-free, "
                     f"{within_m[q]:.2f} within 5 % errors, mean final overlap {ov_m[q]:.2f}")
        ok = common.isfinite(half) and 0.10 <= half / n_neurons <= 0.20
        out.append(common.Row(
            result="load at which recall errors become severe",
            paper=f"{PAPER}, text",
            published=f"about {PUBLISHED_SEVERE} N",
            ours=f"half of the memories end within 5 % errors up to n = {half:.1f} "
                 f"[{lo:.1f}, {hi:.1f}] = {half / n_neurons:.3f} N{extra}",
            size=size, agrees=common.verdict(ok),
            tolerance="qualitative statement: 0.10 N – 0.20 N",
            note="The statement is qualitative; at 0.15 N most memories run away from their "
                 "start (0/1 neurons have twice the crosstalk variance of ±1 neurons at the "
                 "same n, Eq. 10), which is what 'severe' describes. The ±1 network of AGS "
                 "has α_c ≈ 0.138 for the N → ∞ retrieval state."))

    if plain.size and clipped.size:
        odd = [int(p) for p in clipped if count[p] % 2 == 1 and 7 <= count[p] <= 25]
        pred = np.array([float(theory.hopfield82_eq10(
            n_neurons, 1 + (count[p] - 1) * math.pi / 2)) for p in odd])
        ratio = err_m[odd] / pred
        half_plain = common.crossing(ns, free_m[plain], 0.5)
        half_clip = common.crossing(count[clipped], free_m[clipped], 0.5)
        r_half = (half_clip - 1) / (half_plain - 1)
        ok_bits = bool(np.all(np.abs(ratio - 1) <= 0.15))
        out.append(common.Row(
            result="clipped couplings sign(T_ij)",
            paper=f"{PAPER}, text",
            published=f"memories × 2/π = {2 / math.pi:.3f} for the same errors",
            ours=f"per-bit error at odd n = 7 … 25: measured / Eq. 10 at (n−1)π/2 = "
                 f"{ratio.min():.2f} … {ratio.max():.2f}; error-free half-point "
                 f"n = {half_clip:.1f} clipped vs {half_plain:.1f} unclipped, "
                 f"(n−1) ratio {r_half:.2f}",
            size=size, agrees=common.verdict(False, partly=ok_bits),
            tolerance="per-bit ratio within 15 % of 1; half-point ratio 2/π ± 0.05",
            note="The per-bit error of clipped couplings follows the 2/π rule at odd n "
                 "(the Gaussian formula overestimates it by up to ~10 % at large n). For "
                 "even n a tie T_ij = 0 stays 0, which removes noise, so even n do better "
                 "(the zig-zag in the figure). The error-free 50 % point is reduced by less "
                 "than 2/π at N = 100: error-free recall depends on the tail of the "
                 "per-memory error distribution, not only on the per-bit rate."))
    return out


if __name__ == "__main__":
    sys.exit(common.main(figure, rows))
