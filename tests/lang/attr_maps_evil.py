# Hooks that allocate a lot and add/delete attributes on the receiver while an attribute
# operation is in progress, with the inline caches warm. Every GC mode must print the same.


def churn(n=300):
    # enough allocation to trigger collections (and move young objects) in every GC mode
    junk = [[i, str(i), (i,)] for i in range(n)]
    return len(junk)


class Hooked:
    def __init__(self):
        self.a = 1
        self.b = 2

    def __setattr__(self, name, value):
        churn()
        if name == "c":
            # mutate the receiver's attributes while its own store is running
            object.__setattr__(self, "extra", [value] * 3)
            if "a" in self.__dict__:
                del self.a
        object.__setattr__(self, name, value)
        churn()

    def __getattr__(self, name):
        churn()
        object.__setattr__(self, name, "made:" + name)
        if hasattr(self, "b") and name == "zap":
            del self.b
        return "missing:" + name


def warm(objs):
    out = []
    for o in objs:
        o.c = len(out)
        out.append((o.c, getattr(o, "a", None), o.extra[0], o.q, o.q))
    return out


hs = [Hooked() for _ in range(4)]
print(warm(hs))
print(warm(hs))
print([sorted(vars(h)) for h in hs])
print(hs[0].zap, hs[0].zap, hasattr(hs[0], "b"), sorted(vars(hs[0])))


# a str-subclass attribute name (the instance switches to dict mode) with allocating hooks
# (minipy's dict compares str-subclass keys by value without calling __eq__: not tested here)
class Plain:
    pass


class OddKey(str):
    def __hash__(self):
        churn()
        return str.__hash__(self)


p = Plain()
p.y = 2
setattr(p, OddKey("x"), 10)
p.x = 11
p.z = 3
print(p.x, p.y, p.z, sorted(vars(p)), [type(k).__name__ for k in vars(p)])


# a descriptor whose __get__ deletes and re-adds the instance's attributes
class Shuffle:
    def __get__(self, obj, tp):
        if obj is None:
            return self
        churn()
        d = obj.__dict__
        v = d.pop("k", None)
        d["k"] = (v or 0) + 1
        obj.fresh = [churn()]
        return d["k"]


class WithShuffle:
    s = Shuffle()

    def __init__(self):
        self.k = 0
        self.m = "m"


def read_s(objs):
    return [(o.s, o.k, o.m) for o in objs]


ws = [WithShuffle() for _ in range(3)]
print(read_s(ws))
print(read_s(ws))


# __eq__ on a value compared during an attribute-heavy loop that rebinds attributes
class Sneaky:
    def __init__(self, owner):
        self.owner = owner

    def __eq__(self, other):
        churn()
        o = self.owner
        o.v = "changed"
        o.w = churn()
        del o.u
        o.u = "back"
        return True

    __hash__ = object.__hash__


class Holder:
    def __init__(self):
        self.u = "u"
        self.v = None
        self.w = None


hd = Holder()
hd.v = Sneaky(hd)
print(hd.v == 1, hd.u, hd.v, hd.w, list(vars(hd)))


# many instances with overflow slots, built while collections run, read after promotion
class Wide:
    def __init__(self, i):
        self.a0 = i
        self.a1 = str(i)
        self.a2 = [i]
        self.a3 = (i, i)
        self.a4 = {"i": i}
        self.a5 = i * 2
        self.a6 = "x" * (i % 5)
        self.a7 = float(i)


ws = []
for i in range(2000):
    ws.append(Wide(i))
    if i % 3 == 0:
        ws[-1].extra = [i] * 4
churn(5000)
print(sum(w.a0 + w.a2[0] + w.a3[1] + w.a4["i"] + w.a5 + len(w.a6) + int(w.a7) for w in ws))
print(sum(len(w.extra) for w in ws if hasattr(w, "extra")), len(vars(ws[3])), len(vars(ws[4])))
