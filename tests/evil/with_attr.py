# __enter__/__exit__, __getattr__, descriptors/properties, __init__/__new__, __set_name__-free class hooks.
from _evil import churn, case


class Ctx:
    def __init__(self, log, swallow=False):
        self.log = log
        self.swallow = swallow

    def __enter__(self):
        churn()
        self.log.append("enter")
        return ["resource", len(self.log)]

    def __exit__(self, et, ev, tb):
        churn()
        self.log.append("exit " + (et.__name__ if et else "ok"))
        return self.swallow


def with_ok():
    log = []
    with Ctx(log) as r:
        log.append(r[0] + "!")
    return log
case("with Ctx", with_ok)

def with_raise_swallow():
    log = []
    with Ctx(log, swallow=True):
        raise KeyError("k")
    return log
case("with Ctx swallowing", with_raise_swallow)

def with_raise_propagate():
    log = []
    try:
        with Ctx(log):
            raise ValueError("v" + "al")
    except ValueError as e:
        log.append(str(e))
    return log
case("with Ctx propagating", with_raise_propagate)

def with_return():
    log = []
    def f():
        with Ctx(log) as r:
            return r[1]
    return f(), log
case("return inside with", with_return)

def with_nested():
    log = []
    with Ctx(log) as a, Ctx(log) as b:
        log.append(a[1] + b[1])
    return log
case("nested with", with_nested)

def with_break():
    log = []
    for i in range(3):
        with Ctx(log):
            if i == 1:
                break
    return log
case("break inside with", with_break)


class GA:
    def __init__(self):
        self.real = "r"

    def __getattr__(self, name):
        churn()
        if name.startswith("x"):
            return name * 2
        raise AttributeError(name)


case("__getattr__ hit", lambda: GA().xy)
case("__getattr__ real attr", lambda: GA().real)
case("__getattr__ miss", lambda: GA().nope)
case("getattr(GA, n, default)", lambda: getattr(GA(), "nope", "dflt"))
case("hasattr(GA)", lambda: (hasattr(GA(), "xa"), hasattr(GA(), "b")))


class Prop:
    def __init__(self):
        self._v = [1]

    @property
    def v(self):
        churn()
        return self._v + [2]

    @v.setter
    def v(self, val):
        churn()
        self._v = [val, "set"]


def prop():
    p = Prop()
    a = p.v
    p.v = "new" + "!"
    return a, p.v
case("property get/set", prop)


class Init:
    def __init__(self, *args, **kw):
        churn()
        self.args = args
        self.kw = sorted(kw.items())


case("__init__ allocating", lambda: (lambda o: (o.args, o.kw))(Init("a" + "b", [1], k="v")))


class New:
    def __new__(cls, x):
        churn()
        o = object.__new__(cls)
        o.x = [x]
        return o

    def __init__(self, x):
        churn()
        self.y = (x, self.x)


case("__new__ + __init__ allocating", lambda: (lambda o: (o.x, o.y))(New("s" * 2)))


class NewOther:
    def __new__(cls):
        churn()
        return ["not", "instance"]


case("__new__ returning other type", lambda: NewOther())


class SetAttr:
    def __setattr__(self, name, value):
        churn()
        object.__setattr__(self, name, [value])


def setattr_hook():
    s = SetAttr()
    s.a = "v" * 2
    setattr(s, "b", 3)
    return s.a, s.b
case("__setattr__ allocating", setattr_hook)


class Call:
    def __call__(self, *a, **k):
        churn()
        return a, sorted(k)


case("__call__ allocating", lambda: Call()("p" * 2, q=1))
case("map(Call, ...)", lambda: list(map(Call(), [1, 2])))
case("sorted key=Call instance", lambda: sorted([3, 1, 2], key=Call()))
