# Builtin functions and methods called from the eval loop's fast path (fast_ops.rs: LoadMethod on
# builtin objects, Call/CallMethod of natives): errors and their tracebacks, natives that read the
# caller's frame, natives that run Python code, methods shadowed or overridden after a call site
# has cached them.
import sys
import traceback


def lines_of(f):
    try:
        f()
    except Exception as e:
        tb = traceback.extract_tb(e.__traceback__)
        print(type(e).__name__, e, [(t.name, t.line) for t in tb[1:]])


def bad_index():
    s = "abc"
    for i in range(3):
        s.index("b")
    return s.index("z")


def bad_len():
    n = 0
    for x in [[1], (2, 3), 5]:
        n += len(x)
    return n


def bad_append():
    l = []
    for i in range(3):
        l.append(i)
    l.append(1, 2)


lines_of(bad_index)
lines_of(bad_len)
lines_of(bad_append)


def frame_readers():
    x = 41
    y = x + 1
    print(sorted(locals().items()), eval("x + y"), sys._getframe().f_lineno)
    print(sys._getframe(0).f_code.co_name, "dir:", [n for n in dir() if len(n) == 1])


frame_readers()


def gen(n, log):
    for i in range(n):
        log.append(i)
        yield str(i) * (i % 3)


def python_inside_natives():
    log = []
    s = "-".join(gen(6, log))
    total = sum(x * 2 for x in range(10))
    m = max([3, 1, 2], key=lambda v: -v)
    ks = list(map(lambda v: v + 1, range(4)))
    print(s, log, total, m, ks, sorted("bca"), "".join(reversed("abc")))


python_inside_natives()


def stop_iteration():
    it = iter([1, 2])
    out = []
    while True:
        try:
            out.append(next(it))
        except StopIteration:
            break
    print(out)


stop_iteration()


class L(list):
    pass


def call_site(o):
    # one LoadMethod site seeing list, L, an L with a shadowing instance attribute, str
    return o.append(7)


l1, l2 = [], L()
for o in [l1, l2, l1, l2]:
    call_site(o)
l3 = L()
l3.append = lambda v: print("instance attr append", v)
call_site(l3)
L.append = lambda self, v: print("L.append overridden", v)
call_site(l2)
call_site(l1)
del L.append
call_site(l2)
print(l1, l2, list(l3))


class S(str):
    pass


def lower_site(o):
    return o.lower()


for o in ["AB", S("CD"), "EF"]:
    print(repr(lower_site(o)), type(lower_site(o)).__name__)
S.lower = lambda self: "S.lower"
print(lower_site(S("GH")), lower_site("IJ"))
try:
    lower_site(5)
except AttributeError as e:
    print("AttributeError", e)

# a native method taken from the type and called on the wrong receiver, through the same sites
f = str.upper
for v in ["a", 3]:
    try:
        print(f(v))
    except TypeError as e:
        print("TypeError", e)
d = {}
for w in "the cat the dog the end".split():
    d[w] = d.get(w, 0) + 1
print(d, d.get("zzz"), d.setdefault("x", []).append(1), d["x"])
