# Object model details: default __eq__/__hash__, __ne__ from __eq__, __eq__ without __hash__,
# mutable class attributes shared by instances, __class__, __dict__, instance vs class lookup.
class Plain:
    pass
a, b = Plain(), Plain()
print(a == a, a == b, a != b, hash(a) == hash(a), len({a, b, a}))
class Eq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, Eq) and self.v == o.v
print(Eq(1) == Eq(1), Eq(1) != Eq(1), Eq(1) != Eq(2), Eq.__hash__ is None)
try:
    {Eq(1)}
except TypeError as e:
    print("TypeError:", e)
class Shared:
    items = []
    def add(self, x):
        self.items.append(x)
s1, s2 = Shared(), Shared()
s1.add(1)
s2.add(2)
print(Shared.items, s1.items is s2.items)
class Own:
    def __init__(self):
        self.items = []
o1, o2 = Own(), Own()
o1.items.append(1)
print(o1.items, o2.items)
print(a.__class__ is Plain, type(a).__name__, Own().__dict__, vars(o1))
class Attr:
    x = "class"
at = Attr()
print(at.x)
at.x = "instance"
print(at.x, Attr.x)
del at.x
print(at.x)
class WithMethods:
    def m(self):
        return "m"
wm = WithMethods()
wm.m = lambda: "instance function"
print(wm.m(), WithMethods().m(), WithMethods.m(wm))
class NotImpl:
    def __eq__(self, o):
        return NotImplemented
print(NotImpl() == NotImpl(), NotImpl() == 1)
class Rev:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
print(Rev(2) > Rev(1), sorted([Rev(3), Rev(1), Rev(2)])[0].v)
class Len:
    def __len__(self):
        return 2
print(bool(Len()), len(Len()), "yes" if Len() else "no")
class Str:
    def __repr__(self):
        return "R"
print(str(Str()), f"{Str()}", "%s" % Str(), [Str()])
class Meta:
    counter = 0
    def __init__(self):
        type(self).counter += 1
class SubMeta(Meta):
    pass
Meta(); SubMeta(); SubMeta()
print(Meta.counter, SubMeta.counter)
