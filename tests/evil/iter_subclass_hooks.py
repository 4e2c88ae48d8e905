# Subclasses of map/zip/filter/enumerate/reversed whose __init__, __next__ and __iter__ allocate
# (a collection moves the box and the iterator inside it) and change the instance mid-iteration.
from _evil import churn, case


class M(map):
    def __init__(self, f, *its):
        churn()
        self.seen = []

    def __next__(self):
        churn()
        v = super().__next__()
        self.seen.append(v)
        return v


def map_sub():
    m = M(lambda x: [x] * 3, range(4))
    out = [len(v) for v in m]
    return out, len(m.seen), type(m).__name__


case("map subclass with allocating __init__/__next__", map_sub)


class Z(zip):
    def __iter__(self):
        churn()
        self.tag = "iterated"
        return super().__iter__()


def zip_sub():
    z = Z("abc", [1, 2, 3])
    return list(z), z.tag


case("zip subclass with allocating __iter__", zip_sub)


class F(filter):
    def __next__(self):
        churn()
        return super().__next__() * 2


case("filter subclass in a for loop", lambda: [x for x in F(lambda v: churn() and v % 2, range(6))])


class E(enumerate):
    pass


def enum_sub():
    e = E(iter(lambda: churn() and [1] * 10, None), 5)
    return [next(e)[0] for _ in range(3)], isinstance(e, enumerate)


case("enumerate subclass over an allocating callable iterator", enum_sub)


class R(reversed):
    def __next__(self):
        churn()
        return super().__next__()


case("reversed subclass", lambda: (list(R((1, 2, 3))), sorted(R("cab"))))
