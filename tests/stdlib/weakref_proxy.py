# weakref.proxy (attribute access, calls, operators, containers, ReferenceError after death,
# callbacks, shared callback-less proxies), getweakrefcount and getweakrefs.
import gc
import weakref


class A:
    x = 1

    def __init__(self, v=0):
        self.v = v

    def m(self, k=1):
        return ("m", self.v * k)

    def __len__(self):
        return 3

    def __add__(self, o):
        return A(self.v + (o.v if isinstance(o, A) else o))

    def __radd__(self, o):
        return A(o + self.v)

    def __eq__(self, o):
        return isinstance(o, A) and o.v == self.v

    __hash__ = object.__hash__

    def __lt__(self, o):
        return self.v < o.v

    def __str__(self):
        return f"A({self.v})"

    def __getitem__(self, i):
        return i * 2

    def __iter__(self):
        return iter([self.v, self.v])

    def __contains__(self, x):
        return x == self.v

    def __call__(self, *a, **k):
        return ("called", a, k)


a = A(5)
p = weakref.proxy(a)
print(type(p), weakref.ProxyType, weakref.CallableProxyType, weakref.ProxyTypes)
print(type(p) is weakref.CallableProxyType, type(weakref.proxy(A.m)) is weakref.CallableProxyType)
print(repr(p).startswith("<weakproxy at "), " to A at " in repr(p))
print(p.x, p.v, p.m(), p.m(k=3), p.__class__, len(p), bool(p), str(p), f"{p}", p[4])
print(list(p), 5 in p, 6 in p, p(1, z=2), (p + 1).v, (1 + p).v, (p + p).v, p == A(5), p < A(9))
print(isinstance(p, A), isinstance(p, weakref.ProxyType), isinstance(p, (int, A)), isinstance(p, int))
p.v = 7
p.new = "n"
print(a.v, a.new, p.new, hasattr(p, "nope"))
del p.new
print(hasattr(a, "new"))
try:
    hash(p)
except TypeError as e:
    print("TypeError", e)
try:
    p.nope
except AttributeError as e:
    print("AttributeError", e)

# a callback-less proxy is shared; one with a callback is not
p2 = weakref.proxy(a)
print(p2 is p, weakref.proxy(a, print) is p)

# numbers and sequences through a proxy
class N:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n

    def __int__(self):
        return self.n

    def __float__(self):
        return self.n / 2

    def __neg__(self):
        return -self.n

    def __abs__(self):
        return 99


n = N(3)
pn = weakref.proxy(n)
print(int(pn), float(pn), -pn, abs(pn), [10, 20, 30, 40][pn], "ab"[pn - 2 if False else 1])

lst = []
class L(list):
    pass


seq = L([1, 2, 3])
ps = weakref.proxy(seq)
ps.append(4)
ps[0] = 10
del ps[1]
print(seq, len(ps), ps[1], list(reversed(ps)), sorted(ps), ps.count(3))

# counts and lists of weak references
b = A(1)
print(weakref.getweakrefcount(b), weakref.getweakrefs(b))
r1 = weakref.ref(b)
r2 = weakref.ref(b, lambda r: None)
pb = weakref.proxy(b)
print(weakref.getweakrefcount(b), weakref.getweakrefs(b)[0] is r1, weakref.getweakrefs(b)[1] is pb)
print(weakref.getweakrefs(b)[2] is r2)
r3 = weakref.ref(b, lambda r: None)
pb2 = weakref.proxy(b, lambda p: None)
print([x is y for x, y in zip(weakref.getweakrefs(b), [r1, pb, pb2, r3, r2])])
del r1
gc.collect()
print(weakref.getweakrefcount(b), weakref.getweakrefcount(5), weakref.getweakrefs(b) == [pb, r2])

# after the referent dies
events = []
c = A(2)
pc = weakref.proxy(c, lambda px: events.append(("callback", type(px).__name__)))
pd = weakref.proxy(c)
del c
gc.collect()
print(events)
for f in (lambda: pc.v, lambda: str(pd), lambda: bool(pd), lambda: len(pd), lambda: pd + 1,
          lambda: 1 + pd, lambda: pd[0], lambda: list(pd), lambda: pd == 1, lambda: pd(),
          lambda: setattr(pd, "v", 1)):
    try:
        print(f())
    except ReferenceError as e:
        print("ReferenceError", e)
print(weakref.getweakrefcount(A()))

# callable proxies of functions and methods
def fn(x, y=2):
    return x * y


pf = weakref.proxy(fn)
print(pf(3), pf(3, y=5), pf.__name__, type(pf).__name__)
try:
    weakref.proxy(1)
except TypeError as e:
    print("TypeError", e)
