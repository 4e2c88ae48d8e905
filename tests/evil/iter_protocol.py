# stress: 20
# Iterators whose __iter__/__next__ allocate, consumed by every builtin that iterates.
from _evil import churn, case


class It:
    """Yields the items of a list; __iter__ and __next__ allocate."""

    def __init__(self, items, churn_every=1):
        self.items = items
        self.i = 0
        self.every = churn_every

    def __iter__(self):
        churn()
        return self

    def __next__(self):
        if self.i % self.every == 0:
            churn()
        if self.i >= len(self.items):
            raise StopIteration
        self.i += 1
        return self.items[self.i - 1]


def young(n):
    return ["s" + str(i) for i in range(n)]


case("list(It)", lambda: list(It(young(4))))
case("tuple(It)", lambda: tuple(It([1, 2, 3])))
case("set(It)", lambda: sorted(set(It([3, 1, 3, 2]))))
case("frozenset(It)", lambda: sorted(frozenset(It(young(3)))))
case("dict(It of pairs)", lambda: dict(It([("a", 1), ("b", 2)])))
case("dict(It of bad)", lambda: dict(It([("a", 1), "abc"])))
case("str.join(It)", lambda: "-".join(It(young(4))))
case("str.join(It) non-str", lambda: "-".join(It(["a", 2])))
case("bytes.join(It)", lambda: b",".join(It([b"x", b"yz"])))
case("sum(It)", lambda: sum(It([1, 2, 3, 4])))
case("sum(It, start)", lambda: sum(It([[1], [2]]), []))
case("sum(It of floats)", lambda: sum(It([0.5, 0.25, 1.0])))
case("zip(It, It)", lambda: list(zip(It(young(3)), It([1, 2, 3, 4]))))
case("map(f, It)", lambda: list(map(lambda s: s + "!", It(young(3)))))
case("map(f, It, It)", lambda: list(map(lambda a, b: a * b, It([1, 2]), It([3, 4, 5]))))
case("enumerate(It)", lambda: list(enumerate(It(young(3)), 10)))
case("sorted(It)", lambda: sorted(It([5, 3, 4, 1])))
case("min(It)", lambda: min(It(young(5))))
case("max(It)", lambda: max(It([2, 9, 4])))
case("min(empty It)", lambda: min(It([])))
case("any(It)", lambda: any(It([0, 0, 1])))
case("all(It)", lambda: all(It([1, 1, 0])))
case("reversed(list(It))", lambda: list(reversed(list(It([1, 2, 3])))))
case("filter(None, It)", lambda: list(filter(None, It([0, 1, "", "x"]))))

def extend_it():
    l = young(2)
    l.extend(It(young(3)))
    return l
case("list.extend(It)", extend_it)

def extend_self_clearing():
    l = [1, 2, 3]
    class Clr(It):
        def __next__(self):
            l.clear()
            return It.__next__(self)
    l.extend(Clr(["a", "b"]))
    return l
case("list.extend(It) clearing the list", extend_self_clearing)

def unpack():
    a, b, c = It(young(3))
    return a, b, c
case("a, b, c = It", unpack)

def unpack_star():
    a, *rest = It(young(4))
    return a, rest
case("a, *rest = It", unpack_star)

def unpack_short():
    a, b, c = It([1, 2])
case("unpack too few", unpack_short)

def unpack_long():
    a, b = It([1, 2, 3])
case("unpack too many", unpack_long)

case("x in It", lambda: ("s2" in It(young(4)), "zz" in It(young(2))))

def for_loop():
    out = []
    for x in It(young(3)):
        out.append(x.upper())
    return out
case("for x in It", for_loop)

case("[*It]", lambda: [*It([1, 2]), *It([3])])
case("(*It,)", lambda: (*It(young(2)),))
case("{*It}", lambda: sorted({*It([2, 1, 2])}))
case("f(*It)", lambda: (lambda *a: a)(*It([1, 2, 3])))
case("bytearray(It)", lambda: bytearray(It([104, 105])))
case("bytes(It)", lambda: bytes(It([1, 2, 3])))
case("set.update(It)", lambda: sorted((lambda s: (s.update(It([4, 5])), s)[1])({1})))
case("dict.update(It)", lambda: (lambda d: (d.update(It([("k", "v")])), d)[1])({}))
case("list comprehension over It", lambda: [x * 2 for x in It([1, 2, 3])])
case("generator over It", lambda: list(x + 1 for x in It([1, 2])))

def yield_from():
    def g():
        yield from It(young(2))
        yield "end"
    return list(g())
case("yield from It", yield_from)

def iter_next_builtin():
    it = iter(It([7, 8]))
    return next(it), next(it), next(it, "done")
case("iter()/next(It)", iter_next_builtin)

def raising_next():
    class R(It):
        def __next__(self):
            churn()
            raise ValueError("from next")
    return list(R([1]))
case("__next__ raises", raising_next)
