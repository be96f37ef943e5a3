"""The common tutorial algorithm, as notebooks write it (the baseline of bench case 1).

Learning: W = sum over patterns of np.outer(p, p), zero diagonal, divided by N.
Recall, per probe: up to 20 iterations; each iteration makes N single-neuron updates at random
neurons (with replacement), s_i = sign(W[i] @ s); after each iteration the energy
-1/2 s^T W s; stop when it is unchanged.

Usage: textbook_recall.py N PROBES [ALPHA] [FLIP]   -> JSON on stdout
"""
import sys
import time

import numpy as np

from common import blas_info, emit, flip, limit_threads, random_patterns


def learn(patterns):
    n = patterns.shape[1]
    w = np.zeros((n, n))
    for p in patterns:
        w += np.outer(p, p)
    np.fill_diagonal(w, 0)
    return w / n


def recall(w, s, rng, max_iterations=20):
    n = s.size
    s = s.astype(np.float64)
    energy = -0.5 * s @ w @ s
    for _ in range(max_iterations):
        for _ in range(n):
            i = rng.integers(n)
            s[i] = 1.0 if w[i] @ s >= 0 else -1.0
        new_energy = -0.5 * s @ w @ s
        if new_energy == energy:
            break
        energy = new_energy
    return s


def main():
    n, probes = int(sys.argv[1]), int(sys.argv[2])
    alpha = float(sys.argv[3]) if len(sys.argv) > 3 else 0.1
    fraction = float(sys.argv[4]) if len(sys.argv) > 4 else 0.1
    limit_threads(1)
    rng = np.random.default_rng(1)
    p = int(round(alpha * n))
    patterns = random_patterns(rng, p, n)
    cues = [flip(rng, patterns[k % p], fraction) for k in range(probes)]
    t0 = time.perf_counter()
    w = learn(patterns)
    t1 = time.perf_counter()
    overlaps = [float(recall(w, c, rng) @ patterns[k % p]) / n for k, c in enumerate(cues)]
    t2 = time.perf_counter()
    emit({"case": "textbook", "N": n, "P": p, "probes": probes, "learn_s": t1 - t0,
          "recall_s": t2 - t1, "total_s": t2 - t0, "mean_overlap": float(np.mean(overlaps)),
          "blas": blas_info()})


if __name__ == "__main__":
    main()
