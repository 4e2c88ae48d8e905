# The eval loop's fast paths for method calls on instances (LoadMethod through the map and method
# caches), `a, b = x, y` (BuildTuple + UnpackSequence fused into a reversal), float ** and float()
# of small ints in math functions: shadowing, rebinding and odd receivers against CPython.
import math


class P:
    def __init__(self, x):
        self.x = x

    def get(self):
        return ("P.get", self.x)

    def __getattr__(self, name):
        return ("P.__getattr__", name)


class Q(P):
    pass


class G(P):
    def __getattribute__(self, name):
        if name == "get":
            return lambda: "G.__getattribute__"
        return object.__getattribute__(self, name)


def site(o):
    return o.get()


objs = [P(1), Q(2), P(3), G(4)]
for o in objs:
    print(site(o))
p = P(5)
p.get = lambda: "instance attribute"
print(site(p), site(P(6)))
P.get = lambda self: ("rebound", self.x)
print(site(P(7)), site(Q(8)))
Q.get = lambda self: "Q.get"
print(site(Q(9)), site(P(10)))
del Q.get
del P.get
print(P(11).get, Q(12).get)
try:
    site(5)
except AttributeError as e:
    print("AttributeError", e)


class S:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    def get(self):
        return ("S.get", self.v)


print(site(S(1)), site(S(2)))


def new_site(c):
    return c.__new__(c)


print(type(new_site(P)).__name__)


def swaps():
    a, b = 1, 2
    a, b = b, a
    x, y, z = "x", "y", "z"
    x, y, z = z, x, y
    t = 1, 2
    (m, n), k = t, 3
    q = [0, 1]
    q[0], q[1] = q[1], q[0]
    print(a, b, x, y, z, m, n, k, q)
    zr = zi = 0.0
    for i in range(5):
        zr, zi = zr * zr - zi * zi + 0.25, 2.0 * zr * zi + 0.5
    print(zr, zi)


swaps()
print([math.sin(i) for i in (0, 1, 2**52 + 1, -7)], math.cos(3), math.sqrt(2**53 + 1), float(2**60 + 1))
print([(2 ** 0.5), (2.0 ** 3), (10 ** -2.0), (1e-5 ** 0.5), (7.5 ** 2), (3 ** 40.0), (0.5 ** 1075)])
