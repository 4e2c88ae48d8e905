# Instance attributes stored through hidden classes (maps): reads, writes, additions in
# different orders, many attributes, __dict__ views, vars(), del, and the caches in loops.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def run_loop(objs):
    t = 0
    for o in objs:
        t += o.x * 10 + o.y
    return t


ps = [P(i, -i) for i in range(50)]
print(run_loop(ps), sum(p.norm1() for p in ps))

# same class, attributes added in different orders: different maps, the same caches see both
a = P(1, 2)
b = P.__new__(P)
b.y = 20
b.x = 10
print(run_loop([a, b, a, b]), vars(a), vars(b))


# more attributes than the inline slots and than the map limit
class Many:
    pass


m = Many()
for i in range(40):
    setattr(m, "a%d" % i, i)
print(m.a0, m.a3, m.a4, m.a31, m.a32, m.a39, len(vars(m)))
print(list(vars(m))[:6], list(vars(m))[-2:])
n = Many()
for i in range(10):
    setattr(n, "b" + str(i), i * i)
print([getattr(n, "b%d" % i) for i in range(10)])
n.b5 = "five"
print(n.b5, n.b9, sorted(n.__dict__.items())[:3])

# __dict__ is a live view both ways
q = P(1, 2)
d = q.__dict__
d["z"] = 3
q.w = 4
print(q.z, d["w"], d, q.__dict__ is d)
d["x"] = 100
print(q.x, run_loop([q]))
del d["y"]
print(hasattr(q, "y"), d)
q.__dict__.clear()
print(hasattr(q, "x"), q.__dict__)
q.x = 7
q.y = 8
print(run_loop([q]), vars(q))

# del attr
r = P(5, 6)
del r.x
print(hasattr(r, "x"), r.y, vars(r))
try:
    del r.x
except AttributeError as e:
    print("AttributeError", e)
try:
    print(r.x)
except AttributeError as e:
    print("AttributeError", e)
r.x = 9
print(r.x, vars(r))

# instance attribute shadowing a method, and a method stored on the instance
s = P(3, 4)
print(s.norm1())
s.norm1 = lambda: "shadowed"
print(s.norm1(), P(3, 4).norm1())
del s.norm1
print(s.norm1())


# getattr/setattr/hasattr/delattr builtins with computed names
class E:
    pass


e = E()
name = "".join(["fo", "o"])
setattr(e, name, 1)
print(e.foo, getattr(e, "foo"), hasattr(e, "fo" + "o"), getattr(e, "bar", "dflt"))
delattr(e, name)
print(hasattr(e, "foo"), vars(e))


# str subclass attribute names keep working (they force a real dict)
class S(str):
    pass


f = E()
setattr(f, S("k"), 1)
f.j = 2
print(f.k, f.j, sorted(vars(f)), [type(k).__name__ for k in vars(f)])

# dir() and the attribute order of vars()
g = P(1, 2)
g.c = 3
g.b = 4
print([k for k in dir(g) if not k.startswith("__")], list(vars(g)))

# copying through __dict__ (what copy and pickle do)
h = P.__new__(P)
h.__dict__.update(P(11, 12).__dict__)
print(h.x, h.y, run_loop([h]))
k = object.__new__(P)
k.__dict__ = {"x": 1, "y": 2}
print(k.x + k.y, vars(k))
k.x = 50
print(k.__dict__)


# __class__ assignment keeps the attributes
class Q:
    def norm1(self):
        return "Q" + str(self.x)


t = P(8, 9)
print(t.norm1())
t.__class__ = Q
print(t.norm1(), t.y, type(t).__name__)
t.__class__ = P
print(t.norm1(), vars(t))

# object() has no __dict__ and no attributes
o = object()
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    vars(o)
except TypeError as e:
    print("TypeError", e)
