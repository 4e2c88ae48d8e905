# The dunder methods of builtin types (slot wrappers): called bound and unbound, with wrong
# arguments, from subclasses through super(), and as plain functions (map, sorted keys).
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: ((1).__add__(2), (1).__radd__(2), (5).__rsub__(7), (2).__pow__(10, 1000), (7).__divmod__(2), (7).__rdivmod__(30)))
t(lambda: (1).__add__('a'))
t(lambda: [1].__add__(2))
t(lambda: 'a'.__add__(1))
t(lambda: (1,).__mul__('x'))
t(lambda: ('a'.__mul__(3), 'a'.__rmul__(3), (1.5).__floor__(), (1.5).__ceil__(), (2.5).__round__(), (2.567).__round__(2)))
t(lambda: (int.__add__(1, 2), list.__len__([1, 2]), dict.__getitem__({1: 2}, 1), str.__lt__('a', 'b'), 'a'.__lt__(1), (3).__lt__(4.5)))
t(lambda: (True.__and__(False), True.__or__(1), (5).__index__(), (-3).__abs__(), (3.7).__int__(), (3).__float__(), (0).__bool__(), (3).__neg__(), (3).__invert__()))
t(lambda: ((2.0).__truediv__(4), (2.0).__rtruediv__(4), (7.5).__mod__(2), (2).__rpow__(3), (1).__lshift__(70), (-7).__floordiv__(2)))
l = [1]
t(lambda: (l.__iadd__([2, 3]), l, l.__imul__(2), l))
s = {1, 2}
t(lambda: (s.__iand__({2}), s, sorted(s.__ror__({5})), frozenset({1}).__or__({2}), {1: 2}.__or__({3: 4}), {}.keys().__and__({1})))
t(lambda: ({1}.__sub__([1]), {1}.__and__(1)))
t(lambda: (list([1, 2, 3].__reversed__()), list(range(3).__reversed__()), list({1: 2, 3: 4}.__reversed__()), list({1: 2}.values().__reversed__())))
t(lambda: (list.__hash__, dict.__hash__, set.__hash__, bytearray.__hash__, tuple.__hash__ is not None))
t(lambda: ([1].__len__(), [1].__contains__(1), 'ab'.__getitem__(1), b'ab'.__getitem__(0), (1,).__getitem__(0), range(3).__getitem__(1), range(3).__len__()))
b = bytearray(b'ab')
t(lambda: (b.__setitem__(0, 1), b.__delitem__(1), b, b.__len__(), b.__contains__(1), b.__iadd__(b'c'), bytearray(b'a').__mul__(2)))
t(lambda: (bytearray(b'a').__eq__(b'a'), bytearray(b'a').__repr__(), memoryview(b'ab').__getitem__(0), memoryview(b'ab').__len__()))
d = {1: 2}
t(lambda: (d.__setitem__(3, 4), d.__delitem__(1), d, d.__len__(), d.__contains__(3)))
t(lambda: d.__delitem__(99))
it = iter([1, 2])
t(lambda: (it.__next__(), it.__iter__() is it, it.__next__()))
t(lambda: it.__next__())


class L(list):
    def __getitem__(self, i):
        return ("L", super().__getitem__(i))

    def __len__(self):
        return super().__len__() + 100

    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)

    def __contains__(self, x):
        return super().__contains__(x) or x == "z"

    def __add__(self, o):
        return ("add", super().__add__(o))


x = L([1, 2, 3])
x[0] = 5
t(lambda: (x[0], len(x), "z" in x, 5 in x, 10 in x, list.__repr__(x), x + [4], [0] + x, x * 2))
t(lambda: x + 1)


class S(str):
    def __mul__(self, n):
        return "S*%d" % n

    def __radd__(self, o):
        return "radd(" + o + ")"


t(lambda: (S("ab") * 3, "x" + S("y"), S("a") + "b", 3 * S("q")))


class D(dict):
    def __getitem__(self, k):
        return super().__getitem__(k) * 10

    def __setitem__(self, k, v):
        [[0] * 30 for _ in range(30)]  # a GC point inside the override
        super().__setitem__(k, v + 1)


dd = D()
dd["a"] = 1
t(lambda: (dd["a"], dict.__getitem__(dd, "a"), dd))
for bad in ["(1).__add__()", "(1).__add__(1, 2)", "list.__len__(5)", "int.__add__('a', 1)", "(1).__lt__()",
            "object.__lt__(1, 2)", "(1).__round__(1, 2)", "str.__len__()",
            "[].__iter__(1)", "(1.5).__floor__(2)"]:
    t(lambda: eval(bad))
t(lambda: (object().__lt__(1), (1).__eq__(1.0), (1).__ne__('a'), 'a'.__eq__('a'), b'a'.__ge__(b'a'), (1, 2).__lt__((1, 3)), [1].__eq__([1])))
t(lambda: (sorted([3, 1, 2], key=int.__neg__), list(map(int.__mul__, [1, 2], [3, 4])), list(map(str.__len__, ['ab', 'c']))))
