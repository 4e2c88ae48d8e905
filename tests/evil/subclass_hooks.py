# __missing__, __contains__, __setitem__/__delitem__ overrides on dict/list subclasses, all allocating.
from _evil import churn, case


class Dflt(dict):
    def __missing__(self, key):
        churn()
        v = [key] * 2
        self[key] = v
        return v


def missing():
    d = Dflt(a=1)
    return d["a"], d["b"], sorted(d)
case("__missing__ allocating and inserting", missing)

def missing_get():
    d = Dflt()
    return d.get("x", "get ignores __missing__"), "x" in d
case("dict.get ignores __missing__", missing_get)

def missing_in_loop():
    d = Dflt()
    for w in "abcab":
        d[w].append(w)
    return sorted((k, len(v)) for k, v in d.items())
case("__missing__ in a loop", missing_in_loop)


class Raiser(dict):
    def __missing__(self, key):
        churn()
        raise KeyError("missing " + key)


case("__missing__ raising", lambda: Raiser()["q"])


class Cont:
    def __init__(self, items):
        self.items = items

    def __contains__(self, x):
        churn()
        return x in self.items


case("in with __contains__", lambda: (2 in Cont([1, 2]), 5 in Cont([1])))
case("not in with __contains__", lambda: 3 not in Cont([3]))


class ContInt:
    def __contains__(self, x):
        churn()
        return 7


case("__contains__ returning int", lambda: 1 in ContInt())


class LoggingDict(dict):
    def __setitem__(self, k, v):
        churn()
        dict.__setitem__(self, k, [v])

    def __delitem__(self, k):
        churn()
        dict.__delitem__(self, k)
        dict.__setitem__(self, "deleted-" + k, True)


def logging_dict():
    d = LoggingDict()
    d["a"] = 1
    d["b"] = "x" * 2
    del d["a"]
    return sorted(d.items())
case("dict subclass __setitem__/__delitem__", logging_dict)

def logging_dict_update():
    d = LoggingDict()
    d.update(z=1)  # dict.update does not call __setitem__
    return sorted(d.items())
case("dict subclass update bypasses __setitem__", logging_dict_update)


class LoggingList(list):
    def __setitem__(self, i, v):
        churn()
        list.__setitem__(self, i, ("set", v))

    def __getitem__(self, i):
        churn()
        return ("get", list.__getitem__(self, i))


def logging_list():
    l = LoggingList([1, 2, 3])
    l[0] = "a" * 2
    return l[0], l[1:], list(l)
case("list subclass __setitem__/__getitem__", logging_list)

def list_subclass_aug():
    l = LoggingList([10, 20])
    l[1] += (5,)
    return list(l)
case("list subclass augmented item store", list_subclass_aug)


class Counter(dict):
    def __missing__(self, key):
        churn()
        return 0


def counter():
    c = Counter()
    for ch in "mississippi":
        c[ch] += 1
    return sorted(c.items())
case("counter via __missing__ and +=", counter)


class Sub(str):
    def __hash__(self):
        churn()
        return str.__hash__(self)


def str_subclass_keys():
    d = {Sub("a" + "b"): 1}
    d[Sub("cd")] = 2
    return d["ab"], d[Sub("cd")], Sub("ab") in d
case("str subclass with allocating __hash__ as keys", str_subclass_keys)
