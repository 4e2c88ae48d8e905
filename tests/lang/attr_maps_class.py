# Hidden classes and inline caches stay correct when classes change under them: properties,
# data descriptors, __slots__, __getattr__, __getattribute__, __setattr__, class attributes,
# class mutation after the caches are warm, subclasses of builtins.


class A:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


def read_all(objs):
    return [o.v for o in objs]


def call_all(objs):
    return [o.get() for o in objs]


objs = [A(i) for i in range(5)]
print(read_all(objs), call_all(objs))

# class attribute vs instance attribute
A.w = "class-w"
print(objs[0].w)
objs[0].w = "inst-w"
print(objs[0].w, objs[1].w)

# replacing a method after the cache is warm
A.get = lambda self: -self.v
print(call_all(objs))


# a property installed later wins over the instance attribute
def read_v(objs):
    return [o.v for o in objs]


print(read_v(objs))
A.v = property(lambda self: "prop")
print(read_v(objs))
try:
    objs[0].v = 3
except AttributeError:
    print("AttributeError")
del A.v
print(read_v(objs))


# a data descriptor class
class Desc:
    def __get__(self, obj, tp):
        if obj is None:
            return self
        return "desc:" + str(obj.__dict__.get("d", "-"))

    def __set__(self, obj, value):
        obj.__dict__["d"] = value * 2


class B:
    d = Desc()

    def __init__(self):
        self.d = 5
        self.e = 1


bs = [B(), B()]
print([b.d for b in bs], [b.e for b in bs], vars(bs[0]))


# a non-data descriptor is shadowed by the instance attribute
class NonData:
    def __get__(self, obj, tp):
        return "nondata"


class C:
    nd = NonData()


c = C()
print(c.nd)
c.nd = "inst"
print(c.nd)


# __slots__
class Sl:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = 2


sl = Sl()
print(sl.a + sl.b)


# __getattr__ only for missing attributes
class G:
    def __init__(self):
        self.here = "here"

    def __getattr__(self, name):
        return "missing:" + name


gs = [G(), G()]
print([g.here for g in gs], [g.nothere for g in gs])


# __getattribute__ sees every lookup
class GA:
    def __init__(self):
        self.x = 1

    def __getattribute__(self, name):
        if name == "x":
            return "intercepted"
        return object.__getattribute__(self, name)

    def m(self):
        return "m"


ga = GA()
print(ga.x, ga.m())


# __setattr__ override
class SA:
    def __init__(self):
        self.a = 1

    def __setattr__(self, name, value):
        object.__setattr__(self, name, ("set", value))


sa = SA()
sa.b = 2
print(sa.a, sa.b, vars(sa))


# hooks added to a class after instances exist and caches are warm
class Late:
    def __init__(self):
        self.p = 1


ls = [Late() for _ in range(3)]


def touch(objs):
    for o in objs:
        o.p = o.p + 1
    return [o.p for o in objs]


print(touch(ls), touch(ls))
Late.__setattr__ = lambda self, n, v: object.__setattr__(self, n, v * 10)
print(touch(ls))
Late.__getattribute__ = lambda self, n: 7
print(touch(ls))


# subclasses of builtins keep their attributes
class MyList(list):
    pass


class MyInt(int):
    pass


class MyExc(Exception):
    def __init__(self, msg):
        super().__init__(msg)
        self.extra = "x"


ml = MyList([1, 2])
ml.tag = "t"
mi = MyInt(5)
mi.tag = "i"
me = MyExc("boom")
print(ml, ml.tag, mi + 1, mi.tag, me.args, me.extra)


# inheritance: subclass instances share the same attribute code paths
class Base:
    def __init__(self):
        self.a = 1


class Sub(Base):
    def __init__(self):
        super().__init__()
        self.b = 2


def ab(objs):
    return [(o.a, getattr(o, "b", None)) for o in objs]


print(ab([Base(), Sub(), Base(), Sub()]))


# class-level counter mutated through the class while instances read it
class Counter:
    n = 0

    def __init__(self):
        Counter.n += 1
        self.id = Counter.n


cs = [Counter() for _ in range(4)]
print([c.id for c in cs], cs[0].n)


# method caches: an inherited method shadowed, unshadowed and rebound after the cache is warm
class R0:
    def m(self):
        return "R0"


class R1(R0):
    pass


class R2(R1):
    def __init__(self):
        self.k = 1


def call_m(objs):
    return [o.m() for o in objs]


rs = [R2(), R1(), R2(), R0()]
print(call_m(rs), call_m(rs))
R1.m = lambda self: "R1"
print(call_m(rs))
R2.m = lambda self: "R2"
print(call_m(rs))
del R1.m
print(call_m(rs))
del R2.m
R0.m = lambda self: "R0 again"
print(call_m(rs))
for i in range(20):
    setattr(R1, "filler%d" % i, i)  # resizes R1's dict
print(call_m(rs))
rs[0].m = lambda: "instance"
print(call_m(rs))
del rs[0].m
print(call_m(rs))
rs[0].__class__ = R1
print(call_m(rs))
