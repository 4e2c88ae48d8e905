# function annotations: evaluated at def time, in the defining scope
def f(a: int, b: "str" = "x", *args: float, c: list = None, **kw: dict) -> bool:
    return True


print(f.__annotations__)
print(f.__annotations__ is f.__annotations__)


def g(x, y):
    pass


print(g.__annotations__)
g.__annotations__["x"] = 1
print(g.__annotations__)


def outer():
    class Local:
        pass

    def inner(p: Local) -> Local:
        return p
    return inner


print(outer().__annotations__["p"].__qualname__)


class K:
    def m(self, __private: int) -> "K":
        pass


print(K.m.__annotations__)
calls = []


def note(v):
    calls.append(v)
    return v


def h(a: note(1), b: note(2) = note(3)) -> note(4):
    pass


print(calls, h.__annotations__)


async def co(x: int) -> None:
    pass


print(co.__annotations__)
import inspect
print(inspect.signature(f))


# variable annotations in module and class bodies
x: int = 5
y: "str"
print(__annotations__, x)


class P:
    a: int
    b: str = "b"
    __c: float = 1.0
    if True:
        d: list = []

    def m(self):
        z: int = 3
        return z


print(P.__annotations__, P.b, P().m())


class Q(P):
    pass


print(Q.__dict__.get("__annotations__"), "__annotations__" in vars(Q))
ns = {}
exec("v: int = 1\nw: bool", ns)
print(ns["__annotations__"], ns["v"])
