#!/usr/bin/python3
"""Figure of a `capacity` run: retrieval, success rate and one-step errors against the load α.

Usage: capacity.py RESULTS.h5 [-o OUT.png]      (default OUT: RESULTS with the suffix .png)

One line per curve: the points of a sweep that differ only in their load (patterns.alpha or
patterns.count) form a curve, named in /capacity/curve (e.g. `learning.type=storkey`). Every
marker is the mean over trials of each trial's mean over its patterns; error bars are the
standard error over trials.

(a) Final overlap m after the dynamics, started at the pattern (solid) and at the noisy cue
    (dashed), with the replica-symmetric T = 0 retrieval overlap of the Hebbian network (Amit,
    Gutfreund & Sompolinsky 1987, N → ∞), solved numerically below; it has no retrieval
    solution beyond α_c ≈ 0.138.
(b) Success rate P(m ≥ success_overlap) from the pattern (solid) and from the cue (dashed),
    with each curve's α_c (/capacity/alpha_c, where the trial mean of the `estimate` metric
    falls through `level`) and its 95 % bootstrap interval (/capacity/alpha_c_ci) shaded.
(c) One-step error rate (/results/unstable_fraction: the fraction of a stored pattern's bits
    that one update would flip) on a log scale, with the Hebbian theory: Φ(−1/√α) for N → ∞ and
    the finite-N form Φ(−√((N−1)/(P−1))) (derivation in one_step_error_finite_n below), with the
    exact binomial tail as open circles at the swept loads.

An output ending in .pdf is written as PDF and as PNG. Prints each path written.
Only h5py, numpy and matplotlib (Debian's python3-h5py, python3-numpy, python3-matplotlib).
"""

import math
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import images  # noqa: E402  (scripts/plot/images.py: attribute and config readers, saving)

ALPHA_C_AGS = 0.138  # thermodynamic limit of the Hebbian network (AGS 1987)
LOAD_KEYS = ("patterns.alpha", "patterns.count")


# --- Theory -------------------------------------------------------------------------------------


def ags_overlap(alpha, tol=1e-13, max_iter=100000):
    """Replica-symmetric T = 0 retrieval overlap m(α) of the Hebbian network (AGS 1987).

    The zero-temperature saddle-point equations are

        m = erf(y),   y = m / √(2αr),
        C = √(2/(παr)) · exp(−y²),
        r = 1 / (1 − C)²,

    (m: retrieval overlap, r: the noise variance from the non-condensed patterns in units of α,
    C: the susceptibility). They are iterated from the retrieval start m = 1, C = 0. Below α_c
    the iteration converges to the retrieval solution (m ≈ 0.967 at α_c); above α_c ≈ 0.138 the
    only solution is m = 0, and NaN is returned (no retrieval state).
    """
    m, c = 1.0, 0.0
    for _ in range(max_iter):
        r = 1.0 / (1.0 - c) ** 2
        y = m / math.sqrt(2.0 * alpha * r)
        m_new = math.erf(y)
        c_new = math.sqrt(2.0 / (math.pi * alpha * r)) * math.exp(-y * y)
        if c_new >= 1.0 or m_new < 1e-6:
            return float("nan")
        if abs(m_new - m) < tol and abs(c_new - c) < tol:
            return m_new
        m, c = m_new, c_new
    return float("nan")  # no convergence: at the edge of the retrieval region


def normal_cdf(x):
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


def one_step_error_limit(alpha):
    """Φ(−1/√α): the one-step error rate of the Hebbian network for N → ∞ at load α."""
    return normal_cdf(-1.0 / math.sqrt(alpha))


def one_step_error_finite_n(n, p):
    """Φ(−√((N−1)/(P−1))): the Gaussian form of the exact finite-N one-step error rate.

    Hebbian couplings with zero diagonal, w_ij = (1/N) Σ_μ ξ_i^μ ξ_j^μ (i ≠ j). At the stored
    pattern ν the aligned field of neuron i is

        ξ_i^ν h_i = (N−1)/N + (1/N) Σ_{j≠i} Σ_{μ≠ν} ξ_i^ν ξ_i^μ ξ_j^μ ξ_j^ν
                  = [(N−1) + X] / N,

    a signal (N−1)/N plus a crosstalk X/N. For fixed ξ_i and ξ^ν, the (N−1)(P−1) bits ξ_j^μ
    (j ≠ i, μ ≠ ν) are independent and uniform, so the K = (N−1)(P−1) terms of X are independent
    uniform ±1: X = 2B − K with B ~ Binomial(K, ½), exactly. The bit flips when ξ_i^ν h_i < 0
    (a tie, X = −(N−1), keeps the state), so the error rate is exactly

        P(X < −(N−1)) = P(B < (K − N + 1)/2)                      (one_step_error_exact)
                      ≈ Φ(−(N−1)/√K) = Φ(−√((N−1)/(P−1)))          (central limit)

    which tends to Φ(−1/√α) as N → ∞ with P = αN. The bits of one pattern share the couplings
    and are weakly correlated, which leaves the mean unchanged.
    """
    if p < 2:
        return 0.0
    return normal_cdf(-math.sqrt((n - 1) / (p - 1)))


def one_step_error_exact(n, p):
    """P(B < (K − N + 1)/2), B ~ Binomial(K, ½), K = (N−1)(P−1): the exact rate (see above)."""
    if p < 2:
        return 0.0
    k = (n - 1) * (p - 1)
    limit = (k - n + 1) / 2.0
    b_max = math.ceil(limit) - 1  # largest B strictly below the limit
    if b_max < 0:
        return 0.0
    b = np.arange(b_max + 1, dtype=float)
    log_pmf = (math.lgamma(k + 1) - np.vectorize(math.lgamma)(b + 1)
               - np.vectorize(math.lgamma)(k - b + 1) - k * math.log(2.0))
    top = log_pmf.max()
    return float(math.exp(top) * np.exp(log_pmf - top).sum())


# --- Reading the file ---------------------------------------------------------------------------


def decoded(value):
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def point_value_text(value):
    """A /points value as the C++ writes it into /capacity/curve ({:g} for numbers)."""
    value = decoded(value)
    if isinstance(value, (float, np.floating)):
        return f"{value:g}"
    return str(value)


def curves(h5):
    """(names, members): each curve's name and the indices of its points, sorted by load.

    A point's curve is the one whose name (in /capacity/curve: "key=value, …" over the swept
    keys other than the load, in the order of the sweep) is made of the point's "key=value"
    parts (h5py lists /points alphabetically, so the order is not relied on). Without /capacity/curve,
    the names are built here in the same way.
    """
    alpha = load_per_point(h5)
    points = alpha.size
    labels = [[] for _ in range(points)]
    if "points" in h5:
        for key, dataset in h5["points"].items():
            if key in LOAD_KEYS:
                continue
            values = dataset[()]
            for p in range(points):
                labels[p].append(f"{key}={point_value_text(values[p])}")
    if "capacity/curve" in h5:
        names = [decoded(v) for v in h5["capacity/curve"][()]]
    else:
        names = []
        for parts in labels:
            name = ", ".join(parts) or "(all points)"
            if name not in names:
                names.append(name)
    members = [[] for _ in names]
    for p, parts in enumerate(labels):
        joined = len(", ".join(parts)) if parts else len("(all points)")
        for g, name in enumerate(names):
            # Same length and every "key=value" inside: the same labels in any key order.
            if len(name) == joined and all(part in name for part in parts):
                members[g].append(p)
                break
    members = [sorted(m, key=lambda p: alpha[p]) for m in members]
    # A sweep over the load alone is one curve, which the C++ names "(all points)".
    names = ["measured" if name == "(all points)" else name for name in names]
    return names, members


def load_per_point(h5):
    if "results/alpha" in h5:
        return np.nanmean(h5["results/alpha"][()], axis=1)
    return np.asarray(h5["points/patterns.alpha"][()], dtype=float)


def trial_means(h5, name):
    """(points, trials): each trial's mean over its patterns (NaN and −1 padding skipped)."""
    data = h5[f"results/{name}"][()]
    values = data.astype(float)
    valid = np.isfinite(values) if data.dtype.kind == "f" else data >= 0
    counts = valid.sum(axis=-1)
    sums = np.where(valid, values, 0.0).sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)


def mean_sem(per_trial):
    """Mean over trials and its standard error, per point (NaN s.e. with one trial)."""
    n = np.isfinite(per_trial).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.nanmean(per_trial, axis=1) if per_trial.size else np.array([])
        sd = np.array([np.nanstd(row, ddof=1) if k > 1 else np.nan
                       for row, k in zip(per_trial, n)])
        return mean, sd / np.sqrt(np.maximum(n, 1))


def neurons_per_point(h5, config, points):
    if "points/network.neurons" in h5:
        return np.asarray(h5["points/network.neurons"][()], dtype=float).astype(int)
    value = images.config_scalar(config, "neurons", "network")
    n = int(value) if value is not None and value.isdigit() else None
    return np.full(points, n if n is not None else -1)


# --- Panels -------------------------------------------------------------------------------------


def place_legend(ax, many, loc, **kwargs):
    """Inside the axes for one or two curves; below them when more would hide the data."""
    if many:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), fontsize=7, frameon=False,
                  **kwargs)
    else:
        ax.legend(loc=loc, fontsize=7, framealpha=0.85, **kwargs)


def draw_series(ax, alpha, h5, name, members, color, label, linestyle="-", marker="o",
                log=False):
    """Trial mean ± s.e. of a metric along one curve; on a log axis zeros are left out."""
    if f"results/{name}" not in h5:
        return
    mean, sem = mean_sem(trial_means(h5, name))
    idx = np.array(members, dtype=int)
    sem = np.nan_to_num(sem)
    yerr = sem[idx]
    if log:
        idx = idx[mean[idx] > 0]
        if idx.size == 0:
            ax.plot([], [], color=color, marker=marker, linestyle=linestyle,
                    label=f"{label} (no unstable bit)")
            return
        # Asymmetric bars that stay above zero on the log axis.
        yerr = np.vstack([np.minimum(sem[idx], 0.9 * mean[idx]), sem[idx]])
    ax.errorbar(alpha[idx], mean[idx], yerr=yerr, color=color,
                linestyle=linestyle, marker=marker, markersize=3.5, linewidth=1.3, capsize=2,
                label=label, markerfacecolor=color if linestyle == "-" else "white")


def ags_curve(alpha_max):
    a = np.linspace(0.005, max(alpha_max, ALPHA_C_AGS), 400)
    m = np.array([ags_overlap(x) for x in a])
    return a, m


def draw_overlap(ax, h5, alpha, names, members, colors):
    for g, name in enumerate(names):
        draw_series(ax, alpha, h5, "overlap_from_pattern", members[g], colors[g],
                    f"{name}: from pattern")
        draw_series(ax, alpha, h5, "overlap_from_cue", members[g], colors[g],
                    f"{name}: from cue", linestyle="--", marker="s")
    a, m = ags_curve(np.nanmax(alpha))
    ax.plot(a, m, color="black", linewidth=1.6, zorder=5,
            label="AGS replica-symmetric T = 0 (Hebbian, N → ∞)")
    last = np.flatnonzero(np.isfinite(m))
    if last.size:
        a_end, m_end = a[last[-1]], m[last[-1]]
        ax.plot([a_end, a_end], [m_end, 0.0], color="black", linewidth=0.8, linestyle=":")
    ax.set_xlabel("load α = P/N")
    ax.set_ylabel("final overlap m")
    ax.set_ylim(min(0.0, ax.get_ylim()[0]), 1.02)
    ax.set_title("(a) retrieval overlap", loc="left", fontsize=10)
    place_legend(ax, len(names) > 2, "lower left")


def draw_success(ax, h5, alpha, names, members, colors, config):
    threshold = images.config_float(config, "success_overlap", "experiment")
    estimate = images.config_scalar(config, "estimate", "experiment") or "success_from_pattern"
    level = images.config_float(config, "level", "experiment")
    for g, name in enumerate(names):
        draw_series(ax, alpha, h5, "success_from_pattern", members[g], colors[g],
                    f"{name}: from pattern")
        draw_series(ax, alpha, h5, "success_from_cue", members[g], colors[g],
                    f"{name}: from cue", linestyle="--", marker="s")
    if "capacity/alpha_c" in h5:
        alpha_c = h5["capacity/alpha_c"][()]
        ci = h5["capacity/alpha_c_ci"][()] if "capacity/alpha_c_ci" in h5 else None
        for g in range(min(len(names), alpha_c.size)):
            if not np.isfinite(alpha_c[g]):
                ax.plot([], [], color=colors[g], linestyle="-.",
                        label=f"{names[g]}: α_c outside the sweep")
                continue
            text = f"α_c = {alpha_c[g]:.4f}"
            if ci is not None and np.any(np.isfinite(ci[g])):
                # A NaN bound lies outside the sweep: shade to the end of the swept loads.
                idx = members[g]
                lo = ci[g, 0] if np.isfinite(ci[g, 0]) else np.nanmin(alpha[idx])
                hi = ci[g, 1] if np.isfinite(ci[g, 1]) else np.nanmax(alpha[idx])
                ax.axvspan(lo, hi, color=colors[g], alpha=0.15, linewidth=0)
                bound = [f"{b:.4f}" if np.isfinite(b) else "outside sweep" for b in ci[g]]
                text += f" [{bound[0]}, {bound[1]}]"
            ax.axvline(alpha_c[g], color=colors[g], linewidth=1.2, linestyle="-.",
                       label=f"{names[g]}: {text}")
    if level is not None and estimate.startswith("success"):
        ax.axhline(level, color="0.5", linewidth=0.8, linestyle=":")
    ax.axvline(ALPHA_C_AGS, color="black", linewidth=0.9, linestyle=":",
               label=f"α_c = {ALPHA_C_AGS} (AGS, N → ∞)")
    ax.set_xlabel("load α = P/N")
    label = f"P(m ≥ {threshold:g})" if threshold is not None else "success rate"
    ax.set_ylabel(f"success rate {label}")
    ax.set_ylim(-0.03, 1.03)
    ax.set_title("(b) success rate; α_c with its 95% bootstrap interval", loc="left",
                 fontsize=10)
    handles, labels = ax.get_legend_handles_labels()
    rule = f"α_c: where the trial mean of {estimate} falls through {level:g}" \
        if level is not None else "α_c"
    place_legend(ax, len(names) > 2, "lower left", handles=handles, labels=labels, title=rule,
                 title_fontsize=7)


def draw_errors(ax, h5, alpha, names, members, colors, neurons):
    for g, name in enumerate(names):
        draw_series(ax, alpha, h5, "unstable_fraction", members[g], colors[g], name, log=True)
    a = np.linspace(max(0.005, 0.8 * np.nanmin(alpha)), 1.05 * np.nanmax(alpha), 300)
    ax.plot(a, [one_step_error_limit(x) for x in a], color="black", linewidth=1.5,
            label="Hebbian theory Φ(−1/√α), N → ∞")
    for n in np.unique(neurons[neurons > 0]):
        p = a * n
        ax.plot(a, [one_step_error_finite_n(n, x) for x in p], color="black", linewidth=1.0,
                linestyle="--", label=f"Hebbian, N = {n}: Φ(−√((N−1)/(P−1)))")
        at = sorted({int(round(x * n)) for x, k in zip(alpha, neurons) if k == n})
        exact = [(q / n, one_step_error_exact(n, q)) for q in at if q >= 2]
        if exact:
            xs, ys = zip(*exact)
            ax.plot(xs, ys, linestyle="none", marker="o", markersize=6, markerfacecolor="none",
                    markeredgecolor="black", markeredgewidth=0.8,
                    label=f"exact binomial tail, N = {n}")
    ax.set_yscale("log")
    positive = trial_means(h5, "unstable_fraction") if "results/unstable_fraction" in h5 else None
    if positive is not None and np.any(positive > 0):
        ax.set_ylim(bottom=max(1e-7, 0.3 * np.nanmin(positive[positive > 0])))
    ax.set_xlabel("load α = P/N")
    ax.set_ylabel("one-step error rate (fraction of unstable bits)")
    ax.set_title("(c) one-step errors at the stored patterns", loc="left", fontsize=10)
    place_legend(ax, len(names) > 2, "lower right")


def title(h5, config, neurons):
    config_file = images.text_attribute(h5, "config_file")
    source = f" ({Path(config_file).name})" if config_file else ""
    parts = []
    distinct = np.unique(neurons[neurons > 0])
    if distinct.size == 1:
        parts.append(f"N = {distinct[0]}")
    trials = h5["results/alpha"].shape[1] if "results/alpha" in h5 else None
    if trials is not None:
        parts.append(f"{trials} trial{'s' if trials != 1 else ''} per load")
    parts.append("± standard error over trials")
    return f"capacity{source}: " + ", ".join(parts)


def draw_capacity(h5):
    config = images.text_attribute(h5, "config")
    alpha = load_per_point(h5)
    names, members = curves(h5)
    neurons = neurons_per_point(h5, config, alpha.size)
    cycle = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    colors = [cycle[g % len(cycle)] for g in range(len(names))]
    height = 5.2 if len(names) <= 2 else 5.2 + 0.3 * (2 * len(names) + 3)
    fig, axes = plt.subplots(1, 3, figsize=(17, height), layout="constrained")
    draw_overlap(axes[0], h5, alpha, names, members, colors)
    draw_success(axes[1], h5, alpha, names, members, colors, config)
    draw_errors(axes[2], h5, alpha, names, members, colors, neurons)
    fig.suptitle(title(h5, config, neurons), fontsize=11)
    return fig


def main(argv=None):
    return images.figure_main("capacity.py", "Draw retrieval, success rate and one-step errors against the load of a capacity run.", draw_capacity, argv)


if __name__ == "__main__":
    sys.exit(main())
