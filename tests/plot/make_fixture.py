#!/usr/bin/python3
"""Writes a small synthetic results file in the layout of docs/hdf5-schema.md.

The plot scripts in scripts/plot/ are tested on these files, so they can be checked without
building the C++ binary. The numbers come from a tiny NumPy Hopfield network (Hebbian couplings
normalised by N, flip noise on the cue, asynchronous updates in random-permutation order until a
sweep changes nothing), so the overlaps and energy traces look like those of a real run.

Usage: make_fixture.py OUT.h5 [--kind random|inline|idx|capacity] [--points K] [--trials T]
                       [--no-trajectories] [--no-save]

  random  N = 200 random bipolar patterns, alpha = 0.12 (0.12, 0.16, ... with --points K), 15% of the
          cue flipped, so some probes fail;
          saves only /results and /trajectories (like configs/quickstart.yaml).
  inline  the 6x6 cross and ring of configs/examples/six_by_six.yaml, with `shape: [6, 6]` in the
          config and /patterns, /probes and /trajectories saved.
  idx     three random 28x28 "images" (N = 784), no shape in the config (the plot scripts must
          infer 28x28), /patterns, /probes and /trajectories saved.
  capacity  a `capacity` run: N = 100, a grid of learning.type (hebbian, pseudo_inverse) by
          patterns.alpha (K loads from 0.05 to 0.3, default 6), 10% cue noise; /points,
          /results (per pattern), /summary and /capacity (alpha_c with a bootstrap interval)
          as the C++ experiment writes them.
"""

import argparse
import datetime

import h5py
import numpy as np

CROSS = [0, 0, 1, 1, 0, 0,
         0, 0, 1, 1, 0, 0,
         1, 1, 1, 1, 1, 1,
         1, 1, 1, 1, 1, 1,
         0, 0, 1, 1, 0, 0,
         0, 0, 1, 1, 0, 0]
RING = [0, 1, 1, 1, 1, 0,
        1, 0, 0, 0, 0, 1,
        1, 0, 0, 0, 0, 1,
        1, 0, 0, 0, 0, 1,
        1, 0, 0, 0, 0, 1,
        0, 1, 1, 1, 1, 0]

# Resolved configs in the block style the C++ YAML emitter writes (flow style for `inline` would
# also be valid YAML; the block form is the harder one for the regex-based readers).
CONFIG_RANDOM = """experiment:
  type: recall
  probes: all
  success_overlap: 0.95
seed: 42
network:
  neurons: {neurons}
  representation: bipolar
patterns:
  type: random
  alpha: 0.12
learning:
  type: hebbian
noise:
  - type: flip
    fraction: 0.15
dynamics:
  type: async
  order: random_permutation
  max_sweeps: 100
  stop: fixed_point
measure:
  - overlap
  - max_overlap
  - hamming
  - energy
  - energy_trace
  - sweeps
  - converged
  - cycle
  - success
sweep:
  trials: {trials}
output:
  path: results/fixture.h5
"""

CONFIG_INLINE = """experiment:
  type: recall
  probes:
    type: inline
    shape:
      - 6
      - 6
    rows:
      - [0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0]
  targets:
    - 0
  success_overlap: 1.0
seed: 1
network:
  representation: bipolar
patterns:
  type: inline
  shape:
    - 6
    - 6
  labels:
    - 0
    - 1
learning:
  type: hebbian
dynamics:
  type: async
  order: sequential
  max_sweeps: 20
measure:
  - overlap
  - hamming
  - energy
  - energy_trace
  - sweeps
  - converged
  - success
sweep:
  trials: {trials}
output:
  path: results/six_by_six.h5
  save:
    - patterns
    - probes
    - trajectories
"""

CONFIG_IDX = """experiment: {{type: recall, probes: all, success_overlap: 0.9}}
seed: 7
network: {{representation: binary}}
patterns: {{type: idx, images: train-images-idx3-ubyte.gz, classes: [0, 1, 2], per_class: 1}}
learning: {{type: covariance, rho: global}}
noise: [{{type: flip, fraction: 0.2}}]
dynamics: {{type: async, order: random_with_replacement, max_sweeps: 20, stop: energy_unchanged}}
sweep: {{trials: {trials}}}
output: {{path: results/fashion_mnist.h5, save: [patterns, probes, trajectories]}}
"""


def hebbian(xi):
    """W = (1/N) sum_mu xi xi^T with zero diagonal, xi bipolar (P, N)."""
    n = xi.shape[1]
    w = xi.T.astype(float) @ xi.astype(float) / n
    np.fill_diagonal(w, 0.0)
    return w


def energy(w, s):
    return -0.5 * s @ w @ s


def run_async(w, s, rng, max_sweeps, order):
    """Asynchronous dynamics until a sweep changes nothing; returns (state, trace, converged)."""
    s = s.astype(float).copy()
    n = len(s)
    trace = [energy(w, s)]
    converged = False
    for _ in range(max_sweeps):
        changed = False
        for i in (rng.permutation(n) if order == "random" else range(n)):
            h = w[i] @ s
            if h != 0.0 and np.sign(h) != s[i]:
                s[i] = np.sign(h)
                changed = True
        trace.append(energy(w, s))
        if not changed:
            converged = True
            break
    return s, trace, converged


def build(kind, points, trials, seed):
    rng = np.random.default_rng(seed)
    if kind == "random":
        n = 200
        loads = [0.12 + 0.04 * k for k in range(points)]
        sizes = [max(1, round(a * n)) for a in loads]
        cue_flip, order, binary = 0.15, "random", False
    elif kind == "inline":
        n, sizes, loads = 36, [2] * points, [2 / 36] * points
        cue_flip, order, binary = None, "sequential", False
    else:
        n, sizes, loads = 784, [3] * points, [3 / 784] * points
        cue_flip, order, binary = 0.2, "random", True
    max_p = max(sizes)
    # inline: one probe (the noisy cross of six_by_six.yaml); otherwise every stored pattern.
    max_probes = 1 if kind == "inline" else max_p

    shape = (points, trials, max_probes)
    f = {name: np.full(shape, np.nan) for name in ("overlap", "max_overlap", "energy")}
    i = {name: np.full(shape, -1, dtype=np.int64)
         for name in ("max_overlap_index", "hamming", "sweeps", "converged", "cycle", "success")}
    count = np.zeros((points, trials), dtype=np.int64)
    stored = np.zeros((points, trials), dtype=np.int64)
    # Integer datasets, int8 states included, are padded with -1 (as the C++ Record does).
    patterns = np.full((points, trials, max_p, n), -1, dtype=np.int8)
    cues = np.full((points, trials, max_probes, n), -1, dtype=np.int8)
    finals = np.full((points, trials, max_probes, n), -1, dtype=np.int8)
    targets = np.full(shape, -1, dtype=np.int64)
    traces = {}
    threshold = {"random": 0.95, "inline": 1.0, "idx": 0.9}[kind]

    for pi, p in enumerate(sizes):
        for ti in range(trials):
            if kind == "inline":
                xi = 2 * np.array([CROSS, RING], dtype=np.int64) - 1
                # The cue of six_by_six.yaml: the cross with neurons 15, 23 and 25 flipped.
                flipped = np.isin(np.arange(n), [15, 23, 25])
                probes = [np.where(flipped, -1, 1) * (2 * np.array(CROSS) - 1)]
                probe_targets = [0]
            else:
                xi = rng.choice([-1, 1], size=(p, n))
                probes = []
                for mu in range(p):
                    flip = rng.random(n) < cue_flip
                    probes.append(np.where(flip, -xi[mu], xi[mu]))
                probe_targets = list(range(p))
            w = hebbian(xi)
            stored[pi, ti] = p
            count[pi, ti] = len(probes)
            patterns[pi, ti, :p] = (xi + 1) // 2 if binary else xi
            for k, cue in enumerate(probes):
                s, trace, conv = run_async(w, cue, rng, 20, order)
                m = xi @ s / n
                t = probe_targets[k]
                f["overlap"][pi, ti, k] = m[t]
                f["max_overlap"][pi, ti, k] = m.max()
                f["energy"][pi, ti, k] = trace[-1]
                i["max_overlap_index"][pi, ti, k] = int(np.argmax(m))
                i["hamming"][pi, ti, k] = int(np.sum(s != xi[t]))
                i["sweeps"][pi, ti, k] = len(trace) - 1
                i["converged"][pi, ti, k] = int(conv)
                i["cycle"][pi, ti, k] = 0
                i["success"][pi, ti, k] = int(m[t] >= threshold)
                targets[pi, ti, k] = t
                cues[pi, ti, k] = (cue + 1) // 2 if binary else cue
                finals[pi, ti, k] = (s + 1) // 2 if binary else s
                traces[(pi, ti, k)] = trace
    longest = max(len(t) for t in traces.values())
    energy_trace = np.full((points, trials, max_probes, longest), np.nan)
    for (pi, ti, k), trace in traces.items():
        energy_trace[pi, ti, k, :len(trace)] = trace
    return dict(n=n, loads=loads, f=f, i=i, count=count, stored=stored, patterns=patterns,
                cues=cues, finals=finals, targets=targets, energy_trace=energy_trace)


DESCRIPTIONS = {
    "overlap": ("overlap m = (1/N) sum_i xi_i s_i of the final state with the probe's target "
                "pattern (NaN when the probe has no target)", ""),
    "max_overlap": ("largest overlap max_mu m_mu of the final state with any stored pattern", ""),
    "energy": ("energy E = -1/2 s^T W s + theta^T s - I^T s of the final state", ""),
    "max_overlap_index": ("index mu of the stored pattern with the largest overlap", ""),
    "hamming": ("number of neurons where the final state differs from the target pattern", ""),
    "sweeps": ("full sweeps (N updates each) or synchronous steps performed", "sweeps"),
    "converged": ("1 if the dynamics reached a fixed point, else 0", ""),
    "cycle": ("1 if the synchronous dynamics ended in a 2-cycle, else 0", ""),
    "success": ("1 if the overlap with the target is at least experiment.success_overlap, "
                "else 0 (-1 when the probe has no target)", ""),
}


def write_dataset(h5, path, data, dims, description, unit=""):
    ds = h5.create_dataset(path, data=data)
    ds.attrs["description"] = description
    ds.attrs["unit"] = unit
    ds.attrs.create("dims", np.array(dims, dtype=object), dtype=h5py.string_dtype())
    return ds


CONFIG_CAPACITY = """experiment:
  type: capacity
  probes: 0
  success_overlap: 0.9
  estimate: success_from_pattern
  level: 0.5
  bootstrap: 200
seed: 3
network:
  neurons: {neurons}
  representation: bipolar
patterns:
  type: random
  alpha: 0.1
learning:
  type: hebbian
noise:
  - type: flip
    fraction: 0.1
dynamics:
  type: async
  order: random_permutation
  max_sweeps: 30
sweep:
  trials: {trials}
  grid:
    learning.type:
      - hebbian
      - pseudo_inverse
    patterns.alpha:
      linspace:
        - 0.05
        - 0.3
        - {points}
output:
  path: results/capacity_fixture.h5
"""


def pseudo_inverse(xi):
    """W = (1/N) Xi^T C^-1 Xi with C = Xi Xi^T / N (Personnaz et al. 1985), zero diagonal."""
    n = xi.shape[1]
    x = xi.astype(float)
    w = x.T @ np.linalg.pinv(x @ x.T / n) @ x / n
    np.fill_diagonal(w, 0.0)
    return w


def crossing(alpha, y, level):
    """First load where y falls through level (linear interpolation), as capacity.cpp does."""
    for k in range(len(alpha) - 1):
        if np.isnan(y[k]) or np.isnan(y[k + 1]):
            continue
        if y[k] >= level > y[k + 1]:
            t = (y[k] - level) / (y[k] - y[k + 1])
            return alpha[k] + t * (alpha[k + 1] - alpha[k])
    return np.nan


def build_capacity(points, trials, seed):
    """Per-pattern capacity metrics of a tiny network; returns datasets by path."""
    rng = np.random.default_rng(seed)
    n = 100
    rules = {"hebbian": hebbian, "pseudo_inverse": pseudo_inverse}
    loads = np.linspace(0.05, 0.3, points)
    sizes = [max(1, round(a * n)) for a in loads]
    grid = [(rule, a, p) for rule in rules for a, p in zip(loads, sizes)]
    max_p = max(sizes)
    shape = (len(grid), trials, max_p)
    out = {name: np.full(shape, np.nan) for name in
           ("unstable_fraction", "overlap_from_pattern", "overlap_from_cue")}
    out.update({name: np.full(shape, -1, dtype=np.int64) for name in
                ("fixed_point", "success_from_pattern", "sweeps_from_pattern",
                 "success_from_cue")})
    count = np.zeros((len(grid), trials), dtype=np.int64)
    alpha = np.zeros((len(grid), trials))
    data = {}
    for ti in range(trials):
        # Common random numbers: the same patterns and cues at every point of the trial.
        xi_all = rng.choice([-1, 1], size=(max_p, n))
        flips = rng.random((max_p, n)) < 0.1
        for pi, (rule, _, p) in enumerate(grid):
            xi = xi_all[:p]
            w = rules[rule](xi)
            count[pi, ti] = p
            alpha[pi, ti] = p / n
            for mu in range(p):
                h = w @ xi[mu]
                unstable = np.sum((h != 0) & (np.sign(h) != xi[mu]))
                out["fixed_point"][pi, ti, mu] = int(unstable == 0)
                out["unstable_fraction"][pi, ti, mu] = unstable / n
                s, trace, _ = run_async(w, xi[mu], rng, 30, "random")
                m = xi[mu] @ s / n
                out["overlap_from_pattern"][pi, ti, mu] = m
                out["success_from_pattern"][pi, ti, mu] = int(m >= 0.9)
                out["sweeps_from_pattern"][pi, ti, mu] = len(trace) - 1
                cue = np.where(flips[mu], -xi[mu], xi[mu])
                s, _, _ = run_async(w, cue, rng, 30, "random")
                m = xi[mu] @ s / n
                out["overlap_from_cue"][pi, ti, mu] = m
                out["success_from_cue"][pi, ti, mu] = int(m >= 0.9)
    for name, values in out.items():
        data[f"/results/{name}"] = values
    data["/results/count"] = count
    data["/results/alpha"] = alpha
    data["/results/learning_converged"] = np.ones_like(count)
    data["/points/learning.type"] = [rule for rule, _, _ in grid]
    data["/points/patterns.alpha"] = np.array([a for _, a, _ in grid])
    for name, values in out.items():
        valid = np.isfinite(values) if values.dtype.kind == "f" else values >= 0
        per_trial = np.where(valid, values, 0).sum(axis=-1) / valid.sum(axis=-1)
        data[f"/summary/{name}_mean"] = per_trial.mean(axis=1)
        data[f"/summary/{name}_sem"] = per_trial.std(axis=1, ddof=1) / np.sqrt(trials)
    # /capacity: alpha_c of each rule from the trial mean of success_from_pattern, and a 95%
    # percentile bootstrap over trials (resampled jointly across the curve's points).
    success = out["success_from_pattern"]
    per_trial = np.where(success >= 0, success, 0).sum(axis=-1) / (success >= 0).sum(axis=-1)
    names, alpha_c, ci = [], [], []
    for rule in rules:
        idx = [k for k, (r, _, _) in enumerate(grid) if r == rule]
        a = alpha[idx, 0]
        alpha_c.append(crossing(a, per_trial[idx].mean(axis=1), 0.5))
        boot = [crossing(a, per_trial[idx][:, rng.integers(0, trials, trials)].mean(axis=1), 0.5)
                for _ in range(200)]
        boot = np.array(boot)
        boot = boot[np.isfinite(boot)]
        ci.append(np.percentile(boot, [2.5, 97.5]) if boot.size else [np.nan, np.nan])
        names.append(f"learning.type={rule}")
    data["/capacity/alpha_c"] = np.array(alpha_c)
    data["/capacity/alpha_c_ci"] = np.array(ci, dtype=float)
    data["/capacity/curve"] = names
    return n, data


def write_capacity(out, points, trials):
    n, data = build_capacity(points, trials, seed=2024)
    config = CONFIG_CAPACITY.format(neurons=n, trials=trials, points=points)
    text = h5py.string_dtype()
    dims = {"/results": ["point", "trial", "pattern"], "/summary": ["point"],
            "/points": ["point"], "/capacity": ["curve", "bound"]}
    with h5py.File(out, "w") as h5:
        h5.attrs.create("format", "hopfield-results", dtype=text)
        h5.attrs["format_version"] = np.int64(1)
        h5.attrs.create("experiment", "capacity", dtype=text)
        h5.attrs["seed"] = np.int64(3)
        h5.attrs.create("config", config, dtype=text)
        h5.attrs.create("config_file", "tests/plot/fixture_capacity.yaml", dtype=text)
        for path, values in data.items():
            group = "/" + path.split("/")[1]
            if isinstance(values, list):
                values = np.array(values, dtype=object)
                ds = h5.create_dataset(path, data=values, dtype=text)
                ds.attrs.create("dims", np.array(dims[group][:1], dtype=object), dtype=text)
                continue
            write_dataset(h5, path, values, dims[group][:values.ndim], path)
    print(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("--kind", choices=["random", "inline", "idx", "capacity"],
                        default="random")
    parser.add_argument("--points", type=int, default=None,
                        help="sweep points (default 1; 6 loads per rule for capacity)")
    parser.add_argument("--trials", type=int, default=3)
    parser.add_argument("--no-trajectories", action="store_true",
                        help="leave out /trajectories (as a run without energy_trace would)")
    parser.add_argument("--no-save", action="store_true",
                        help="leave out /patterns and /probes")
    args = parser.parse_args()
    if args.kind == "capacity":
        write_capacity(args.out, args.points or 6, args.trials)
        return
    args.points = args.points or 1

    data = build(args.kind, args.points, args.trials, seed=12345)
    template = {"random": CONFIG_RANDOM, "inline": CONFIG_INLINE, "idx": CONFIG_IDX}[args.kind]
    config = template.format(neurons=data["n"], trials=args.trials)
    save = args.kind != "random" and not args.no_save
    text = h5py.string_dtype()
    with h5py.File(args.out, "w") as h5:
        h5.attrs.create("format", "hopfield-results", dtype=text)
        h5.attrs["format_version"] = np.int64(1)
        h5.attrs.create("software_version", "0.1.0", dtype=text)
        h5.attrs.create("git_commit", "fixture", dtype=text)
        h5.attrs.create("experiment", "recall", dtype=text)
        h5.attrs["seed"] = np.int64(42)
        h5.attrs.create("config", config, dtype=text)
        h5.attrs.create("config_file", f"tests/plot/fixture_{args.kind}.yaml", dtype=text)
        created = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        h5.attrs.create("created", created, dtype=text)

        dims = ["point", "trial", "probe"]
        if args.points > 1:
            write_dataset(h5, "/points/patterns.alpha", np.array(data["loads"]), ["point"],
                          "value of patterns.alpha at each sweep point")
        for name, values in list(data["f"].items()) + list(data["i"].items()):
            if args.kind == "inline" and name in ("max_overlap", "max_overlap_index", "cycle"):
                continue  # six_by_six.yaml does not ask for these measures
            description, unit = DESCRIPTIONS[name]
            write_dataset(h5, f"/results/{name}", values, dims, description, unit)
        write_dataset(h5, "/results/count", data["count"], ["point", "trial"],
                      "number of probes presented in this (point, trial)")
        write_dataset(h5, "/results/patterns_stored", data["stored"], ["point", "trial"],
                      "number of stored patterns P")
        write_dataset(h5, "/results/learning_converged", np.ones_like(data["stored"]),
                      ["point", "trial"], "1 if the learning rule reached its criterion")
        if not args.no_trajectories:
            write_dataset(h5, "/trajectories/energy", data["energy_trace"],
                          ["point", "trial", "probe", "sweep"],
                          "energy of the cue (sweep 0) and after every sweep; NaN-padded",
                          "energy")
        if save:
            write_dataset(h5, "/patterns/xi", data["patterns"],
                          ["point", "trial", "pattern", "neuron"],
                          "stored patterns in the network's representation")
            write_dataset(h5, "/probes/cue", data["cues"], ["point", "trial", "probe", "neuron"],
                          "cue presented to the network")
            write_dataset(h5, "/probes/final", data["finals"],
                          ["point", "trial", "probe", "neuron"], "final state of the dynamics")
            write_dataset(h5, "/probes/target", data["targets"], dims,
                          "index of the stored pattern each probe should recall")
    print(args.out)


if __name__ == "__main__":
    main()
