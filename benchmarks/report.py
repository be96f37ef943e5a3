"""Builds the benchmark table of scripts/bench.sh from the raw measurements of one run.

Usage: report.py RAW_DIR OUT_JSON. Every ratio is reference time / our time (> 1: we are faster);
'limit' is the fraction of the machine's measured limit (stream read bandwidth or OpenBLAS sgemm,
both measured in the same run with one thread unless the row says otherwise).
"""
import glob
import json
import os
import platform
import sys

UNIT = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def gbench(raw):
    """name -> entry (seconds in 'seconds') over every Google Benchmark JSON file."""
    out = {}
    for path in glob.glob(os.path.join(raw, "*_bench.json")) + [os.path.join(raw, "machine.json")]:
        data = load(path)
        if not data:
            continue
        for b in data.get("benchmarks", []):
            name = b["name"]
            if b.get("aggregate_name") not in (None, "mean"):
                continue
            name = name.replace("_mean", "")
            b["seconds"] = b["real_time"] * UNIT[b.get("time_unit", "ns")]
            b["program"] = os.path.basename(path)[:-5]
            out[name] = b
    return out


def find(bench, prefix):
    for name, b in bench.items():
        if name.startswith(prefix):
            return b
    return None


def main():
    raw, out_path = sys.argv[1], sys.argv[2]
    bench = gbench(raw)
    rows = []

    def row(case, ours=None, reference=None, unit="s", target=None, ratio=None, limit=None,
            met=None, note=""):
        if ratio is None and ours and reference:
            ratio = reference / ours
        rows.append({"case": case, "ours": ours, "reference": reference, "unit": unit,
                     "ratio": ratio, "limit_fraction": limit, "target": target, "met": met,
                     "note": note})

    # Limits.
    stream1 = find(bench, "BM_stream_read/1")
    stream2 = find(bench, "BM_stream_read/2")
    bw1 = stream1["bytes_per_s"] * 1.0 if stream1 else None
    bw2 = stream2["bytes_per_s"] * 1.0 if stream2 else None
    sg1 = (load(os.path.join(raw, "sgemm_1.json")) or {}).get("gflops")
    sg2 = (load(os.path.join(raw, "sgemm_2.json")) or {}).get("gflops")
    blas = (load(os.path.join(raw, "sgemm_1.json")) or {}).get("blas", {})
    if bw1:
        row("limit: stream read, 1 thread", bw1 / 2**30, unit="GiB/s")
    if bw2:
        row("limit: stream read, 2 threads", bw2 / 2**30, unit="GiB/s")
    if sg1:
        row(f"limit: sgemm ({blas.get('library')}), 1 thread", sg1, unit="GFLOP/s")
    if sg2:
        row(f"limit: sgemm ({blas.get('library')}), 2 threads", sg2, unit="GFLOP/s")

    # 1. Textbook whole job.
    for n in (1000, 4096):
        tb = load(os.path.join(raw, f"textbook_{n}.json"))
        job = load(os.path.join(raw, f"job_textbook_{n}.json"))
        if tb and job:
            target = 300.0 if n == 4096 else None
            ratio = tb["total_s"] / job["wall_s"] if job["wall_s"] > 0 else None
            row(f"1. textbook recall, whole job, N={n}, {tb['probes']} probes", job["wall_s"],
                tb["total_s"], target=target and f">= {target:.0f}x", ratio=ratio,
                met=None if target is None or ratio is None else ratio >= target,
                note=f"tutorial learn {tb['learn_s']:.1f} s + recall {tb['recall_s']:.1f} s")

    # 2. Vectorised numpy vs ours.
    for n in (1000, 4096, 8192):
        ours = find(bench, f"BM_async_recall/{n}/")
        ref = load(os.path.join(raw, f"np_async_{n}.json"))
        if ours and ref:
            t = 1.0 / ours["probes_per_s"]
            r = ref["seconds_per_probe"] / t
            row(f"2. async recall per probe, N={n}", t, ref["seconds_per_probe"], target=">= 10x",
                ratio=r, met=r >= 10, note=ours.get("label", ""))
    ours = find(bench, "BM_sync_recall/4096/256")
    ref = load(os.path.join(raw, "np_sync_4096_256.json"))
    sync_gflops = None
    if ours:
        t = 1.0 / ours["probes_per_s"]
        sync_gflops = 2.0 * 4096**2 * ours["sweeps_per_probe"] * ours["probes_per_s"] / 1e9
        if ref:
            r = ref["seconds_per_probe"] / t
            row("2. batched sync, 256 probes, N=4096 (per probe)", t, ref["seconds_per_probe"],
                target=">= 2x", ratio=r, met=r >= 2, note=ours.get("label", ""))

    # 3. Roofline.
    # With the Hebbian factor attached (the default) async recall no longer streams W, so
    # the roofline is measured on int16 couplings without it (BM_async_streaming): W once for
    # the start state's fields plus one column per flip.
    ours = find(bench, "BM_async_streaming/8192/")
    if ours and bw1:
        bytes_per_probe = ours["W_bytes"] * (1.0 + ours["flips_per_probe"] / 8192.0)
        achieved = bytes_per_probe * ours["probes_per_s"]
        f = achieved / bw1
        row("3. async N=8192, W streamed: bytes read per second", achieved / 2**30,
            unit="GiB/s", limit=f, target=">= 0.5 of stream", met=f >= 0.5,
            note=ours.get("label", "") + f", {1e3 / ours['probes_per_s']:.2f} ms/probe")
    if sync_gflops and sg1:
        f = sync_gflops / sg1
        row("3. batched sync 256 probes N=4096: equivalent GFLOP/s", sync_gflops,
            unit="GFLOP/s", limit=f, target=">= 0.5 of sgemm", met=f >= 0.5)

    # 4. Scale.
    for n in (100000, 200000):
        job = load(os.path.join(raw, f"job_scale_{n}.json"))
        out = os.path.join(raw, f"job_scale_{n}.out")
        if job and os.path.exists(out) and os.path.getsize(out) > 0:
            gib = job["max_rss_kb"] / 2**20
            met = job["wall_s"] < 60 and gib < 4 if n == 100000 else None
            row(f"4. scale N={n}, P={n // 10}, 16 probes, 2 threads (wall)", job["wall_s"],
                target="< 60 s, < 4 GiB" if n == 100000 else None, met=met,
                note=f"max RSS {gib:.2f} GiB")
        elif os.path.exists(out):
            row(f"4. scale N={n}", None, note="run failed (see the log)", met=False)

    # 5. Learning.
    ours = find(bench, "BM_learn/hebbian/8192/800")
    ref = load(os.path.join(raw, "np_learn_hebbian_8192_800.json"))
    if ours:
        gflops = 2.0 * 8192**2 * 800 / ours["seconds"] / 1e9
        f = gflops / sg1 if sg1 else None
        row("5. Hebbian learning N=8192 P=800", ours["seconds"], ref and ref["seconds"],
            limit=f, target=">= 0.5 of sgemm", met=f is not None and f >= 0.5,
            note=f"{gflops:.0f} GFLOP/s-equivalent, {ours.get('label', '')}")
    for name, key, n, p in (("Storkey", "storkey", 2000, 200),
                            ("pseudo-inverse", "pseudo_inverse", 4096, 1000)):
        ours = find(bench, f"BM_learn/{key}/{n}/{p}")
        ref = load(os.path.join(raw, f"np_learn_{'pinv' if key == 'pseudo_inverse' else key}"
                                     f"_{n}_{p}.json"))
        if ours:
            row(f"5. {name} learning N={n} P={p}", ours["seconds"], ref and ref["seconds"])

    # 6. The reference simulator's job.
    ours = find(bench, "BM_learn/hebbian/16384/1638")
    if ours:
        row("6. learning N=16384 P=1638 (1 thread)", ours["seconds"], 430.0, target="< 4 s",
            met=ours["seconds"] < 4, note="reference: fastest open-source simulator, 430 s")
    ours = find(bench, "BM_async_recall/16384/")
    if ours:
        t = 1.0 / ours["probes_per_s"]
        row("6. recall one 10%-noisy probe N=16384 (1 thread)", t, 0.75, target="< 25 ms",
            met=t < 0.025, note=ours.get("label", ""))
    job = load(os.path.join(raw, "job_n16384.json"))
    if job:
        mb = job["max_rss_kb"] / 1024
        row("6. whole job N=16384 P=1638, 1 probe, 2 threads (wall)", job["wall_s"],
            target="< 600 MB", met=mb < 600, note=f"max RSS {mb:.0f} MB (reference 2.1 GB)")

    # 7. Scaling of a sweep.
    def num(name):
        try:
            with open(os.path.join(raw, name)) as f:
                return float(f.read().strip())
        except (OSError, ValueError):
            return None
    t1, t2, r1, r2 = (num(f"sweep_{x}.txt") for x in ("t1", "t2", "r1", "r2"))
    tasks = num("sweep_tasks.txt")
    if t1 and t2:
        row(f"7. sweep of {tasks:.0f} tasks: 1 -> 2 threads", t2, t1, ratio=t1 / t2)
    if r1 and r2:
        row(f"7. sweep of {tasks:.0f} tasks: 1 -> 2 MPI ranks", r2, r1, ratio=r1 / r2)

    # Every other benchmark, as measured.
    shown = ("BM_stream_read", "BM_learn/", "BM_async_recall", "BM_sync_recall")
    for name, b in sorted(bench.items()):
        if not name.startswith(shown):
            row(f"{b['program']}: {name}", b["seconds"], note=b.get("label", ""))

    machine = {"cores": os.cpu_count(), "processor": platform.processor() or platform.machine(),
               "blas": blas}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    machine["processor"] = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass

    def fmt(v, unit):
        if v is None:
            return "-"
        if unit == "s":
            return f"{v * 1e3:.3g} ms" if v < 1 else f"{v:.3g} s"
        return f"{v:.3g} {unit}"

    print(f"machine: {machine['processor']}, {machine['cores']} cores; numpy BLAS: "
          f"{blas.get('library')} ({blas.get('filepath')})")
    header = f"{'case':<62}{'ours':>12}{'reference':>12}{'ratio':>9}{'limit':>7}  target / met"
    print(header)
    print("-" * len(header))
    for r in rows:
        ratio = f"{r['ratio']:.1f}x" if r["ratio"] else "-"
        limit = f"{r['limit_fraction']:.2f}" if r["limit_fraction"] is not None else "-"
        met = "" if r["met"] is None else (" yes" if r["met"] else " NO")
        target = (r["target"] or "") + met
        print(f"{r['case'][:61]:<62}{fmt(r['ours'], r['unit']):>12}"
              f"{fmt(r['reference'], r['unit']):>12}{ratio:>9}{limit:>7}  {target}"
              + (f"  [{r['note']}]" if r["note"] else ""))
    with open(out_path, "w") as f:
        json.dump({"machine": machine, "rows": rows}, f, indent=2)
    print(f"written: {out_path}")


if __name__ == "__main__":
    main()
