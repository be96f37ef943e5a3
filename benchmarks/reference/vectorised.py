"""Best-effort vectorised numpy (bench case 2 and the learning references of case 5).

- learning: Hebbian W = Xi^T Xi / N as one float32 GEMM; pseudo-inverse W = Xi^T C^-1 Xi / N
  with the P x P overlap matrix C = Xi Xi^T / N (a P x P solve, not an N x N inverse); Storkey
  (1997) by its O(N^2 P) per-pattern update.
- async recall: incremental fields, float32: h = W s once, then one sweep over a random
  permutation per iteration; a flip of s_i adds 2 s_i W[:, i] to h; stop after a sweep with no
  flip. The per-neuron step is a Python loop: asynchronous dynamics cannot be batched.
- batched sync: K probes at once, S <- sign(W S) by sgemm until no column changes.

Usage: vectorised.py CASE ARGS...   -> JSON on stdout
  learn_hebbian N P | learn_pinv N P | learn_storkey N P | async N | sync N K | sgemm N THREADS
"""
import sys

import numpy as np

from common import best_of, blas_info, emit, flip, limit_threads, random_patterns


def hebbian(xi):
    n = xi.shape[1]
    w = xi.T @ xi
    np.fill_diagonal(w, 0)
    w /= n
    return w


def pseudo_inverse(xi):
    n = xi.shape[1]
    c = (xi @ xi.T) / n
    w = xi.T @ np.linalg.solve(c, xi) / n
    return w


def storkey(xi):
    p, n = xi.shape
    w = np.zeros((n, n), dtype=np.float32)
    for x in xi:
        h = w @ x  # h_ij = sum_{k != i, j} w_ik x_k = h_i - w_ii x_i - w_ij x_j
        hi = h[:, None] - np.diag(w)[:, None] * x[:, None] - w * x[None, :]
        w += (np.outer(x, x) - x[:, None] * hi.T - hi * x[None, :]) / n
    return w


def async_recall(w, s, rng, max_sweeps=100):
    s = s.copy()
    h = w @ s
    n = s.size
    for _ in range(max_sweeps):
        changed = False
        for i in rng.permutation(n):
            new = 1.0 if h[i] >= 0 else -1.0
            if new != s[i]:
                h += (2.0 * new) * w[:, i]
                s[i] = new
                changed = True
        if not changed:
            break
    return s


def sync_recall(w, s, max_steps=100):
    """Columns stop at a fixed point or a 2-cycle (symmetric W has no longer cycles)."""
    s = s.copy()
    previous = np.zeros_like(s)
    active = np.arange(s.shape[1])
    for _ in range(max_steps):
        if active.size == 0:
            break
        new = np.where(w @ s[:, active] >= 0, 1.0, -1.0).astype(np.float32)
        done = np.all(new == s[:, active], axis=0) | np.all(new == previous[:, active], axis=0)
        previous[:, active] = s[:, active]
        s[:, active] = new
        active = active[~done]
    return s


def main():
    case = sys.argv[1]
    args = [int(a) for a in sys.argv[2:]]
    limit_threads(args[1] if case == "sgemm" else 1)
    rng = np.random.default_rng(1)
    report = {"case": case, "args": args}
    if case.startswith("learn_"):
        n, p = args
        xi = random_patterns(rng, p, n)
        rule = {"learn_hebbian": hebbian, "learn_pinv": pseudo_inverse,
                "learn_storkey": storkey}[case]
        report["seconds"], _ = best_of(lambda: rule(xi), 1 if case == "learn_storkey" else 3)
    elif case == "async":
        (n,) = args
        p = int(round(0.1 * n))
        xi = random_patterns(rng, p, n)
        w = hebbian(xi)
        cues = [flip(rng, xi[k % p], 0.1) for k in range(8)]
        seconds, _ = best_of(lambda: [async_recall(w, c, rng) for c in cues], 2)
        report["seconds_per_probe"] = seconds / len(cues)
    elif case == "sync":
        n, k = args
        p = int(round(0.1 * n))
        xi = random_patterns(rng, p, n)
        w = hebbian(xi)
        cues = np.stack([flip(rng, xi[j % p], 0.1) for j in range(k)], axis=1)
        seconds, _ = best_of(lambda: sync_recall(w, cues), 3)
        report["seconds_per_probe"] = seconds / k
    elif case == "sgemm":
        n = args[0]
        a = rng.random((n, n), dtype=np.float32)
        b = rng.random((n, n), dtype=np.float32)
        seconds, _ = best_of(lambda: a @ b, 3)
        report["gflops"] = 2.0 * n ** 3 / seconds / 1e9
    else:
        raise SystemExit(f"unknown case {case}")
    report["blas"] = blas_info()
    emit(report)


if __name__ == "__main__":
    main()
