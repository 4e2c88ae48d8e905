# The eval loop's fast paths for plain dicts with str keys (d[k], d[k] = v, k in d), module
# attributes (m.name, m.f(x)), float ** and BUILD_STRING / FORMAT_VALUE: edge cases against CPython.
import math
import sys


class D(dict):
    def __missing__(self, k):
        return "missing " + k


class Same:
    # a non-str key equal to "a", with its hash
    def __hash__(self):
        return hash("a")

    def __eq__(self, o):
        return o == "a" or isinstance(o, Same)


def dicts():
    d = {}
    for w in "a b c a b a".split():
        if w in d:
            d[w] += 1
        else:
            d[w] = 1
    print(d, "a" in d, "z" in d, "z" not in d, "a" not in d)
    try:
        d["zz"]
    except KeyError as e:
        print("KeyError", e)
    e = D(x=1)
    print(e["x"], e["y"], "y" in e)
    g = {Same(): "same"}
    print("a" in g, g["a"], "b" in g)
    g["a"] = "set"
    print(list(g.values()), len(g))
    big = {}
    for i in range(2000):
        big["k" + str(i)] = i
    print(len(big), big["k1999"], sum(big[k] for k in big if k in big))
    h = {1: "int", "1": "str", 1.5: "float"}
    print(h[1], h["1"], h[1.5], 1 in h, "1" in h, 2 not in h)


dicts()


def modules():
    print(math.sqrt(16.0), math.pi, sys.maxsize > 0, math.floor(2.5), len(sys.argv))
    m = type(math)("fake")
    m.f = lambda x: x + 1
    m.g = len
    print(m.f(1), m.g("abc"), m.__name__)
    try:
        math.nosuch
    except AttributeError as e:
        print("AttributeError", e)
    try:
        math.nosuch(1)
    except AttributeError as e:
        print("AttributeError", e)
    try:
        math.sqrt(-1)
    except ValueError as e:
        print("ValueError", e)


modules()


def pows():
    out = []
    for x in [2.0, 0.5, 1e-300, 1e300, 0.0, -2.0, -8.0, float("inf"), float("nan"), 3, 1.0]:
        for y in [0.5, 2.0, -1.0, 3, 0.0, 1e10, -1e10, float("inf"), float("nan"), 1.5]:
            try:
                out.append(repr(x ** y))
            except Exception as e:
                out.append(type(e).__name__ + ":" + str(e))
    print(out)


pows()


def fstrings():
    s = "héllo"
    for v in [s, "", 3, -2.5, None, [1]]:
        print(f"{v}|{v!r}|{s}{v}|{s[:2]:>6}|{len(s):04d}|{'€'}{v}")


class Fmt(str):
    def __format__(self, spec):
        return "Fmt.__format__"


print(f"{Fmt('x')}", f"{'ab' 'cd'}", f"{'é' * 3}{'x'}", len(f"{'é' * 3}{'x'}"))
fstrings()


class SK(str):
    # a str subclass with its own hash and equality: never the dict's str-key fast path
    def __hash__(self):
        return hash("other")

    def __eq__(self, o):
        return str.__eq__(self, o) or o == "alias"


def subclass_keys():
    k = SK("k")
    f = {k: 1, "other": 2}
    f[SK("k")] = 3
    print(f.get("k"), "k" in f, f[SK("k")], f["other"], len(f))


subclass_keys()
