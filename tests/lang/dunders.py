# Operator and container dunder methods.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __str__(self):
        return f"<{self.x}, {self.y}>"
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __le__(self, o):
        return (self.x, self.y) <= (o.x, o.y)
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __bool__(self):
        return bool(self.x or self.y)
    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        return self
a, b = Vec(1, 2), Vec(3, 4)
print(a, repr(a), [a, b], str(a), f"{a}|{a!r}")
print(a + b, b - a, a * 3, 3 * a, b / 2, b // 2, b % 2, -a, abs(b))
print(a == Vec(1, 2), a != Vec(1, 2), a == b, a == "x", a < b, b < a, a <= a, b > a, b >= a)
print(sorted([b, a, Vec(0, 9)]), max(a, b), min([b, a]))
print(bool(Vec(0, 0)), bool(a), "truthy" if a else "falsy", not Vec(0, 0))
print(len({a, Vec(1, 2), b}), {a: "A"}[Vec(1, 2)])
c = a
c += b
print(c, a, c is a)
class Seq:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __contains__(self, v):
        print("  __contains__", v)
        return v in self.items
    def __iter__(self):
        return iter(self.items)
s = Seq(1, 2, 3)
print(len(s), s[0], s[-1], s[0:2], 2 in s, 5 in s, list(s), bool(Seq()))
s[0] = 10
del s[1]
print(s.items, [x * 2 for x in s], sum(s))
class OldIter:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(OldIter()), 20 in OldIter())
class CountDown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(CountDown(4)), [x for x in CountDown(2)])
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, y=0):
        return self.n + x + y
add5 = Adder(5)
print(add5(1), add5(1, y=10), callable(add5), callable(a))
class Money:
    def __init__(self, c):
        self.c = c
    def __radd__(self, other):
        return Money(other + self.c)
    def __add__(self, other):
        return Money(self.c + (other.c if isinstance(other, Money) else other))
    def __repr__(self):
        return f"Money({self.c})"
print(sum([Money(1), Money(2), Money(3)]), 5 + Money(1), Money(1) + 5)
class Cmp:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __gt__(self, o):
        return self.v > o.v
print(Cmp(1) < Cmp(2), Cmp(3) > Cmp(2), Cmp(1) == Cmp(1), Cmp(1) != Cmp(1))
class Box:
    def __init__(self, v):
        self.v = v
    def __getattr__(self, name):
        return f"missing:{name}"
print(Box(1).v, Box(1).anything)
class Pow:
    def __pow__(self, e):
        return f"pow {e}"
    def __and__(self, o):
        return "and"
    def __or__(self, o):
        return "or"
    def __xor__(self, o):
        return "xor"
    def __lshift__(self, o):
        return "lshift"
    def __rshift__(self, o):
        return "rshift"
    def __invert__(self):
        return "invert"
    def __matmul__(self, o):
        return "matmul"
p = Pow()
print(p ** 2, p & 1, p | 1, p ^ 1, p << 1, p >> 1, ~p, p @ p)
class NoOps:
    pass
try:
    NoOps() + 1
except TypeError as e:
    print("TypeError:", e)
try:
    NoOps() < NoOps()
except TypeError as e:
    print("TypeError:", e)
