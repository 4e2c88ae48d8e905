# stress: 20
# Hooks that allocate and mutate, reached by natives changed for StopIteration values, raw throw()
# delegation and exception __new__ checks: the natives must re-read what they hold after each hook.
from _evil import churn, case


class Src:
    """An iterator whose __next__ allocates and whose StopIteration carries a fresh value."""

    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        churn()
        if self.n == 0:
            raise StopIteration(["v"] * 3)
        self.n -= 1
        return [self.n] * 2


class Thrower:
    def __init__(self):
        self.log = []

    def __iter__(self):
        return self

    def __next__(self):
        return "x"

    def throw(self, *args):
        churn()
        self.log.append(args)
        if len(self.log) == 2:
            raise StopIteration(["ret"] * 2)
        return ["yielded"] * 2


def deleg(t):
    r = yield from t
    churn()
    yield ("after", r)


def gen_thrown():
    g = deleg(Thrower())
    next(g)
    a = g.throw(1, 2)
    b = g.throw("again")
    return a, b


class Weird(BaseException):
    def __new__(cls, *a):
        churn()
        return [churn()] * 2


def raise_weird():
    raise Weird


def gen_map():
    r = yield from map(lambda x: x, Src(2))
    return r


case("enumerate", lambda: next(enumerate(Src(0))))
case("map", lambda: next(map(lambda x: (churn(), x)[1], Src(1))))
case("zip", lambda: list(zip(Src(3), Src(2))))
case("filter", lambda: next(filter(None, Src(0))))
case("yield from map", lambda: list(gen_map()))
case("throw delegate", gen_thrown)
case("raise weird", raise_weird)
case("throw weird", lambda: deleg(iter([1])).throw(Weird))


def churning_import(name, g=None, l=None, fromlist=None, level=0):
    churn()
    class M:
        a = [name] * 2
        b = [fromlist] * 2
    return M


def imports():
    import builtins
    orig = builtins.__import__
    builtins.__import__ = churning_import
    try:
        import fake_mod
        from fake_pkg.sub import a, b
    finally:
        builtins.__import__ = orig
    return fake_mod.a, a, b


case("import override", imports)
