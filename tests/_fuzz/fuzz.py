#!/usr/bin/env python3
"""Differential fuzzer: random small Python programs, run on CPython 3.11 and on minipy, outputs compared.

    python3 tests/_fuzz/fuzz.py --minutes 10                 # fuzz for 10 minutes (random seeds)
    python3 tests/_fuzz/fuzz.py --seed 7 --count 200         # programs 7, 8, ... (reproducible)
    python3 tests/_fuzz/fuzz.py --show 1234                  # print program 1234
    python3 tests/_fuzz/fuzz.py --emit tests/fuzz --seed 1 --count 8   # write a fixed slice as a suite

A program is a sequence of independent cases. Each case builds values (ints small and big, floats,
str, bytes, list, tuple, dict, set, range, slices, instances of classes whose dunders run Python),
applies a random operation (operators, builtin calls, methods, subscripts, formatting, conversions)
and prints `repr` of the result, or the exception's type and message. Outputs are made deterministic
(sets printed sorted, no ids or addresses), so CPython's output is the expected output, byte for byte.

A mismatch (different stdout, or minipy exiting with a signal, a panic or a timeout) is saved under
--out (default /tmp/minipy-fuzz/) as `<seed>.py` with both outputs; the summary names each class of
failure once. The fixed-seed slice that `cargo test` runs lives in tests/fuzz/ (regenerated with
--emit, its expected outputs by tests/regen.py).
"""
import argparse
import os
import random
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

PRELUDE = '''\
class Hooked:
    """A value whose dunders run Python code (and allocate) when natives call them."""
    def __init__(self, v):
        self.v = v
    def __index__(self):
        [[0] * 50 for _ in range(20)]
        return self.v if isinstance(self.v, int) else 1
    def __int__(self):
        return self.__index__()
    def __float__(self):
        return float(self.__index__())
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, o):
        return self.v == (o.v if isinstance(o, Hooked) else o)
    def __lt__(self, o):
        return self.v < (o.v if isinstance(o, Hooked) else o)
    def __len__(self):
        return abs(self.__index__()) % 7
    def __iter__(self):
        return iter(range(self.__index__() % 5))
    def __getitem__(self, i):
        if isinstance(i, int) and 0 <= i < 4:
            return i * 10
        raise IndexError(i)
    def __repr__(self):
        return "Hooked(%r)" % (self.v,)
    def __bool__(self):
        return bool(self.v)


def show(label, f):
    # lazy results (map, filter...) raise while they are listed: that is reported like any error
    try:
        r = f()
        if isinstance(r, (set, frozenset)):
            try:
                r = (type(r).__name__, sorted(r))
            except TypeError:
                r = (type(r).__name__, len(r))
        elif type(r).__name__ in ("map", "filter", "zip", "enumerate", "reversed") or type(r).__name__.endswith("iterator"):
            r = (type(r).__name__, list(r))
        elif isinstance(r, dict):
            r = ("dict", list(r.items()))
        elif callable(r) and not isinstance(r, type):
            r = ("callable", type(r).__name__)
        text = repr(r)
    except Exception as e:
        print(label, "!", type(e).__name__, e)
        return
    print(label, text)

'''

SMALL_INTS = [0, 1, -1, 2, 3, 7, -5, 10, 255, 256, 1000]
BIG_INTS = ["2**63", "-2**63", "2**64 + 1", "10**20", "-(10**30)", "2**100", "2**62", "2**31 - 1"]
FLOATS = ["0.0", "-0.0", "1.5", "-2.25", "1e300", "1e-300", "float('inf')", "float('-inf')", "0.1",
          "3.0", "2.5", "1e16", "123456.789"]
COMPLEX = ["1j", "(1+2j)", "-0j", "(-1.5-0.5j)", "complex(2, -0.0)", "(1e300+1e300j)",
           "complex(float('inf'), 1)", "complex(float('nan'), 0)", "(3+0j)", "0j"]
STRS = ["''", "'a'", "'abc'", "'Hello World'", "'  pad  '", "'a,b,,c'", "'ünïcödé'", "'x' * 20",
        "'line1\\nline2\\n'", "'%s-%d'", "'{}:{!r}'", "'tab\\there'", "'aAbB'", "'123'", "'3.5'"]
BYTES = ["b''", "b'abc'", "b'\\x00\\xff'", "bytearray(b'xyz')", "b'a,b'", "bytearray(3)"]


class Gen:
    def __init__(self, rng):
        self.r = rng

    def pick(self, xs):
        return self.r.choice(xs)

    def int_(self):
        c = self.r.random()
        if c < 0.6:
            return str(self.pick(SMALL_INTS))
        if c < 0.85:
            return self.pick(BIG_INTS)
        if c < 0.95:
            return "True" if self.r.random() < 0.5 else "False"
        return "Hooked(%s)" % self.pick(SMALL_INTS)

    def float_(self):
        return self.pick(FLOATS)

    def num(self):
        c = self.r.random()
        if c < 0.6:
            return self.int_()
        return self.float_() if c < 0.9 else self.pick(COMPLEX)

    def str_(self):
        return self.pick(STRS)

    def bytes_(self):
        return self.pick(BYTES)

    def list_(self, depth=0):
        n = self.r.randint(0, 5)
        return "[" + ", ".join(self.scalar(depth + 1) for _ in range(n)) + "]"

    def tuple_(self, depth=0):
        n = self.r.randint(0, 4)
        items = [self.scalar(depth + 1) for _ in range(n)]
        return "(" + ", ".join(items) + ("," if n == 1 else "") + ")"

    def dict_(self, depth=0):
        n = self.r.randint(0, 4)
        keys = [self.pick(["1", "2", "'a'", "'b'", "(1, 2)", "None", "3.5", "True", "Hooked(2)"])
                for _ in range(n)]
        return "{" + ", ".join("%s: %s" % (k, self.scalar(depth + 1)) for k in keys) + "}"

    def set_(self):
        n = self.r.randint(0, 5)
        return "{" + ", ".join(str(self.pick(SMALL_INTS)) for _ in range(n)) + "}" if n else "set()"

    def range_(self):
        a, b = self.r.randint(-5, 10), self.r.randint(-5, 20)
        s = self.pick(["1", "2", "-1", "3", "-2", "0", "2**62"])
        return "range(%d, %d, %s)" % (a, b, s)

    def scalar(self, depth=0):
        opts = [self.int_, self.num, self.str_]
        if depth < 2:
            opts += [lambda: self.list_(depth), lambda: self.tuple_(depth)]
        return self.pick(opts)()

    def container(self):
        return self.pick([self.list_, self.tuple_, self.dict_, self.set_, self.str_, self.bytes_,
                          self.range_])()

    def any_(self):
        return self.pick([self.int_, self.num, self.str_, self.bytes_, self.container, self.container])()

    def index(self):
        c = self.r.random()
        if c < 0.6:
            return str(self.r.randint(-6, 6))
        if c < 0.8:
            parts = [self.pick(["", "0", "1", "-1", "2", "-3", "10", "2**63", "Hooked(1)", "None"])
                     for _ in range(2)]
            step = self.pick(["", "", "1", "2", "-1", "-2", "3", "2**63", "-2**63", "Hooked(2)"])
            return ":".join(parts) + (":" + step if step else "")
        return self.pick(["Hooked(0)", "True", "2**70", "1.0", "'a'", "None"])

    def expr(self):
        r = self.r.random()
        if r < 0.22:
            op = self.pick(["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^",
                            "<", "<=", "==", "!=", ">", ">=", "in", "not in", "and", "or", "is"])
            a, b = self.any_(), self.any_()
            if op in ("**", "<<") and self.r.random() < 0.7:
                b = str(self.r.randint(-3, 70))
            return "(%s) %s (%s)" % (a, op, b)
        if r < 0.3:
            return "%s(%s)" % (self.pick(["-", "+", "~", "not "]), self.any_())
        if r < 0.45:
            return "(%s)[%s]" % (self.container(), self.index())
        if r < 0.7:
            return self.builtin_call()
        if r < 0.9:
            return self.method_call()
        return self.format_expr()

    def builtin_call(self):
        f = self.pick(["len", "abs", "min", "max", "sum", "sorted", "reversed", "list", "tuple", "str",
                       "repr", "int", "float", "bool", "round", "divmod", "pow", "hex", "oct", "bin",
                       "chr", "ord", "enumerate", "zip", "any", "all", "hash", "set", "frozenset",
                       "dict", "bytes", "bytearray", "range", "slice", "ascii", "format", "isinstance",
                       "iter", "map", "filter"])
        if f in ("divmod", "pow"):
            args = [self.num(), self.num()] + ([self.int_()] if f == "pow" and self.r.random() < 0.3 else [])
        elif f in ("min", "max"):
            args = [self.container()] if self.r.random() < 0.5 else [self.num(), self.num()]
            if self.r.random() < 0.3:
                args.append(self.pick(["key=abs", "key=str", "default=0", "key=len"]))
        elif f == "sorted":
            args = [self.container()] + ([self.pick(["key=str", "reverse=True", "key=repr"])]
                                         if self.r.random() < 0.4 else [])
        elif f in ("zip", "map", "filter"):
            fn = self.pick(["str", "bool", "abs", "None", "len"])
            args = ([fn] if f != "zip" else []) + [self.container() for _ in range(self.r.randint(1, 2))]
        elif f in ("int", "float") and self.r.random() < 0.5:
            args = [self.pick(["'12'", "' 7 '", "'0x1f'", "'1_000'", "'-3.5e2'", "'inf'", "'nan'", "'abc'",
                               "'١٢'", "b'42'"])] + (["16"] if f == "int" and self.r.random() < 0.3 else [])
        elif f == "round":
            args = [self.num()] + ([str(self.r.randint(-3, 3))] if self.r.random() < 0.5 else [])
        elif f == "format":
            args = [self.num(), self.pick(["''", "'>8'", "'.3f'", "'x'", "'+,'", "'08.2e'", "'%'", "'^10s'", "'b'"])]
        elif f == "isinstance":
            args = [self.any_(), self.pick(["int", "str", "(list, tuple)", "object", "bool", "float"])]
        elif f == "slice":
            args = [self.int_() for _ in range(self.r.randint(1, 3))]
            return "%s(%s).indices(%d)" % (f, ", ".join(args), self.r.randint(0, 12))
        elif f == "range":
            return self.range_() if self.r.random() < 0.5 else "list(%s)" % self.range_()
        elif f == "hash":
            # str and bytes hashes are randomized on CPython (PYTHONHASHSEED): numbers and tuples only
            args = [self.pick([self.num, lambda: "(%s, %s)" % (self.num(), self.num())])()]
            if "nan" in args[0]:
                args = ["1.5"]  # a NaN hashes by identity: not reproducible
        elif f == "chr":
            args = [self.pick(["65", "0x10ffff", "0x110000", "-1", "955", "Hooked(66)"])]
        else:
            args = [self.any_()]
        return "%s(%s)" % (f, ", ".join(args))

    def method_call(self):
        kind = self.r.random()
        if kind < 0.4:
            m = self.pick(["upper()", "lower()", "split()", "split(',')", "split(',', 1)", "rsplit(None, 1)",
                           "strip()", "strip('ab')", "replace('a', 'XY')", "replace('', '-')", "find('b')",
                           "rfind('a', 1)", "index('z')", "count('a')", "startswith(('a', 'H'))",
                           "endswith('c')", "center(9, '*')", "zfill(6)", "ljust(5)", "title()",
                           "swapcase()", "partition(',')", "rpartition('l')", "join(['x', 'y'])",
                           "splitlines()", "isdigit()", "isalpha()", "expandtabs(4)", "encode()",
                           "format(1, 'a')", "casefold()", "capitalize()", "isidentifier()",
                           "removeprefix('a')", "center(Hooked(7))", "split(maxsplit=Hooked(1))"])
            return "(%s).%s" % (self.pick([self.str_, self.bytes_])(), m if self.r.random() < 0.8 else "hex()")
        if kind < 0.65:
            m = self.pick(["append(%s)" % self.scalar(), "pop()", "pop(%s)" % self.index().split(":")[0] or "0",
                           "insert(%s, 9)" % self.int_(), "index(%s)" % self.scalar(), "count(1)",
                           "remove(%s)" % self.scalar(), "sort()", "reverse()", "copy()", "extend(%s)" % self.container(),
                           "clear()", "__getitem__(%s)" % self.int_()])
            return "(lambda l: (l.%s, l)[1])(%s)" % (m, self.list_())
        if kind < 0.85:
            m = self.pick(["get(1)", "get('a', 0)", "keys()", "values()", "items()", "pop('a')", "pop(1, None)",
                           "setdefault(2, [])", "update(%s)" % self.dict_(), "popitem()", "copy()",
                           "fromkeys([1, 2])", "__contains__(1)"])
            return "(lambda d: (d.%s, d)[1])(%s)" % (m, self.dict_())
        m = self.pick(["union(%s)" % self.container(), "intersection(%s)" % self.container(),
                       "difference(%s)" % self.set_(), "symmetric_difference(%s)" % self.set_(),
                       "issubset(%s)" % self.set_(), "add(%s)" % self.int_(), "discard(1)", "pop()",
                       "isdisjoint(%s)" % self.container()])
        return "(lambda s: (s.%s, s)[1])(%s)" % (m, self.set_())

    def format_expr(self):
        c = self.r.random()
        if c < 0.35:
            spec = self.pick(["", ":>6", ":.2f", ":x", ":,", ":08.3e", ":^7", ":+d", "!r", ":%", ":b", ":#o"])
            return "f'{%s%s}'" % (self.num(), spec)
        if c < 0.7:
            fmt = self.pick(["'%d'", "'%5.2f'", "'%x'", "'%r'", "'%s|%s'", "'%c'", "'%-6s|'", "'%e'",
                             "'%(a)s'", "'%.3g'", "'%%'", "'%i%%'"])
            return "%s %% (%s)" % (fmt, self.any_())
        return "'{0}-{1!r:>5}'.format(%s, %s)" % (self.any_(), self.any_())

    def program(self, ncases, prelude=PRELUDE):
        lines = [prelude]
        for i in range(ncases):
            e = self.expr()
            lines.append("show(%d, lambda: %s)" % (i, e))
        return "\n".join(lines) + "\n"


def program_for(seed, ncases, prelude=PRELUDE):
    return Gen(random.Random(seed)).program(ncases, prelude)


def cpython():
    root = subprocess.run(["pyenv", "root"], capture_output=True, text=True).stdout.strip()
    import glob
    c = sorted(glob.glob(os.path.join(root, "versions", "3.11*", "bin", "python3.11"))) if root else []
    return c[0] if c else "python3"


def run(cmd, path, timeout):
    try:
        p = subprocess.run(cmd + [path], capture_output=True, timeout=timeout, cwd=os.path.dirname(path),
                           env=dict(os.environ, PYTHONHASHSEED="0"))
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return "timeout", "", ""


def classify(rc, out, err, want):
    if rc == "timeout":
        return "timeout"
    if isinstance(rc, int) and rc < 0:
        return "signal %d" % -rc
    if "panicked" in err:
        return "panic: " + next((l for l in err.splitlines() if "panicked" in l), "")[:100]
    if out != want:
        a, b = out.splitlines(), want.splitlines()
        for x, y in zip(a, b):
            if x != y:
                return "differs"
        return "differs (length)"
    if rc != 0:
        return "exit %s" % rc
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--count", type=int, default=None)
    ap.add_argument("--minutes", type=float, default=None)
    ap.add_argument("--cases", type=int, default=40, help="cases per program")
    ap.add_argument("--minipy", default=os.path.join(ROOT, "target", "release", "minipy"))
    ap.add_argument("--env", action="append", default=[], help="extra env for minipy, e.g. MINIPY_GC_STRESS=1")
    ap.add_argument("--out", default="/tmp/minipy-fuzz")
    ap.add_argument("--show", type=int, default=None)
    ap.add_argument("--emit", default=None, help="write programs as a test suite directory")
    a = ap.parse_args()
    if a.show is not None:
        sys.stdout.write(program_for(a.show, a.cases))
        return 0
    if a.emit:
        os.makedirs(a.emit, exist_ok=True)
        # the prelude once, as a helper module (the runner skips `_` files); each program imports it
        with open(os.path.join(a.emit, "_fuzz_prelude.py"), "w") as f:
            f.write("# The prelude of the programs of this directory (tests/_fuzz/fuzz.py --emit).\n")
            f.write(PRELUDE)
        for s in range(a.seed or 0, (a.seed or 0) + (a.count or 8)):
            with open(os.path.join(a.emit, "seed_%d.py" % s), "w") as f:
                f.write("# Generated by tests/_fuzz/fuzz.py --seed %d (differential fuzzer slice).\n" % s)
                # stdout is the comparison; CPython's compile-time SyntaxWarnings on stderr are not
                f.write("# err-tail: 0\n")
                f.write(program_for(s, a.cases, "from _fuzz_prelude import *\n"))
        return 0
    os.makedirs(a.out, exist_ok=True)
    for kv in a.env:
        k, _, v = kv.partition("=")
        os.environ[k] = v
    py = cpython()
    seed = a.seed if a.seed is not None else random.randrange(10**9)
    deadline = time.time() + 60 * a.minutes if a.minutes else None
    n = 0
    failures = {}
    while True:
        if a.count is not None and n >= a.count:
            break
        if deadline and time.time() > deadline:
            break
        if a.count is None and deadline is None and n >= 100:
            break
        path = os.path.join(a.out, "prog_%d.py" % seed)
        with open(path, "w") as f:
            f.write(program_for(seed, a.cases))
        rc0, want, _ = run([py], path, 30)
        if rc0 == 0:
            rc, out, err = run([os.path.abspath(a.minipy)], path, 30)
            why = classify(rc, out, err, want)
            if why:
                failures.setdefault(why.split(":")[0] if why.startswith("differs") else why, []).append(seed)
                with open(os.path.join(a.out, "%d.expected" % seed), "w") as f:
                    f.write(want)
                with open(os.path.join(a.out, "%d.minipy" % seed), "w") as f:
                    f.write(out + "\n--- stderr ---\n" + err)
            else:
                os.remove(path)
        else:
            os.remove(path)
        seed += 1
        n += 1
    print("fuzz: %d programs x %d cases, %d failing" % (n, a.cases, sum(len(v) for v in failures.values())))
    for why, seeds in sorted(failures.items()):
        print("  %-60s %d programs, e.g. seed %s" % (why, len(seeds), seeds[:5]))
    print("programs and outputs in", a.out)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
