#!/usr/bin/env python3
"""Benchmark runner: minipy vs CPython 3.11 vs PyPy 3.

Usage (from the repository root):
    cargo build --release && python3 bench/run.py [options] [bench[:arg] ...]

Each benchmark script is run N times per interpreter, interleaved (run 1 of
every interpreter, then run 2 of every interpreter, ...) because the machine is
noisy.  Wall-clock time of the whole process (including start-up) is measured.
The stdout of every interpreter must be identical; a mismatch or a crash marks
the cell instead of stopping the run.  `ffi_bench` prints its own ns/op figures,
which are shown in a separate table.

A benchmark may be given as NAME:ARG to pass ARG as its size parameter
(sys.argv[1]), e.g. `python3 bench/run.py fib:25 nbody:1000 --runs 1`.
"""

import argparse
import datetime
import glob
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH_DIR)

# Known benchmarks, in table order; any other bench/*.py is appended.
ORDER = ["fib", "loops", "nbody", "binary_trees", "richards", "dict_str",
         "bigint", "nqueens", "sort_objects", "unpack_sequence", "fannkuch",
         "float_ops", "deltablue_like", "old_container", "ffi_bench"]
NOT_BENCHMARKS = {"run", "rss"}
SPECIAL_FFI = "ffi_bench"
NS_LINE = re.compile(r"^(\S+)\s+([0-9.eE+-]+)\s+ns/op\s*$")


# ---------------------------------------------------------------- discovery

def all_benchmarks():
    found = []
    for path in sorted(glob.glob(os.path.join(BENCH_DIR, "*.py"))):
        name = os.path.splitext(os.path.basename(path))[0]
        if name not in NOT_BENCHMARKS and not name.startswith("_"):
            found.append(name)
    ordered = [n for n in ORDER if n in found]
    return ordered + [n for n in found if n not in ordered]


def find_cpython():
    """The real CPython 3.11 binary, bypassing the pyenv shim (~90 ms/start)."""
    roots = []
    try:
        out = subprocess.run(["pyenv", "root"], capture_output=True, text=True,
                             timeout=20)
        if out.returncode == 0 and out.stdout.strip():
            roots.append(out.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        pass
    if os.environ.get("PYENV_ROOT"):
        roots.append(os.environ["PYENV_ROOT"])
    roots.append(os.path.expanduser("~/.pyenv"))
    for root in roots:
        hits = sorted(glob.glob(os.path.join(root, "versions", "3.11*", "bin",
                                             "python3.11")))
        if hits:
            return hits[-1]
    for name in ("python3.11",):
        p = shutil.which(name)
        if p and "shims" not in p:
            return p
    # last resort: whatever python3 is (may be a shim or another version)
    return shutil.which("python3.11") or shutil.which("python3") or "python3"


def interp_version(path):
    try:
        out = subprocess.run([path, "-c", "import sys; print(sys.version)"],
                             capture_output=True, text=True, timeout=30)
        if out.returncode == 0:
            return " ".join(out.stdout.split())
    except (OSError, subprocess.SubprocessError):
        pass
    return None


# ---------------------------------------------------------------- running

def run_once(exe, script, arg, timeout):
    cmd = [exe, script] + ([arg] if arg is not None else [])
    t0 = time.perf_counter()
    try:
        # own session so a timeout can kill the whole process group
        p = subprocess.Popen(cmd, cwd=BENCH_DIR, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, start_new_session=True)
    except FileNotFoundError:
        return {"ok": False, "error": f"not found: {exe}"}
    except PermissionError:
        return {"ok": False, "error": f"not executable: {exe}"}
    except OSError as e:
        return {"ok": False, "error": f"cannot run: {e}"}
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            p.kill()
        p.communicate()
        return {"ok": False, "error": f"timeout after {timeout}s"}
    elapsed = time.perf_counter() - t0
    stdout = out.decode("utf-8", "replace")
    stderr = err.decode("utf-8", "replace")
    res = {"ok": p.returncode == 0, "time": elapsed, "rc": p.returncode,
           "stdout": stdout}
    if p.returncode != 0:
        tail = (stderr.strip().splitlines() or stdout.strip().splitlines()
                or [""])[-1]
        res["error"] = f"exit {p.returncode}: {tail[:200]}"
    return res


def split_ffi_output(stdout):
    """(checksum text, {op: ns}) from ffi_bench output."""
    checks = []
    ns = {}
    for line in stdout.splitlines():
        m = NS_LINE.match(line)
        if m:
            try:
                ns[m.group(1)] = float(m.group(2))
            except ValueError:
                checks.append(line)
        else:
            checks.append(line)
    return "\n".join(checks), ns


def first_diff(a, b):
    la, lb = a.splitlines(), b.splitlines()
    for i in range(max(len(la), len(lb))):
        x = la[i] if i < len(la) else "<missing>"
        y = lb[i] if i < len(lb) else "<missing>"
        if x != y:
            return i + 1, x, y
    return None


def run_benchmark(name, arg, interps, runs, timeout, log):
    script = os.path.join(BENCH_DIR, name + ".py")
    is_ffi = name == SPECIAL_FFI
    cells = {k: {"runs": [], "times": [], "outputs": [], "ns": [],
                 "errors": []} for k, _ in interps}
    order = list(interps)
    for r in range(runs):
        # rotate the start interpreter each round to spread drift evenly
        rot = order[r % len(order):] + order[:r % len(order)]
        for key, exe in rot:
            cell = cells[key]
            if exe is None:
                continue
            if cell["errors"] and cell["errors"][-1].startswith("not "):
                continue                 # missing binary: don't retry
            res = run_once(exe, script, arg, timeout)
            if res["ok"]:
                cell["times"].append(res["time"])
                out = res["stdout"]
                if is_ffi:
                    out, ns = split_ffi_output(out)
                    cell["ns"].append(ns)
                cell["outputs"].append(out)
                log(f"  {name} run {r + 1}/{runs} {key}: {res['time']:.3f}s")
            else:
                cell["errors"].append(res["error"])
                log(f"  {name} run {r + 1}/{runs} {key}: FAIL ({res['error']})")

    # ---- per-cell status and output check
    result = {"name": name, "arg": arg, "cells": {}, "mismatch": []}
    ref_key = None
    for key, exe in interps:
        c = cells[key]
        status = "OK"
        if exe is None:
            status = "N/A"
        elif c["errors"] or not c["times"]:
            status = "FAIL"
        elif len(set(c["outputs"])) > 1:
            status = "UNSTABLE"          # output differs between runs
        entry = {"status": status, "times": c["times"], "errors": c["errors"],
                 "median": statistics.median(c["times"]) if c["times"] else None,
                 "stdout": c["outputs"][0] if c["outputs"] else None}
        if is_ffi and c["ns"]:
            ops = {}
            for ns in c["ns"]:
                for op, v in ns.items():
                    ops.setdefault(op, []).append(v)
            entry["ns_per_op"] = {op: statistics.median(v)
                                  for op, v in ops.items()}
        result["cells"][key] = entry
    # reference output: CPython if it ran cleanly, else first clean cell
    keys = [k for k, _ in interps]
    for key in ["cpython"] + keys:
        if key in result["cells"] and result["cells"][key]["status"] == "OK":
            ref_key = key
            break
    result["reference"] = ref_key
    if ref_key is not None:
        ref = result["cells"][ref_key]["stdout"]
        for key in keys:
            e = result["cells"][key]
            if key == ref_key or e["stdout"] is None:
                continue
            if e["stdout"] != ref:
                if e["status"] == "OK":
                    e["status"] = "MISMATCH"
                d = first_diff(ref, e["stdout"])
                result["mismatch"].append(
                    {"interp": key, "vs": ref_key, "line": d[0] if d else None,
                     "expected": d[1] if d else None,
                     "got": d[2] if d else None})
    return result


# ---------------------------------------------------------------- output

def fmt_time(e):
    if e["status"] == "N/A":
        return "-"
    if e["status"] == "FAIL":
        return "FAIL"
    s = f"{e['median']:.3f}"
    if e["status"] in ("MISMATCH", "UNSTABLE"):
        s += "!"
    return s


def ratio(a, b):
    if (a["status"] == "OK" or a["status"] == "MISMATCH") and b["status"] == "OK" \
            and a["median"] and b["median"]:
        return f"{a['median'] / b['median']:.2f}x"
    return "-"


def report(results, interps, out=sys.stdout):
    keys = [k for k, _ in interps]
    others = [k for k in keys if k != "cpython"]
    names = {"minipy": "minipy", "debian": "Debian", "pypy": "PyPy"}
    head = ["benchmark"] + [f"{k} (s)" for k in keys] + \
        [f"{names[k]}/CPy" for k in others] + ["status"]
    table = [head]
    notes = []
    for res in results:
        if res["name"] == SPECIAL_FFI:
            continue
        c = res["cells"]
        label = res["name"] + (f":{res['arg']}" if res["arg"] is not None else "")
        status = []
        for k in keys:
            if c[k]["status"] not in ("OK", "N/A"):
                status.append(f"{k} {c[k]['status']}")
        row = [label] + [fmt_time(c[k]) for k in keys]
        for k in others:
            row.append(ratio(c[k], c["cpython"]))
        row.append(", ".join(status) or "ok")
        table.append(row)
        notes.extend(cell_notes(res, keys))
    # geometric mean of the ratios over the benchmarks where both ran
    row = ["geomean"] + ["" for _ in keys]
    for k in others:
        rs = [r["cells"][k]["median"] / r["cells"]["cpython"]["median"]
              for r in results if r["name"] != SPECIAL_FFI
              and r["cells"][k]["status"] in ("OK", "MISMATCH")
              and r["cells"]["cpython"]["status"] == "OK"]
        row.append(f"{statistics.geometric_mean(rs):.2f}x" if rs else "-")
    row.append("")
    if len(table) > 2:
        table.append(row)
    if len(table) > 1:
        print_grid(table, out)

    ffi = [r for r in results if r["name"] == SPECIAL_FFI]
    for res in ffi:
        c = res["cells"]
        ops = []
        for k in keys:
            for op in (c[k].get("ns_per_op") or {}):
                if op not in ops:
                    ops.append(op)
        print(f"\nffi_bench (ns per operation, median of runs; "
              f"empty_loop is the bare loop cost):", file=out)
        t = [["operation"] + [f"{k} ns/op" for k in keys] +
             ["minipy/CPy", "Debian/CPy", "PyPy/CPy"]]
        for op in ops:
            row = [op]
            vals = {}
            for k in keys:
                e = c[k]
                v = (e.get("ns_per_op") or {}).get(op)
                if e["status"] in ("FAIL", "N/A") or v is None:
                    row.append("FAIL" if e["status"] == "FAIL" else "-")
                else:
                    vals[k] = v
                    row.append(f"{v:.1f}" + ("!" if e["status"] != "OK" else ""))
            for a in ("minipy", "debian", "pypy"):
                if a in vals and vals.get("cpython"):
                    row.append(f"{vals[a] / vals['cpython']:.2f}x")
                else:
                    row.append("-")
            t.append(row)
        if not ops:
            t.append(["(no interpreter ran it)"] + [
                fmt_time(c[k]) for k in keys] + ["-", "-", "-"])
        print_grid(t, out)
        notes.extend(cell_notes(res, keys))

    if notes:
        print("\nNotes:", file=out)
        for n in notes:
            print("  " + n, file=out)
    print("\n'!' = output differs from the reference (see notes); "
          "ratios are of median wall-clock times including start-up.",
          file=out)


def cell_notes(res, keys):
    notes = []
    for k in keys:
        e = res["cells"][k]
        if e["status"] == "FAIL":
            err = e["errors"][-1] if e["errors"] else "no successful run"
            notes.append(f"{res['name']} / {k}: FAIL: {err}")
        elif e["status"] == "UNSTABLE":
            notes.append(f"{res['name']} / {k}: output differs between runs")
    for m in res["mismatch"]:
        notes.append(f"{res['name']} / {m['interp']}: OUTPUT MISMATCH vs "
                     f"{m['vs']} at line {m['line']}: expected "
                     f"{m['expected']!r}, got {m['got']!r}")
    return notes


def print_grid(table, out):
    widths = [max(len(str(r[i])) for r in table) for i in range(len(table[0]))]
    for j, r in enumerate(table):
        cells = []
        for i, c in enumerate(r):
            cells.append(str(c).ljust(widths[i]) if i == 0
                         else str(c).rjust(widths[i]))
        print("  ".join(cells).rstrip(), file=out)
        if j == 0:
            print("  ".join("-" * w for w in widths), file=out)


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(
        description="Run minipy benchmarks against CPython 3.11 and PyPy.")
    ap.add_argument("benchmarks", nargs="*",
                    help="benchmark names (default: all), optionally NAME:ARG")
    ap.add_argument("--minipy", default=os.path.join(REPO, "target", "release",
                                                     "minipy"),
                    help="minipy binary (default: target/release/minipy)")
    ap.add_argument("--cpython", default=None,
                    help="CPython binary (default: pyenv's real 3.11 binary)")
    ap.add_argument("--pypy", default=None,
                    help="PyPy binary (default: pypy3 on PATH, if any)")
    ap.add_argument("--no-pypy", action="store_true", help="skip PyPy")
    ap.add_argument("--debian", default=None,
                    help="a second CPython 3.11 (default: Debian's PGO+LTO "
                         "/usr/bin/python3.11 if present)")
    ap.add_argument("--no-debian", action="store_true",
                    help="skip the Debian CPython column")
    ap.add_argument("--only", default=None,
                    help="comma-separated interpreters to run "
                         "(minipy,cpython,debian,pypy)")
    ap.add_argument("--runs", type=int, default=5,
                    help="runs per interpreter (default 5)")
    ap.add_argument("--timeout", type=float, default=300,
                    help="seconds before a single run counts as FAIL")
    ap.add_argument("--json", metavar="FILE", help="save results as JSON")
    ap.add_argument("--list", action="store_true", help="list benchmarks")
    ap.add_argument("-q", "--quiet", action="store_true",
                    help="no per-run progress on stderr")
    args = ap.parse_args()

    available = all_benchmarks()
    if args.list:
        print("\n".join(available))
        return 0

    selected = []
    for spec in args.benchmarks or available:
        name, _, arg = spec.partition(":")
        if name.endswith(".py"):
            name = name[:-3]
        name = os.path.basename(name)
        if name not in available:
            print(f"unknown benchmark {name!r}; known: {', '.join(available)}",
                  file=sys.stderr)
            return 2
        selected.append((name, arg if arg else None))

    minipy = os.path.abspath(args.minipy)
    cpython = args.cpython or find_cpython()
    pypy = None if args.no_pypy else (args.pypy or shutil.which("pypy3"))
    debian = None
    if not args.no_debian:
        debian = args.debian or ("/usr/bin/python3.11"
                                 if os.path.exists("/usr/bin/python3.11") else None)
        if debian and os.path.realpath(debian) == os.path.realpath(cpython):
            debian = None
    interps = [("minipy", minipy), ("cpython", cpython), ("debian", debian),
               ("pypy", pypy)]
    if args.only:
        want = set(args.only.split(","))
        interps = [(k, p if k in want else None) for k, p in interps]

    def log(msg):
        if not args.quiet:
            print(msg, file=sys.stderr, flush=True)

    log(f"minipy : {minipy}" + ("" if os.path.exists(minipy) else
                               "  (NOT FOUND: its cells will be FAIL)"))
    log(f"cpython: {cpython}")
    log(f"debian : {debian or '(not installed / skipped)'}")
    log(f"pypy   : {pypy or '(not installed / skipped)'}")

    results = []
    for name, arg in selected:
        log(f"{name}{':' + arg if arg else ''}: {args.runs} interleaved runs")
        results.append(run_benchmark(name, arg, interps, args.runs,
                                     args.timeout, log))

    report(results, interps)

    if args.json:
        meta = {
            "date": datetime.datetime.now().isoformat(timespec="seconds"),
            "machine": platform.node(),
            "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
            "cpus": os.cpu_count(),
            "runs": args.runs,
            "interpreters": {k: {"path": p,
                                 "version": interp_version(p)
                                 if p and k != "minipy" else None}
                             for k, p in interps},
        }
        for r in results:
            for e in r["cells"].values():
                if e["stdout"] is not None and len(e["stdout"]) > 2000:
                    e["stdout"] = e["stdout"][:2000] + "..."
        with open(args.json, "w") as f:
            json.dump({"meta": meta, "results": results}, f, indent=2)
        log(f"results saved to {args.json}")
    bad = any(e["status"] not in ("OK", "N/A")
              for r in results for e in r["cells"].values())
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
