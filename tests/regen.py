#!/usr/bin/env python3
"""Regenerate the expected outputs of the script suites from the real CPython 3.11.

    python3 tests/regen.py                    # every tests/<suite>/*.py
    python3 tests/regen.py lang/strings.py    # given scripts (suite/name.py, or paths)
    python3 tests/regen.py gc                 # a whole suite

For each script (helper modules, whose name starts with `_`, are skipped) this runs
`python3.11 <name>.py` with the script's directory as cwd, exactly as the Rust runner
(tests/run_scripts.rs) runs minipy, and writes:

    <name>.out      stdout (always)
    <name>.err      normalised stderr, only when it is non-empty
                    (a `# err-tail: N` directive in the first lines keeps only the last N lines)
    <name>.status   the exit status, only when it is non-zero

Each script is run twice with different PYTHONHASHSEED values; a script whose output differs
between the runs depends on hash order or other nondeterminism and is reported as an error.
The interpreter must be CPython 3.11: `$(pyenv root)/versions/3.11*/bin/python3.11`, else
`python3`, or $REGEN_PYTHON; anything else is refused.
"""
import glob
import os
import re
import subprocess
import sys

TESTS = os.path.dirname(os.path.abspath(__file__))
TIMEOUT = 60
DIRECTIVE_LINES = 5


def find_python():
    candidates = []
    if os.environ.get("REGEN_PYTHON"):
        candidates.append(os.environ["REGEN_PYTHON"])
    else:
        root = None
        try:
            root = subprocess.run(["pyenv", "root"], capture_output=True, text=True).stdout.strip()
        except OSError:
            pass
        root = root or os.path.expanduser("~/.pyenv")
        candidates += sorted(glob.glob(os.path.join(root, "versions", "3.11*", "bin", "python3.11")), reverse=True)
        candidates += ["python3.11", "python3"]
    for cand in candidates:
        try:
            r = subprocess.run([cand, "-c", "import sys; print(sys.implementation.name, *sys.version_info[:2])"],
                               capture_output=True, text=True)
        except OSError:
            continue
        if r.returncode == 0:
            impl, major, minor = r.stdout.split()
            if (impl, major, minor) == ("cpython", "3", "11"):
                return cand
            if os.environ.get("REGEN_PYTHON") or cand == candidates[-1]:
                sys.exit(f"regen.py: {cand} is {impl} {major}.{minor}, not CPython 3.11: refusing to run")
    sys.exit("regen.py: no CPython 3.11 found (looked in $(pyenv root)/versions/3.11*, python3.11, python3)")


def normalise_stderr(text):
    """Same rule as the runner: drop CPython 3.11's caret lines (only whitespace, ^ and ~)."""
    out = []
    for line in text.splitlines():
        line = line.rstrip("\r")
        t = line.strip()
        if t and all(c in "^~" or c.isspace() for c in t):
            continue
        out.append(line)
    return out


def directive(source, name):
    for line in source.splitlines()[:DIRECTIVE_LINES]:
        m = re.match(r"\s*#\s*" + re.escape(name) + r":\s*(.*)$", line)
        if m:
            return m.group(1).strip()
    return None


def all_scripts():
    found = []
    for suite in sorted(os.listdir(TESTS)):
        d = os.path.join(TESTS, suite)
        if not os.path.isdir(d) or suite.startswith((".", "_")) or suite == "target":
            continue
        for f in sorted(os.listdir(d)):
            if f.endswith(".py") and not f.startswith("_"):
                found.append(os.path.join(d, f))
    return found


def resolve(args):
    scripts = []
    for a in args:
        cands = [os.path.join(TESTS, a), a]
        path = next((c for c in cands if os.path.exists(c)), None)
        if path is None:
            sys.exit(f"regen.py: no such script or suite: {a}")
        path = os.path.abspath(path)
        if os.path.isdir(path):
            scripts += [s for s in all_scripts() if os.path.dirname(s) == path]
        elif os.path.basename(path).startswith("_"):
            sys.exit(f"regen.py: {a} is a helper module, not a test")
        else:
            scripts.append(path)
    return scripts


def run(python, path, seed):
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = str(seed)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    for k in ("PYTHONSTARTUP", "PYTHONPATH", "PYTHONWARNINGS", "PYTHONINSPECT"):
        env.pop(k, None)
    r = subprocess.run([python, os.path.basename(path)], cwd=os.path.dirname(path), env=env,
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT)
    return r.stdout, r.stderr, r.returncode


def write_or_remove(path, data):
    if data is None:
        if os.path.exists(path):
            os.remove(path)
        return
    with open(path, "wb") as f:
        f.write(data)


def main():
    python = find_python()
    scripts = resolve(sys.argv[1:]) if sys.argv[1:] else all_scripts()
    bad = 0
    for path in scripts:
        rel = os.path.relpath(path, TESTS)
        # Only the ASCII directives are read: a script may be in another encoding (PEP 263 tests).
        with open(path, encoding="utf-8", errors="replace") as f:
            source = f.read()
        try:
            first = run(python, path, 1)
            second = run(python, path, 12345)
        except subprocess.TimeoutExpired:
            print(f"ERROR {rel}: timed out after {TIMEOUT}s", file=sys.stderr)
            bad += 1
            continue
        keep = directive(source, "err-tail")

        def tail(err):
            # CPython makes __main__.__file__ absolute: tracebacks name "/abs/dir/x.py" where minipy,
            # given the relative name, says "x.py".
            text = err.decode("utf-8", "replace").replace('File "' + os.path.dirname(path) + os.sep, 'File "')
            lines = normalise_stderr(text)
            if keep is not None:
                lines = lines[-int(keep):] if int(keep) > 0 else []
            return lines

        # Compared after the err-tail cut: the lines it drops may name addresses.
        if (first[0], tail(first[1]), first[2]) != (second[0], tail(second[1]), second[2]):
            print(f"ERROR {rel}: output differs between runs (hash order? ids? time?); not written",
                  file=sys.stderr)
            bad += 1
            continue
        out, err, status = first
        if status < 0:
            print(f"ERROR {rel}: killed by signal {-status}", file=sys.stderr)
            bad += 1
            continue
        err_lines = tail(err)
        base = path[:-3]
        write_or_remove(base + ".out", out)
        write_or_remove(base + ".err", ("".join(l + "\n" for l in err_lines)).encode() if err_lines else None)
        write_or_remove(base + ".status", f"{status}\n".encode() if status != 0 else None)
        note = f" (status {status})" if status else ""
        if status and not err_lines:
            note += " (no stderr)"
        print(f"{rel}: {len(out.splitlines())} lines of stdout{note}")
    print(f"regen.py: {len(scripts)} scripts with {python}, {bad} errors")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
