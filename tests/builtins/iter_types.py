# enumerate, zip, map, filter and reversed are types: isinstance, type(), repr of the type,
# subclassing (own __init__/__next__/extra methods), the constructors' errors, zip(strict=True).

for T in (map, zip, filter, enumerate, reversed):
    print(T, type(T), T.__name__, isinstance(T, type))
print(isinstance(map(str, []), map), type(map(str, [])) is map, type(zip()) is zip)
print(isinstance(filter(None, []), filter), isinstance(enumerate([]), enumerate))
print(isinstance(reversed((1, 2)), reversed), type(reversed([1])).__name__, isinstance(reversed([]), reversed))
print(type(reversed(range(3))).__name__, type(reversed("ab")).__name__, type(reversed({1: 2})).__name__)
print(list(map.__new__(map, abs, [-1, 2])), list(zip.__new__(zip, "ab", [1, 2])))
print(list(enumerate(iterable="ab", start=5)), list(filter(None, [0, 1, "", "x"])))
print(issubclass(map, object), map.__mro__, zip.__mro__)


class M(map):
    def __init__(self, f, *its):
        self.count = 0

    def __next__(self):
        self.count += 1
        return super().__next__() * 10


m = M(abs, [-1, -2, 3])
print(type(m).__name__, isinstance(m, map), iter(m) is m, list(m), m.count)


class Z(zip):
    def pairs(self):
        return [f"{a}{b}" for a, b in self]


print(Z("abc", "xyz").pairs(), type(Z()).__name__, list(Z([1], [2], strict=True)))


class E(enumerate):
    pass


e = E("xy", 1)
print(type(e).__name__, next(e), list(e), isinstance(e, enumerate))


class F(filter):
    label = "odd"


f = F(lambda x: x % 2, range(7))
f.extra = 1
print(list(f), f.label, f.extra, type(f).__mro__[1].__name__)


class R(reversed):
    pass


print(type(R((1, 2))).__name__, list(R((1, 2, 3))), type(R([1, 2])).__name__, list(R([1, 2])))
for x in M(lambda v: v + 1, [1, 2]):
    print("loop", x)
a, b = M(int, "12")
print(a, b, sorted(M(len, ["aaa", "b"])), dict(zip(E("ab"), "cd")))

# zip(strict=True)
for args in ([[1, 2], [1]], [[1], [1, 2]], [[1, 2], [1, 2], [3]], [[], [1]], [[1], [2]]):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as err:
        print("ValueError", err)

# errors as CPython's
for f in (lambda: map(), lambda: map(abs), lambda: map(abs, 5), lambda: map(abs, [], x=1),
          lambda: zip(5), lambda: zip([], bad=1), lambda: filter(None), lambda: filter(None, 3),
          lambda: enumerate(), lambda: enumerate([], 1, 2), lambda: enumerate([], "s"),
          lambda: reversed(5), lambda: reversed(), lambda: reversed({1}), lambda: map.__new__(int, abs, []),
          lambda: reversed.__new__(list, [1]), lambda: zip.__new__(), lambda: next(M(abs, []))):
    try:
        print(f())
    except Exception as err:
        print(type(err).__name__, err)
