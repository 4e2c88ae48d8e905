import copy
from collections import OrderedDict, defaultdict, Counter, deque, namedtuple


def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)


a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a); d = copy.deepcopy(a)
print(s == a, s is a, s[1] is a[1], d == a, d[1] is a[1], d[2]["k"] is a[2]["k"])
t = (1, 2); print(copy.copy(t) is t, copy.deepcopy(t) is t)
t2 = (1, [2]); dt2 = copy.deepcopy(t2); print(dt2 == t2, dt2 is t2, dt2[1] is t2[1])
print(copy.copy(5), copy.copy("s"), copy.copy(None), copy.deepcopy(3.5), copy.copy(len) is len)
print(copy.copy({1, 2}), copy.deepcopy(frozenset([1])), copy.copy(bytearray(b"x")))
# shared and cyclic structure
shared = [1]
both = [shared, shared]
db = copy.deepcopy(both); print(db[0] is db[1], db[0] is shared)
cyc = [1]; cyc.append(cyc)
dc = copy.deepcopy(cyc); print(dc[1] is dc, dc is not cyc)
dd = {}; dd["self"] = dd
ddc = copy.deepcopy(dd); print(ddc["self"] is ddc)
# memo
memo = {}
x = [1]
y = copy.deepcopy([x, x], memo)
print(memo[id(x)] is y[0], len([k for k in memo if memo[k] is y[0]]))


class Plain:
    def __init__(self, v):
        self.v = v
        self.items = [v]
p = Plain(3)
pc = copy.copy(p); pd = copy.deepcopy(p)
print(type(pc).__name__, pc.v, pc.items is p.items, pd.items is p.items, pd.items == p.items)


class WithCopy:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print("__copy__ called")
        return WithCopy(self.v + 1)

    def __deepcopy__(self, memo):
        print("__deepcopy__ called", type(memo).__name__)
        return WithCopy(self.v + 100)
print(copy.copy(WithCopy(1)).v, copy.deepcopy(WithCopy(1)).v, copy.deepcopy([WithCopy(2)])[0].v)


class State:
    def __init__(self):
        self.a = 1
        self.secret = "x"

    def __getstate__(self):
        return {"a": self.a}

    def __setstate__(self, st):
        print("setstate", sorted(st))
        self.__dict__.update(st)
        self.restored = True
sc = copy.copy(State()); print(sc.a, hasattr(sc, "secret"), sc.restored)


class Red:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __reduce__(self):
        return (Red, (self.a, self.b))
r = copy.deepcopy(Red([1], 2)); print(r.a, r.b)


class MyList(list):
    pass
ml = MyList([1, [2]]); ml.tag = "t"
mlc = copy.copy(ml); mld = copy.deepcopy(ml)
print(type(mlc).__name__, mlc, mlc.tag, mlc[1] is ml[1], mld[1] is ml[1], mld)


class MyDict(dict):
    pass
md = MyDict(a=[1]); mdc = copy.deepcopy(md)
print(type(mdc).__name__, mdc, mdc["a"] is md["a"])

od = OrderedDict(b=1, a=2); print(copy.copy(od), copy.deepcopy(od))
dfd = defaultdict(list, {"x": [1]}); dfc = copy.deepcopy(dfd)
print(dfc, dfc["x"] is dfd["x"], dfc.default_factory)
print(copy.copy(Counter("aab")), copy.deepcopy(deque([1, [2]], maxlen=3)))
P = namedtuple("P", "x y"); pt = P(1, [2])
print(copy.copy(pt), copy.deepcopy(pt), copy.deepcopy(pt).y is pt.y)
print(copy.Error, copy.error is copy.Error, issubclass(copy.Error, Exception))
def fn():
    pass
print(copy.deepcopy(fn) is fn, copy.deepcopy(Plain) is Plain, copy.copy(int) is int)
err(lambda: copy.deepcopy((x for x in [])))
# list.__new__/dict.__new__ of a subclass make an (empty) instance of that subclass
print(type(list.__new__(MyList)).__name__, type(dict.__new__(MyDict)).__name__, list.__new__(MyList))
class SuperNew(dict):
    def __new__(cls, *a, **k):
        return super().__new__(cls)
sn = SuperNew(x=1); print(type(sn).__name__, sn)
