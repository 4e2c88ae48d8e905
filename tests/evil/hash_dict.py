# stress: 20
# __hash__ hooks that allocate (and sometimes mutate the container) on dict and set operations.
from _evil import churn, case


class H:
    def __init__(self, k, side=None):
        self.k = k
        self.side = side

    def __hash__(self):
        churn()
        if self.side is not None:
            s, self.side = self.side, None
            s()
        return hash(self.k)

    def __eq__(self, other):
        return isinstance(other, H) and self.k == other.k

    def __repr__(self):
        return "H(%r)" % (self.k,)


def fresh():
    return {"a" + str(i): i for i in range(5)}


def d_set():
    d = fresh()
    d[H(1)] = "one"
    d[H(2)] = "two"
    return sorted(map(str, d.items()))
case("dict[H] = v", d_set)

def d_get():
    d = {H(1): "one", H(2): "two"}
    return d[H(2)]
case("dict[H]", d_get)

def d_missing():
    d = {H(1): "one"}
    return d[H(3)]
case("dict[H] missing", d_missing)

def d_del():
    d = {H(1): "one", H(2): "two"}
    del d[H(1)]
    return list(d.values())
case("del dict[H]", d_del)

def d_get_method():
    d = {H(1): "one"}
    return d.get(H(1)), d.get(H(9), "dflt")
case("dict.get(H)", d_get_method)

def d_pop():
    d = {H(1): "one", H(2): "two"}
    return d.pop(H(2)), d.pop(H(7), None), len(d)
case("dict.pop(H)", d_pop)

def d_setdefault():
    d = {H(1): ["one"]}
    d.setdefault(H(1), []).append("uno")
    d.setdefault(H(2), []).append("dos")
    return sorted((k.k, v) for k, v in d.items())
case("dict.setdefault(H)", d_setdefault)

def d_in():
    d = {H(1): 1}
    return H(1) in d, H(2) in d, H(1) not in d
case("H in dict", d_in)

def d_literal():
    d = {H("x"): 1, H("y"): 2, H("x"): 3}
    return sorted((k.k, v) for k, v in d.items())
case("dict literal with H keys", d_literal)

def d_fromkeys():
    return sorted(k.k for k in dict.fromkeys([H(3), H(1), H(2)]))
case("dict.fromkeys(H...)", d_fromkeys)

def d_insert_during_hash():
    d = fresh()
    d[H(1, lambda: d.update({"z%d" % i: i for i in range(50)}))] = "one"
    return len(d), d[H(1)]
case("dict grows inside __hash__ of key", d_insert_during_hash)

def d_clear_during_hash():
    d = fresh()
    d[H(5)] = 5
    r = d.get(H(5, d.clear))
    return r, len(d)
case("dict cleared inside __hash__ of lookup key", d_clear_during_hash)

def s_add():
    s = {1, 2}
    s.add(H(1))
    s.add(H(1))
    return len(s)
case("set.add(H)", s_add)

def s_in():
    s = {H(1), H(2)}
    return H(2) in s, H(3) in s
case("H in set", s_in)

def s_remove():
    s = {H(1), H(2)}
    s.remove(H(1))
    s.discard(H(2))
    s.discard(H(3))
    return len(s)
case("set.remove/discard(H)", s_remove)

def s_remove_missing():
    s = {H(1)}
    s.remove(H(4))
case("set.remove(H) missing", s_remove_missing)

def s_literal():
    return sorted(h.k for h in {H(3), H(1), H(3), H(2)})
case("set literal of H", s_literal)

def fs():
    f = frozenset([H(1), H(2), H(1)])
    return len(f), H(2) in f, hash(f) == hash(frozenset([H(2), H(1)]))
case("frozenset of H", fs)

def s_union():
    a = {H(1), H(2)}
    b = [H(2), H(3)]
    return sorted(h.k for h in a.union(b)), sorted(h.k for h in a.intersection(b))
case("set.union/intersection with H", s_union)

def set_grow_during_hash():
    s = set(range(3))
    s.add(H(1, lambda: s.update(range(100, 140))))
    return len(s)
case("set grows inside __hash__", set_grow_during_hash)

case("hash(H)", lambda: hash(H(12345)) == hash(12345))
case("dict(zip) with H", lambda: sorted((k.k, v) for k, v in dict(zip([H(1), H(2)], "ab")).items()))
case("set comprehension of H", lambda: len({H(i % 3) for i in range(6)}))
case("dict comprehension of H", lambda: sorted((k.k, v) for k, v in {H(i % 2): i for i in range(4)}.items()))


class ClearEq:
    """An __eq__ that clears (or grows) the container it is being looked up in, then says equal."""

    def __init__(self, k, box, action):
        self.k, self.box, self.action = k, box, action

    def __hash__(self):
        return hash(self.k)

    def __eq__(self, other):
        churn()
        if self.box:
            c = self.box.pop()
            self.action(c)
        return True


def eq_mutates(op, action, n=1):
    def run():
        box = []
        d = {ClearEq(i, box, action): i for i in range(n)}
        box.append(d)
        key = ClearEq(0, box, action)
        try:
            r = op(d, key)
        except KeyError as e:
            r = "KeyError"
        return r, len(d)
    return run

for name, action in [("clear", lambda d: d.clear()), ("grow", lambda d: d.update((j, j) for j in range(100, 120)))]:
    for n in (1, 12):
        case("dict.pop, __eq__ does %s (%d keys)" % (name, n), eq_mutates(lambda d, k: d.pop(k), action, n))
        case("del dict[k], __eq__ does %s (%d keys)" % (name, n), eq_mutates(lambda d, k: d.__delitem__(k), action, n))
        case("dict[k] = v, __eq__ does %s (%d keys)" % (name, n), eq_mutates(lambda d, k: d.__setitem__(k, "v"), action, n))
        case("dict[k], __eq__ does %s (%d keys)" % (name, n), eq_mutates(lambda d, k: d[k], action, n))
        case("k in set, __eq__ does %s (%d keys)" % (name, n), eq_mutates(lambda d, k: k in set(d) and None, action, n))
