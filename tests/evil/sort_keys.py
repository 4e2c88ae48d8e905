# Sorting with allocating comparisons and key functions, including ones that mutate the list.
from _evil import churn, case


class L:
    def __init__(self, v, side=None):
        self.v = v
        self.side = side

    def __lt__(self, other):
        churn()
        if self.side is not None:
            s, self.side = self.side, None
            s()
        return self.v < other.v

    def __repr__(self):
        return "L(%r)" % (self.v,)


def key_alloc(x):
    churn()
    return -x


case("sorted(L...)", lambda: sorted([L(3), L(1), L(2), L(5), L(4)]))
case("sorted(L..., reverse)", lambda: sorted([L(3), L(1), L(2)], reverse=True))

def sort_l():
    a = [L(i * 7 % 5) for i in range(5)]
    a.sort()
    return a
case("list.sort of L", sort_l)

case("sorted(key=alloc)", lambda: sorted([3, 1, 2], key=key_alloc))
case("min(key=alloc)", lambda: min([3, 1, 2], key=key_alloc))
case("max(key=alloc)", lambda: max([3, 1, 2], key=key_alloc))
case("max(*args, key=alloc)", lambda: max(4, 9, 1, key=key_alloc))
case("min(default, key)", lambda: min([], key=key_alloc, default="empty"))

def sort_key_young():
    words = ["w" + str(i * 37 % 11) for i in range(11)]
    words.sort(key=lambda w: (churn(), int(w[1:]))[1])
    return words
case("list.sort(key=alloc) of young strs", sort_key_young)

def sort_key_clears():
    a = [3, 1, 2]
    def key(x):
        churn()
        a.clear()
        return x
    a.sort(key=key)
    return a
case("key clears the list", sort_key_clears)

def sort_key_appends():
    a = [3, 1, 2]
    def key(x):
        a.append(x)
        return x
    a.sort(key=key)
    return a
case("key appends to the list", sort_key_appends)

def sort_lt_clears():
    a = [L(3), L(1), L(2)]
    a[0].side = a.clear
    a.sort()
    return a
case("__lt__ clears the list", sort_lt_clears)

def sort_lt_appends():
    a = [L(3), L(1), L(2)]
    a[1].side = lambda: a.append(L(0))
    a.sort()
    return a
case("__lt__ appends to the list", sort_lt_appends)

def sort_lt_raises():
    class Boom(L):
        def __lt__(self, other):
            churn()
            raise ValueError("boom")
    a = [Boom(2), Boom(1)]
    try:
        a.sort()
    except ValueError as e:
        return str(e), len(a)
case("__lt__ raises", sort_lt_raises)

def key_raises():
    def key(x):
        if x == 2:
            raise KeyError(x)
        return x
    a = [3, 2, 1]
    try:
        a.sort(key=key)
    except KeyError as e:
        return "KeyError", a
case("key raises: list unchanged", key_raises)

def sorted_gen():
    return sorted((L(i % 4) for i in range(8)), key=lambda l: (churn(), l.v)[1])
case("sorted(genexpr, key=alloc)", sorted_gen)

def sorted_stable():
    data = [("b", 2), ("a", 2), ("c", 1), ("d", 1)]
    return sorted(data, key=lambda t: (churn(), t[1])[1])
case("sort stability with alloc key", sorted_stable)

def sorted_dict():
    d = {"x" + str(i): i for i in range(6)}
    return sorted(d, key=lambda k: (churn(), -d[k])[1])
case("sorted(dict, key=alloc)", sorted_dict)

def sort_mixed_types():
    return sorted([L(1), 2])
case("sorted mixed types", sort_mixed_types)
