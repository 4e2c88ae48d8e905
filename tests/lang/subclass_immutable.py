# Subclasses of int, float, complex, tuple, bytes and frozenset: construction (with and without
# their own __new__), instance __dict__, inherited methods and operators, overrides, hash, format.
class P(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    def __repr__(self):
        return "P(%r, %r)" % tuple(self)


p = P(1, 2)
print(type(p).__name__, p, str(p), p[0], len(p), p + (3,), (0,) + p, p == (1, 2), (1, 2) == p)
print(hash(p) == hash((1, 2)), {p: 1}[(1, 2)], (1, 2) in {p}, p in {(1, 2)}, p[::-1], p * 2)
a, b = p
print(a, b, list(p), isinstance(p, tuple), p.count(1), p.index(2), sorted([P(2, 1), P(1, 3)]))
p.extra = 5
print(p.extra, p.__dict__, type(p + p).__name__)


class T(tuple):
    pass


print(T(), T([1, 2]), T("ab"), type(T(range(2))).__name__, T((1,)) < (2,))


class MyInt(int):
    def __repr__(self):
        return "MyInt(%d)" % self


x = MyInt(5)
print(repr(x), str(x), x + 1, 1 + x, x * x, -x, x > 3, hash(x) == hash(5), int(x), float(x))
print("%d %x %s" % (x, x, x), format(x, "04d"), f"{x:>3}", f"{x}", [10, 20, 30, 40, 50, 60][x])
print(x.real, x.imag, x.bit_length(), type(x + 1).__name__, x == 5, {5: "a"}[x], range(x))
print(type(abs(x)).__name__, x << 2, x & 4, divmod(x, 2), x ** 2, round(x), x.to_bytes(1, "big"))


class F(float):
    pass


f = F(2.5)
print(f, repr(f), f + 1, type(f).__name__, round(f), f.is_integer(), f.real, f > 2, F("1.5"))
print(format(f, ".3f"), "%.2f" % f, int(f), -f, f // 1, hash(f) == hash(2.5))


class B(bytes):
    pass


bb = B(b"ab")
print(bb, bb + b"c", b"x" + bb, bb[0], len(bb), bb.decode(), bytes(bb), bb == b"ab", B(3))
print(bb.upper(), bb.hex(), bb[1:], b"-".join([bb, bb]), bb in {b"ab"}, list(bb))


class C(complex):
    pass


c = C(1, 2)
print(c, c.real, c.imag, abs(C(3, 4)), c + 1, c * c, c.conjugate(), c == complex(1, 2))


class FS(frozenset):
    pass


fs = FS([3, 1, 2])
print(sorted(fs), 1 in fs, len(fs), sorted(fs | {9}), fs == frozenset([1, 2, 3]), type(fs).__name__)


class E(int):
    def __add__(self, o):
        return "added"

    def __radd__(self, o):
        return "radded"


print(E(1) + 2, 2 + E(1), E(1) - 1, E(1) + E(2))


class D(int):
    pass


print(D(), D("12"), D("ff", 16), D(3.7), isinstance(D(1), int), bool(D(0)), sorted([D(3), D(1), 2]))
print(tuple.__new__(P, (4, 5)), type(tuple.__new__(T, [4, 5])).__name__, int.__new__(D, 7))
for bad in [lambda: tuple.__new__(int), lambda: int.__new__(3), lambda: int.__new__()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)


class Sub(D):
    def __init__(self, v):
        self.half = v // 2


s = Sub(9)
print(s, s.half, type(s).__name__, isinstance(s, D), s + 1)


class Pt(tuple):
    def __new__(cls, x, y):
        self = super().__new__(cls, (x, y))
        self.x = x
        return self

    @property
    def y(self):
        return self[1]


q = Pt(3, 4)
print(q, q.x, q.y, q.__dict__)
