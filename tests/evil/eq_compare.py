# stress: 20
# __eq__ / __lt__ hooks that allocate and mutate the containers being searched or compared.
from _evil import churn, case


class E:
    """Equal to anything with the same k; __eq__ allocates and may run a side effect once."""

    def __init__(self, k, side=None):
        self.k = k
        self.side = side

    def __eq__(self, other):
        churn()
        if self.side is not None:
            s, self.side = self.side, None
            s()
        return self.k == getattr(other, "k", other)

    __hash__ = None

    def __repr__(self):
        return "E(%r)" % (self.k,)


case("list.index(E)", lambda: [1, 2, 3, 4].index(E(3)))
case("list.count(E)", lambda: [1, 2, 1, 2, 1].count(E(1)))
case("E in list", lambda: (E(4) in [1, 2, 3, 4], E(9) in [1, 2]))
case("E in tuple", lambda: E("b") in ("a", "b"))

def remove_e():
    l = ["a", "b", "c", "b"]
    l.remove(E("b"))
    return l
case("list.remove(E)", remove_e)

def remove_missing():
    l = ["a"]
    l.remove(E("z"))
case("list.remove(E) missing", remove_missing)

def index_clears():
    l = [1, 2, 3, 4]
    return l.index(E(3, l.clear))
case("list.index, list cleared by __eq__", index_clears)

def count_clears():
    l = [1, 1, 1, 1]
    return l.count(E(1, l.clear)), l
case("list.count, list cleared by __eq__", count_clears)

def remove_clears():
    l = ["x", "y", "z"]
    l.remove(E("z", l.clear))
    return l
case("list.remove, list cleared by __eq__", remove_clears)

def in_clears():
    l = [1, 2, 3]
    return E(3, l.clear) in l
case("in list, list cleared by __eq__", in_clears)

def in_grows():
    l = [1, 2, 3]
    return E(50, lambda: l.extend(range(40, 60))) in l, len(l)
case("in list, list grown by __eq__", in_grows)

def list_eq():
    a = [E(1), E(2), E(3)]
    return a == [1, 2, 3], a == [1, 2, 4], a != [1, 2, 3]
case("list == list of E", list_eq)

def list_eq_shrinks():
    b = [1, 2, 3, 4]
    a = [E(1, b.clear), E(2), E(3), E(4)]
    return a == b
case("list ==, other list cleared by __eq__", list_eq_shrinks)

def tuple_eq():
    return (E(1), E("x")) == (1, "x"), (E(1), 2) == (1, 3)
case("tuple == tuple of E", tuple_eq)

def tuple_lt():
    return (E(1), 5) < (1, 6), (E(1), 5) < (1, 4)
case("tuple < with E prefix", tuple_lt)

def dict_values_eq():
    return {"a": E(1), "b": E(2)} == {"a": 1, "b": 2}
case("dict == dict, E values", dict_values_eq)

def dict_eq_mutates():
    other = {"a": 1, "b": 2}
    mine = {"a": E(1, lambda: other.update({"c": 3})), "b": E(2)}
    return mine == other
case("dict ==, other dict grown by __eq__", dict_eq_mutates)


class C:
    """Colliding hash; __eq__ allocates and may mutate the dict once."""

    def __init__(self, k, d=None):
        self.k = k
        self.d = d

    def __hash__(self):
        return 7

    def __eq__(self, other):
        churn()
        if self.d is not None:
            d, self.d = self.d, None
            d["zz"] = 1
            del d["zz"]
        return isinstance(other, C) and self.k == other.k

    def __repr__(self):
        return "C(%r)" % (self.k,)


def colliding():
    d = {}
    for i in range(5):
        d[C(i)] = i * 10
    return d[C(3)], C(4) in d, C(9) in d, len(d)
case("dict with colliding __eq__ keys", colliding)

def colliding_del():
    d = {C(i): i for i in range(4)}
    del d[C(2)]
    return sorted(k.k for k in d)
case("del dict, colliding keys", colliding_del)

def colliding_mutating():
    d = {C(i): i for i in range(4)}
    for k in list(d):
        k.d = d
    return d[C(3, d)], len(d)
case("dict lookup, dict mutated by __eq__", colliding_mutating)

def set_colliding():
    s = {C(i) for i in range(4)}
    s.discard(C(1))
    return sorted(c.k for c in s), C(3) in s
case("set with colliding __eq__", set_colliding)


class L:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        churn()
        return self.v < other.v

    def __repr__(self):
        return "L(%r)" % (self.v,)


case("L < L", lambda: (L(1) < L(2), L(3) < L(2)))
case("L > L reflected", lambda: L(1) > L(2))
case("min(L...)", lambda: min([L(3), L(1), L(2)]))
case("max(L...)", lambda: max(L(3), L(5), L(2)))

def bisect_loop():
    a = [L(i * 2) for i in range(8)]
    x = L(7)
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo
case("bisect-like loop over L", bisect_loop)

def list_lt():
    return [L(1), L(2)] < [L(1), L(3)]
case("list < list of L", list_lt)


# Ordering of lists whose items' __eq__ resizes the lists being compared (the items are read
# afresh after every hook).
def lt_shrinks():
    a = [1, 2, E(3), 4]
    b = [1, 2, 3, 5]
    a[2].side = b.clear
    return a < b, a, b
case("list <, other list cleared by __eq__", lt_shrinks)

def lt_grows():
    a = [E(0), 7]
    b = [0]
    a[0].side = lambda: b.extend([7, 8])
    return a <= b, a > b, b
case("list <=, other list grown by __eq__", lt_grows)

def lt_differs_after():
    a = [E(1), E(2)]
    b = [1, 9]
    a[0].side = lambda: a.pop()
    return a < b, a
case("list <, own tail popped by __eq__", lt_differs_after)

case("tuple < tuple of ints", lambda: ((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 0), (5,) >= (5,), (2, 1) > (1, 9)))
case("tuple == with ints and E", lambda: ((1, E(2), 3) == (1, 2, 3), (1, E(2)) != (1, 3)))
