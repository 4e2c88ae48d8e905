# Containers mutated while being iterated (from Python and from hooks): CPython's errors must come out.
from _evil import churn, case


def dict_add_in_loop():
    d = {"a": 1, "b": 2}
    for k in d:
        churn()
        d[k + "x"] = 0
case("dict grows in for loop", dict_add_in_loop)

def dict_del_in_loop():
    d = {"a": 1, "b": 2, "c": 3}
    for k in d:
        del d["c"]
case("dict shrinks in for loop", dict_del_in_loop)

def dict_items_add():
    d = {"a": 1}
    for k, v in d.items():
        d[str(v) * 3] = v
case("dict.items() grows", dict_items_add)

def dict_values_add():
    d = {"a": 1}
    for v in d.values():
        d["n" + str(v)] = v
case("dict.values() grows", dict_values_add)

def dict_keys_list_ok():
    d = {"a": 1, "b": 2}
    for k in list(d):
        churn()
        d[k + k] = 0
    return sorted(d)
case("iterate list(d) while growing d", dict_keys_list_ok)

def dict_change_value_ok():
    d = {"a": 1, "b": 2}
    for k in d:
        d[k] = [churn()]
    return sorted(d)
case("dict value replaced in loop", dict_change_value_ok)

def set_add_in_loop():
    s = {1, 2, 3}
    for x in s:
        s.add(x + 10)
case("set grows in for loop", set_add_in_loop)

def set_discard_in_loop():
    s = {1, 2, 3}
    for x in s:
        s.discard(x)
case("set shrinks in for loop", set_discard_in_loop)


class Hk:
    def __init__(self, k, side):
        self.k = k
        self.side = side

    def __hash__(self):
        churn()
        if self.side:
            s, self.side = self.side, None
            s()
        return hash(self.k)

    def __eq__(self, o):
        return isinstance(o, Hk) and o.k == self.k


def dict_from_dict_mutating():
    src = {"a": 1, "b": 2}
    # the copy hashes nothing (str keys): mutation of src happens via a key of the dict being read
    out = {}
    for k in src:
        out[Hk(k, lambda: src.update(c=3))] = src[k]
case("dict grows via __hash__ of a key while iterated", dict_from_dict_mutating)

def set_from_set_mutating():
    s = {"p", "q"}
    t = set()
    for x in s:
        t.add(Hk(x, lambda: s.add("r" + x)))
case("set grows via __hash__ while iterated", set_from_set_mutating)

def comprehension_over_dict():
    d = {i: i for i in range(4)}
    return [d.setdefault(k + 100, k) for k in d]
case("comprehension grows the dict it iterates", comprehension_over_dict)

def list_grows_in_loop():
    l = [1, 2, 3]
    n = 0
    for x in l:
        n += 1
        if len(l) < 8:
            l.append(churn() and x)
    return n, len(l)
case("list grows in for loop (allowed)", list_grows_in_loop)

def list_shrinks_in_loop():
    l = list(range(6))
    seen = []
    for x in l:
        seen.append(x)
        l.remove(x)
    return seen, l
case("list shrinks in for loop (allowed)", list_shrinks_in_loop)

def list_cleared_in_enumerate():
    l = list(range(5))
    out = []
    for i, x in enumerate(l):
        out.append(x)
        if i == 1:
            l.clear()
            churn()
    return out
case("list cleared inside enumerate", list_cleared_in_enumerate)

def zip_mutating():
    a = [1, 2, 3]
    b = ["x", "y", "z"]
    out = []
    for p, q in zip(a, b):
        out.append((p, q))
        b.pop()
        churn()
    return out
case("zip over a list being popped", zip_mutating)

def reversed_mutating():
    l = [1, 2, 3, 4]
    out = []
    for x in reversed(l):
        out.append(x)
        l.clear()
    return out
case("reversed(list) cleared in loop", reversed_mutating)

def sorted_view_ok():
    d = {"b": 1, "a": 2}
    for k in sorted(d):
        d[k + "!"] = churn()
    return sorted(d)
case("sorted(d) while growing d", sorted_view_ok)

def dict_iter_next_after_mutation():
    d = {"a": 1, "b": 2}
    it = iter(d)
    first = next(it)
    d["c"] = 3
    try:
        next(it)
    except RuntimeError as e:
        return first, str(e)
case("next(dict iterator) after growth", dict_iter_next_after_mutation)

def dict_pop_readd_same_size():
    d = {"a": 1, "b": 2}
    out = []
    for k in d:
        out.append(k)
        if k == "a":
            d.pop("b")
            d["c"] = 3
    return out
case("dict same size after pop+add", dict_pop_readd_same_size)

def list_of_dict_items_in_hook():
    d = {"k" + str(i): i for i in range(5)}
    class K:
        def __hash__(self):
            churn()
            d.clear()
            return 1
    try:
        for k in d:
            hash(K())
    except RuntimeError as e:
        return str(e), len(d)
case("dict cleared by a hook while iterated", list_of_dict_items_in_hook)
