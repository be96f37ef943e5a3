"""Shared pieces of the numpy references: which BLAS numpy loaded, the problem instances, timing.

The references must run on an optimised BLAS (Debian's libopenblas0-pthread), or the ratios that
scripts/bench.sh prints are inflated: the reference netlib BLAS is ~15x slower on sgemm.
"""
import json
import sys
import time

import numpy as np


def blas_info():
    """The BLAS library numpy calls, as threadpoolctl reports it."""
    try:
        import threadpoolctl
    except ImportError:
        return {"library": "unknown (python3-threadpoolctl missing)", "threads": None}
    for lib in threadpoolctl.threadpool_info():
        if lib.get("user_api") == "blas":
            return {"library": f"{lib.get('internal_api')} {lib.get('version')}",
                    "filepath": lib.get("filepath"), "threads": lib.get("num_threads"),
                    "architecture": lib.get("architecture")}
    return {"library": "none found", "threads": None}


def limit_threads(n):
    """Pins numpy's BLAS to n threads (the C++ side runs with the same count)."""
    try:
        import threadpoolctl
        return threadpoolctl.threadpool_limits(limits=n, user_api="blas")
    except ImportError:
        return None


def random_patterns(rng, p, n):
    """P random bipolar patterns (rows), float32."""
    return np.where(rng.random((p, n)) < 0.5, -1.0, 1.0).astype(np.float32)


def flip(rng, pattern, fraction):
    """The pattern with exactly round(fraction * N) bits flipped."""
    cue = pattern.copy()
    idx = rng.choice(cue.size, int(round(fraction * cue.size)), replace=False)
    cue[idx] = -cue[idx]
    return cue


def best_of(fn, repeat=3):
    """Minimum wall time of repeat calls (seconds) and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def emit(report):
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
