# Generators consumed by set(), frozenset(), list(), tuple(), sorted() and str.join(): items
# are handled in the order they were yielded, side effects of the generator and of the items'
# hooks interleave as on CPython, errors propagate after the items yielded before them.
import sys

log = []


def noisy(n, fail_at=None):
    for i in range(n):
        if i == fail_at:
            log.append("raise")
            raise ValueError(f"fail at {i}")
        log.append(f"y{i}")
        got = yield i
        if got is not None:
            log.append(f"got {got}")
    log.append("end")


print(sorted(set(noisy(5))), log)
log.clear()
print(list(noisy(3)), tuple(noisy(2)), log)
log.clear()
for make in (set, list, tuple, frozenset, sorted):
    try:
        make(noisy(6, fail_at=4))
    except ValueError as e:
        print(make.__name__, "ValueError", e, log)
    log.clear()


class H:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        log.append(f"hash {self.v}")
        return hash(self.v)

    def __eq__(self, other):
        log.append(f"eq {self.v}")
        return isinstance(other, H) and self.v == other.v

    def __repr__(self):
        return f"H({self.v})"


def mixed():
    for i in range(4):
        log.append(f"gen {i}")
        yield i
        log.append(f"gen H{i}")
        yield H(i % 2)
    log.append("gen end")


s = set(mixed())
print(len(s), log)
log.clear()


class S(str):
    def __hash__(self):
        log.append(f"S.hash {str(self)}")
        return str.__hash__(self)


def strs():
    for w in ["a", S("b"), "c", S("a")]:
        log.append(f"yield {w!r}")
        yield w


print(sorted(set(strs())), log)
log.clear()


# more items than one batch, with allocation in the generator (GC while items wait)
def many(n):
    for i in range(n):
        yield "k" + str(i % 700)


st = set(many(5000))
print(len(st), "k699" in st, "k700" in st)
lst = list(x * 2 for x in range(1000))
print(len(lst), lst[:3], lst[-2:], sum(lst))
print(len(tuple(str(i) for i in range(300))), "-".join(str(i) for i in range(12)))
print(sorted(set(x % 7 for x in range(100))), sorted((x % 5 for x in range(12)), reverse=True))
print(set(x / 2 for x in range(6)) == {0.0, 0.5, 1.0, 1.5, 2.0, 2.5}, set(None for _ in range(3)))
print(sorted(set(x for x in [True, 1, 1.0, False, 0, 0.0, None]), key=repr))


# nested: a drained generator whose body builds sets from generators
def outer():
    for i in range(4):
        inner = set(j * i for j in range(5))
        yield len(inner)
        yield tuple(sorted(inner))


print(list(outer()))
print(set(len(set(c for c in w)) for w in ["hello", "world", "aaa", ""]))


# a partly consumed generator, then drained
g = noisy(5)
print(next(g), next(g), list(g), log)
log.clear()
print(list(g), set(g))


# the generator sees itself running
def self_aware():
    yield me.gi_running
    try:
        next(me)
    except ValueError as e:
        yield str(e)
    yield me.gi_running


me = self_aware()
print(list(me), me.gi_running)


# StopIteration inside the generator becomes RuntimeError (PEP 479)
def stops():
    yield 1
    raise StopIteration("inner")


for make in (set, list):
    try:
        make(stops())
    except RuntimeError as e:
        print(make.__name__, "RuntimeError", e, repr(e.__cause__))


# try/finally in the generator runs at its end
def tidy():
    try:
        for i in range(3):
            yield i
    finally:
        log.append("finally")


print(list(tidy()), set(tidy()), log)
log.clear()


# a traceback through a drained generator
def deep(n):
    for i in range(n):
        yield 10 // (3 - i)


try:
    list(deep(5))
except ZeroDivisionError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("ZeroDivisionError", e, names)

print(sys.getrecursionlimit() > 0)


# sum() of a generator: numbers, then an object whose __radd__ runs in order
class R:
    def __radd__(self, other):
        log.append(f"radd {other}")
        return other + 100


def nums():
    for x in [1, 2.5, True, 4]:
        log.append(f"yield {x}")
        yield x
    log.append("yield R")
    yield R()
    log.append("yield 5")
    yield 5


print(sum(nums()), log)
log.clear()
print(sum(x for x in range(100)), sum((x / 4 for x in range(10)), 0.5), sum((x for x in []), 7))
print(sum(2 ** 40 * x for x in range(100)) == 2 ** 40 * 4950, sum((x for x in [1, 2]), start=10))
try:
    sum(x for x in [1, "a", 3])
except TypeError as e:
    print("TypeError", e)
try:
    sum((x for x in [1, 2]), "")
except TypeError as e:
    print("TypeError", e)
print(sum([[1], [2]], []), sum(([i] for i in range(3)), []))


# evil hooks: __hash__/__eq__ and __radd__ allocate enough for collections while buffered
# items wait; the generator allocates between its yields too
junk = []


class Evil:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        junk.append([list(range(500)) for _ in range(100)])
        junk.pop(0) if len(junk) > 2 else None
        return self.v

    def __eq__(self, other):
        junk.append([str(i) for i in range(2000)])
        return isinstance(other, Evil) and other.v == self.v

    def __radd__(self, other):
        junk.append([float(i) for i in range(20000)])
        return other + self.v

    def __repr__(self):
        return f"Evil({self.v})"


def evil_gen(n):
    for i in range(n):
        yield "s" + str(i) * 3
        yield i
        if i % 10 == 0:
            yield Evil(i % 3)
            filler = [[j] * 50 for j in range(300)]
            yield len(filler)


es = set(evil_gen(100))
print(len(es), sorted((x for x in es if isinstance(x, int)))[:5], sorted(repr(x) for x in es if isinstance(x, Evil)))
print(sum(x for x in evil_gen(50) if not isinstance(x, str)))
el = list(evil_gen(30))
print(len(el), el[:4], el[-3:])


# min()/max() of a generator: numbers drained, then an object with comparison hooks becomes the
# maximum and every later comparison runs its hook in order
class Big:
    def __gt__(self, other):
        log.append(f"Big > {other}")
        return True

    def __lt__(self, other):
        log.append(f"Big < {other}")
        return False

    def __repr__(self):
        return "Big"


def with_big():
    for x in [3, 1.5, 7, True]:
        log.append(f"yield {x}")
        yield x
    log.append("yield Big")
    yield Big()
    for x in [9, 2, 100]:
        log.append(f"yield {x}")
        yield x


print(max(with_big()), log)
log.clear()
print(min(with_big()), log)
log.clear()
print(max(x * x for x in range(-5, 3)), min((x / 3 for x in range(1, 5))), max((x for x in []), default="empty"))
print(max((len(w) for w in ["a", "abc", "ab"])), min(x for x in [2, 1.0, 1, True]), max(x for x in [1, 1.0, True]))
try:
    max(x for x in [1, "a", 2])
except TypeError as e:
    print("TypeError", e)
try:
    min(x for x in [])
except ValueError as e:
    print("ValueError", e)
print(max((x for x in [3, 1, 2]), key=lambda v: -v), min(str(i) for i in range(12)))


# after an object with hooks, later ints that collide with it run its __eq__ in order
def collide():
    log.append("yield H(1)")
    yield H(1)
    for x in [1, 2, 1, 3]:
        log.append(f"yield {x}")
        yield x


print(len(set(collide())), log)
log.clear()


# evil comparison hooks: a new maximum whose __gt__/__lt__ allocate enough for collections
class EvilBig:
    def __gt__(self, other):
        junk.append([str(i) for i in range(3000)])
        return True

    def __lt__(self, other):
        junk.append([[i] for i in range(3000)])
        return False

    def __repr__(self):
        return "EvilBig"


def evil_nums():
    for i in range(200):
        yield i * 0.5
        if i == 120:
            yield EvilBig()
        junk.append(str(i) * 20)


print(max(evil_nums()), min(evil_nums()), len(junk) > 0)
