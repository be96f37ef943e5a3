#!/usr/bin/python3
"""Trajectories of a continuous-dynamics run: outputs v(t) and the Lyapunov energy E(t).

Usage: continuous.py RESULTS.h5 [-o OUT.png] [--point P] [--trial T]

Needs a run with output.save: [trajectories] (the optimise experiment writes
/trajectories/time, /trajectories/v and /trajectories/energy of shape (points, trials, record[,
neuron]), NaN-padded). (a) v_i(t) of every neuron (up to 400); (b) E(t), which never increases
for symmetric couplings at a fixed gain (Hopfield 1984).
"""

import argparse
from pathlib import Path

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("results")
    ap.add_argument("-o", "--output")
    ap.add_argument("--point", type=int, default=0)
    ap.add_argument("--trial", type=int, default=0)
    args = ap.parse_args(argv)
    out = Path(args.output) if args.output else Path(args.results).with_suffix(".traj.png")
    with h5py.File(args.results, "r") as f:
        if "/trajectories/time" not in f:
            raise SystemExit("no /trajectories/time: run with output.save: [trajectories]")
        t = f["/trajectories/time"][args.point, args.trial]
        e = f["/trajectories/energy"][args.point, args.trial]
        v = f["/trajectories/v"][args.point, args.trial]
    keep = np.isfinite(t)
    t, e, v = t[keep], e[keep], v[keep]
    fig, (a, b) = plt.subplots(1, 2, figsize=(11, 4.2))
    a.plot(t, v[:, :400], lw=0.8)
    a.set_xlabel("t / τ")
    a.set_ylabel("v_i(t)")
    a.set_title(f"outputs ({v.shape[1]} neurons)")
    b.plot(t, e, color="k")
    b.set_xlabel("t / τ")
    b.set_ylabel("E(t)")
    b.set_title("Lyapunov energy")
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    print(out)


if __name__ == "__main__":
    main()
