#!/usr/bin/env python3
"""Peak RSS of every benchmark: minipy vs CPython 3.11.

Usage (from the repository root):
    cargo build --release && python3 bench/rss.py [--runs N] [bench ...]

Each script runs N times per interpreter, interleaved; the figure is the median of the peak
resident set sizes that `/usr/bin/time -f %M` reports (the whole process: binary, heap, malloc
arenas). Scripts run with their default sizes. A ratio above 1.00 is flagged OVER.
"""

import argparse
import os
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import REPO, BENCH_DIR, all_benchmarks, find_cpython  # noqa: E402


def peak_kb(cmd):
    r = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True, cwd=REPO)
    lines = r.stderr.strip().splitlines()
    if r.returncode != 0 or not lines or not lines[-1].strip().isdigit():
        raise RuntimeError(f"{' '.join(cmd)} failed: {r.stderr[-300:]}")
    return int(lines[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--minipy", default=os.path.join(REPO, "target", "release", "minipy"))
    ap.add_argument("--cpython", default=None)
    ap.add_argument("benchmarks", nargs="*")
    args = ap.parse_args()
    cpython = args.cpython or find_cpython()
    names = args.benchmarks or all_benchmarks()
    print(f"{'benchmark':16} {'minipy MB':>10} {'cpython MB':>11} {'ratio':>6}")
    over = 0
    for name in names:
        script = os.path.join(BENCH_DIR, name + ".py")
        m, c = [], []
        for _ in range(args.runs):
            m.append(peak_kb([args.minipy, script]))
            c.append(peak_kb([cpython, script]))
        mm, cm = statistics.median(m), statistics.median(c)
        flag = "  OVER" if mm > cm else ""
        over += mm > cm
        print(f"{name:16} {mm / 1024:10.1f} {cm / 1024:11.1f} {mm / cm:6.2f}{flag}", flush=True)
    print(f"{over} of {len(names)} above CPython")


if __name__ == "__main__":
    main()
