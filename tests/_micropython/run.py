#!/usr/bin/env python3
"""Measure minipy against MicroPython's basics and float tests (not run by `cargo test`).

    # once: get the tests (the `fetch` tool or any checkout of micropython/micropython)
    git --git-dir=MP.git archive HEAD tests/basics tests/float | tar -x -C /tmp/mp
    # then
    python3 tests/_micropython/run.py /tmp/mp [--minipy target/release/minipy] [-j 2] [-v] [filter]

A test is selected when CPython 3.11 (this script's interpreter, or $REGEN_PYTHON) runs it with
exit status 0 and its output does not contain 'SKIP'; the expected output is CPython's stdout
(MicroPython's .exp files encode MicroPython's own quirks, so they are not used). Each selected
test then runs on minipy (cwd = the test's directory, 10 s timeout) and passes when its stdout and
exit status equal CPython's. The report gives the counts and the failing tests grouped by their
first differing line (minipy's side, with stderr's last line when minipy failed), biggest group
first. CPython's results are cached in <checkout>/.cpython_cache.json (delete it to refresh).
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys

SUITES = ("tests/basics", "tests/float")
TIMEOUT = 10


def run(argv, cwd):
    try:
        p = subprocess.run(argv, cwd=cwd, capture_output=True, timeout=TIMEOUT,
                           stdin=subprocess.DEVNULL, env=dict(os.environ, PYTHONHASHSEED="0"))
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return "timeout", "", "timeout"


def collect(root):
    tests = []
    for suite in SUITES:
        d = os.path.join(root, suite)
        for name in sorted(os.listdir(d)):
            if name.endswith(".py"):
                tests.append(os.path.join(suite, name))
    return tests


def cpython_results(root, tests, jobs):
    cache_path = os.path.join(root, ".cpython_cache.json")
    cache = {}
    if os.path.exists(cache_path):
        with open(cache_path) as f:
            cache = json.load(f)
    missing = [t for t in tests if t not in cache]
    python = os.environ.get("REGEN_PYTHON", sys.executable)

    def one(t):
        path = os.path.join(root, t)
        return t, run([python, os.path.basename(path)], os.path.dirname(path))

    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        for t, (rc, out, _err) in ex.map(one, missing):
            cache[t] = {"rc": rc, "out": out}
    if missing:
        with open(cache_path, "w") as f:
            json.dump(cache, f)
    return cache


def first_diff(expected, got, err, rc):
    e, g = expected.splitlines(), got.splitlines()
    for i in range(max(len(e), len(g))):
        a = e[i] if i < len(e) else "<eof>"
        b = g[i] if i < len(g) else "<eof>"
        if a != b:
            break
    else:
        b = "<same stdout>"
    tail = err.strip().splitlines()[-1] if err.strip() else ""
    if rc != 0 and tail:
        return "status %s: %s" % (rc, tail[:150])
    return "got: " + b[:150]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("checkout")
    ap.add_argument("filter", nargs="?", default="")
    ap.add_argument("--minipy", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "target", "release", "minipy"))
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("-v", action="store_true", help="print every failing test's diff line")
    args = ap.parse_args()
    root = os.path.abspath(args.checkout)
    minipy = os.path.abspath(args.minipy)
    tests = collect(root)
    cp = cpython_results(root, tests, args.j)
    selected = [t for t in tests if cp[t]["rc"] == 0 and "SKIP" not in cp[t]["out"]
                and args.filter in t]

    def one(t):
        path = os.path.join(root, t)
        return t, run([minipy, os.path.basename(path)], os.path.dirname(path))

    failures = {}
    passed = 0
    with concurrent.futures.ThreadPoolExecutor(args.j) as ex:
        for t, (rc, out, err) in ex.map(one, selected):
            if rc == 0 and out == cp[t]["out"]:
                passed += 1
            else:
                key = first_diff(cp[t]["out"], out, err, rc)
                failures.setdefault(key, []).append(t[len("tests/basics/"):-3] if t.startswith("tests/basics/") else t[len("tests/"):-3])
    print("selected %d of %d tests (CPython-runnable); passed %d, failed %d"
          % (len(selected), len(tests), passed, len(selected) - passed))
    for key, names in sorted(failures.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print("[%d] %s" % (len(names), key))
        print("    " + " ".join(names))


if __name__ == "__main__":
    main()
