"""Shared by the TSP paper scripts (hopfield1985_tsp.py, wilson1988_tsp_sensitivity.py): the
instance, every tour of it, and the per-point counts of an `optimise` results file.

Published counts of the 10-city runs (Hopfield & Tank 1985, Wilson & Pawley 1988), as they are
quoted in the later literature; the original papers should be consulted for the exact wording.
"""

import itertools
import math

import numpy as np

import common

HT_VALID, HT_RUNS = 16, 20    # Hopfield & Tank 1985: 16 of 20 runs converged to valid tours
WP_VALID, WP_RUNS = 15, 100   # Wilson & Pawley 1988: 15 of 100 runs gave valid tours
HT_PAPER = "Hopfield & Tank 1985, Biol. Cybern. 52:141 (10-city problem, text)"
WP_PAPER = "Wilson & Pawley 1988, Biol. Cybern. 58:63"


def binomial(successes, runs):
    """(share, standard error √(p(1 − p)/n)) of successes out of runs."""
    p = successes / runs if runs else float("nan")
    return p, math.sqrt(p * (1 - p) / runs) if runs else float("nan")


def z_binomial(p1, s1, p2, s2):
    """|p1 − p2| in units of the combined standard error."""
    s = math.hypot(s1, s2)
    return abs(p1 - p2) / s if s > 0 else (0.0 if p1 == p2 else float("inf"))


def instance(h5):
    """(x, y) of the cities of the first trial's instance (/instances long table)."""
    x = h5["instances/x"][()]
    y = h5["instances/y"][()]
    first = (h5["instances/point"][()] == 0) & (h5["instances/trial"][()] == 0)
    return x[first], y[first]


def distances(x, y):
    return np.hypot(x[:, None] - x[None, :], y[:, None] - y[None, :])


def all_tours(x, y):
    """Every distinct tour of the instance (city 0 first, one of the two directions):
    (orders (T, n), lengths (T,)), sorted by length. 181 440 tours for n = 10."""
    n = len(x)
    d = distances(x, y)
    perms = np.array([p for p in itertools.permutations(range(1, n)) if p[0] < p[-1]],
                     dtype=np.int64)
    length = d[0, perms[:, 0]] + d[perms[:, -1], 0]
    length = length + d[perms[:, :-1], perms[:, 1:]].sum(axis=1)
    order = np.argsort(length, kind="stable")
    orders = np.concatenate([np.zeros((len(perms), 1), dtype=np.int64), perms], axis=1)
    return orders[order], length[order]


def random_tour_mean(x, y):
    """Mean length of a uniformly random tour: n × the mean distance over pairs of cities."""
    d = distances(x, y)
    n = len(x)
    return n * d.sum() / (n * (n - 1))


def distinct_lengths(lengths, digits=9):
    return np.unique(np.round(lengths, digits))


def per_point(h5):
    """Per point: runs, valid runs, the valid tours' lengths (list of arrays) and optimum."""
    valid = h5["results/valid"][()]
    objective = h5["results/objective"][()]
    optimum = np.nanmax(h5["results/optimum"][()])
    runs = (valid >= 0).sum(axis=1)
    good = (valid == 1).sum(axis=1)
    lengths = [objective[p][valid[p] == 1] for p in range(valid.shape[0])]
    return runs, good, lengths, float(optimum)


def mean_sem(values):
    values = np.asarray(values, dtype=float)
    if values.size == 0:
        return float("nan"), float("nan")
    if values.size == 1:
        return float(values[0]), float("nan")
    return float(values.mean()), float(values.std(ddof=1) / math.sqrt(values.size))


def text_points(h5, key, default):
    """The swept values of a key as text, or default at every point when it is not swept."""
    if f"points/{key}" in h5:
        return [str(v) for v in common.points(h5, key)]
    return [default] * h5["results/valid"].shape[0]


def num_points(h5, key, default):
    if f"points/{key}" in h5:
        return np.asarray(common.points(h5, key), dtype=float)
    return np.full(h5["results/valid"].shape[0], float(default))
