#!/usr/bin/python3
"""Derrida, Gardner & Zippelius (1987): the strongly diluted asymmetric network.

Usage: derrida1987_dilute.py RESULTS.h5 [-o OUT.png] [--rows]

Run by scripts/reproduce.sh on configs/papers/derrida1987_dilute.yaml (K inputs per neuron,
synchronous T = 0 dynamics from cues; /trajectories/overlap holds the overlap after every
step). For K ≪ ln N the inputs of a neuron are never correlated through the dynamics, and the
overlap follows m_{t+1} = erf(m_t/√(2α)), α = P/K, with a retrieval fixed point m* > 0 for
α < α_c = 2/π.

(a) m_t against t for each load and start, with the map iterated from the measured m₀: dotted
    the N → ∞ form erf(m/√(2α)), solid its exact finite-K form (theory.dgz_map_finite:
    binomial signal over the K inputs, binomial crosstalk of the other P − 1 patterns, ties
    keep the state).
(b) The overlap after the last step against α, with the stable fixed point of the map (from
    m₀ = 1) and α_c = 2/π.
"""

import math
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
import theory  # noqa: E402

ORDER = 9
TITLE = "Derrida, Gardner & Zippelius 1987: strongly diluted asymmetric network"
PAPER = "Derrida, Gardner & Zippelius 1987, Europhys. Lett. 4:167"
INPUTS = 40


def _inputs(h5):
    for line in common.config_text(h5).splitlines():
        if "inputs:" in line:
            return int(line.split("inputs:")[1].split(",")[0].split("}")[0])
    return INPUTS


def _data(h5):
    traj = h5["trajectories/overlap"][()]  # (points, trials, probes, steps + 1)
    mean = np.nanmean(traj, axis=(1, 2))
    per_trial = np.nanmean(traj, axis=2)  # (points, trials, steps + 1)
    p = common.points(h5, "patterns.count").astype(int)
    return p, mean, per_trial


def _iterate(m0, steps, step):
    out = [m0]
    for _ in range(steps):
        out.append(step(out[-1]))
    return np.array(out)


def figure(h5):
    k = _inputs(h5)
    p, mean, _ = _data(h5)
    fig, (a, b) = common.new_figure(2, width_per_panel=5.4)
    loads = sorted(set(p))
    steps = mean.shape[1] - 1
    t = np.arange(steps + 1)
    for j, pp in enumerate(loads):
        color = f"C{j}"
        for q in np.where(p == pp)[0]:
            a.plot(t, mean[q], "o", color=color, ms=3.5,
                   label=f"α = P/K = {pp / k:.2f}" if q == np.where(p == pp)[0][0] else None)
            a.plot(t, _iterate(mean[q, 0], steps, lambda m: theory.dgz_map_finite(m, k, pp)),
                   "-", color=color, lw=1)
            a.plot(t, _iterate(mean[q, 0], steps, lambda m: float(theory.dgz_map(m, pp / k))),
                   ":", color=color, lw=1)
    a.plot([], [], "k-", label="finite-K map")
    a.plot([], [], "k:", label="erf(m/√(2α))")
    a.set_xlabel("synchronous step t")
    a.set_ylabel("overlap m_t")
    a.set_title(f"(a) overlap per step, K = {k}", loc="left", fontsize=10)
    a.legend(fontsize=6.5, ncol=2)

    aa = np.linspace(0.05, 1.0, 200)
    b.plot(aa, [theory.dgz_fixed_point(x) for x in aa], "k:", label="fixed point of erf(m/√(2α))")
    pk = np.arange(2, int(k * 1.0) + 1)
    b.plot(pk / k, [theory.dgz_fixed_point_finite(k, x) for x in pk], "k-", lw=1,
           label="fixed point of the finite-K map")
    b.axvline(2 / math.pi, color="C3", ls="--", label="α_c = 2/π")
    for q in range(len(p)):
        b.plot(p[q] / k, mean[q, -1], "o", color="C0" if mean[q, 0] > 0.6 else "C1", ms=5)
    b.plot([], [], "o", color="C0", label=f"after {steps} steps, m₀ = 0.9")
    b.plot([], [], "o", color="C1", label=f"after {steps} steps, m₀ = 0.4")
    b.set_xlabel("α = P/K")
    b.set_ylabel("overlap")
    b.set_title("(b) retrieval below α_c = 2/π", loc="left", fontsize=10)
    b.legend(fontsize=7)
    fig.suptitle(f"{TITLE}; N = {common.neurons(h5)}, {common.trials(h5)} trials", fontsize=10)
    return fig


def rows(h5):
    k = _inputs(h5)
    p, mean, per_trial = _data(h5)
    steps = mean.shape[1] - 1
    devs, devs3, devs_inf = [], [], []
    for q in range(len(p)):
        fin = _iterate(mean[q, 0], steps, lambda m: theory.dgz_map_finite(m, k, p[q]))
        inf = _iterate(mean[q, 0], steps, lambda m: float(theory.dgz_map(m, p[q] / k)))
        devs.append(np.max(np.abs(mean[q] - fin)))
        devs3.append(np.max(np.abs(mean[q, :4] - fin[:4])))
        devs_inf.append(np.max(np.abs(mean[q] - inf)))
    worst = int(np.argmax(devs))
    # Retrieval below α_c: from m0 = 0.9 the overlap stays high for α well below 2/π and decays
    # towards 0 well above it (finite-K loads: (P − 1)/K).
    below = [q for q in range(len(p)) if (p[q] - 1) / k < 0.5 and mean[q, 0] > 0.6]
    above = [q for q in range(len(p)) if (p[q] - 1) / k > 0.75 and mean[q, 0] > 0.6]
    ok_ret = all(mean[q, -1] > 0.5 for q in below) and all(mean[q, -1] < mean[q, 0] - 0.3
                                                          for q in above)
    ok = max(devs3) <= 0.02 and ok_ret
    return [common.Row(
        result="overlap per synchronous step and retrieval below α_c = 2/π (dilute, "
               "asymmetric)",
        paper=PAPER,
        published="m_{t+1} = erf(m_t/√(2α)) at every step; α_c = 2/π = 0.637",
        ours=f"largest |m_t − finite-K map| over the first 3 steps {max(devs3):.3f}, over all "
             f"{steps} steps {devs[worst]:.3f} (P = {p[worst]}; {len(p)} runs); against "
             "erf(m/√(2α)): "
             f"{max(devs_inf):.3f}; from m₀ = 0.9: "
             + ", ".join(f"α = {p[q] / k:.2f} → {mean[q, -1]:.2f}" for q in range(len(p))
                         if mean[q, 0] > 0.6),
        size=f"N = {common.neurons(h5)}, K = {k}, {common.trials(h5)} trials × "
             f"{int(np.nanmax(h5['results/count'][()]))} cues",
        agrees=common.verdict(ok, partly=ok_ret),
        tolerance="|m_t − finite-K map| ≤ 0.02 for t ≤ 3; m stays > 0.5 for "
                  "(P−1)/K < 0.5 and falls by > 0.3 for (P−1)/K > 0.75",
        note="The exact DGZ solution needs K ≪ ln N (here ln N ≈ 10 < K = 40), so inputs "
             "become correlated after a few steps (the measured overlaps then drift above the "
             "map by up to a few hundredths, and the tolerance applies to t ≤ 3); the exact finite-K form (crosstalk "
             "of P − 1 patterns, binomial signal over K inputs, ties, which are frequent with "
             "integer fields at K = 40) accounts for the difference to erf(m/√(2α)) at the "
             "first steps. Near α_c the approach to the fixed point is slow, so "
             "8 steps do not reach it.")]


if __name__ == "__main__":
    sys.exit(common.main(figure, rows))
