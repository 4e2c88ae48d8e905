import functools
from functools import (partial, partialmethod, reduce, wraps, update_wrapper, lru_cache, cache,
                       cached_property, total_ordering, cmp_to_key, singledispatch)


def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)


# partial
def f(a, b, c=3, *, d=4):
    return (a, b, c, d)
p = partial(f, 1, c=30)
print(p(2), p(2, d=5), p(b=7), p.func is f, p.args, p.keywords)
pp = partial(p, 2)
print(pp(), pp.func is f, pp.args, pp.keywords)
print(repr(partial(max, 1, key=abs)), repr(partial(int, base=2)))
print(partial(int, base=2)("101"), partial(sorted, reverse=True)([2, 3, 1]))
class MyPartial(partial):
    pass
print(repr(MyPartial(max, 3)).startswith("__main__.MyPartial(<built-in function max>, 3)"))
err(lambda: partial())
err(lambda: partial(1))
err(lambda: p())


# partialmethod
class Cell:
    def __init__(self):
        self._alive = False

    def set_state(self, state):
        self._alive = bool(state)
        return self._alive

    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False)
c = Cell()
print(c.set_alive(), c._alive, c.set_dead(), c._alive)

# reduce
print(reduce(lambda x, y: x + y, [1, 2, 3, 4]), reduce(lambda x, y: x * y, [], 1),
      reduce(lambda x, y: x + y, ["a"]), reduce(max, [3, 9, 2], 5))
err(lambda: reduce(lambda x, y: x, []))
err(lambda: reduce(lambda x, y: x, 5))


# wraps / update_wrapper
def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        """inner doc"""
        return fn(*a, **k)
    return inner

@deco
def greet(name):
    """Say hello."""
    return "hello " + name
print(greet("bob"), greet.__name__, greet.__doc__, greet.__wrapped__("x"), greet.__qualname__)
def target():
    pass
target.extra = 42
def w():
    pass
update_wrapper(w, target)
print(w.__name__, w.extra, w.__wrapped__ is target)
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)

# lru_cache
calls = []
@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x
print(sq(2), sq(3), sq(2), sq(4), sq(3), calls)
print(sq.cache_info(), sq.cache_info().hits, sq.cache_parameters())
sq.cache_clear(); print(sq.cache_info())
@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info())
@lru_cache(maxsize=None, typed=True)
def ident(x):
    calls.append(("i", x))
    return x
calls.clear()
print(ident(1), ident(1.0), ident(1), ident(x=1), calls, ident.cache_info())
@cache
def fact(n):
    return n * fact(n - 1) if n else 1
print(fact(10), fact.cache_info().currsize, fact.__name__)
@lru_cache(maxsize=0)
def nocache(x):
    return x
print(nocache(1), nocache(1), nocache.cache_info())
err(lambda: lru_cache("x"))
err(lambda: sq([1]))


# cached_property
class Data:
    def __init__(self, n):
        self.n = n
        self.computed = 0

    @cached_property
    def total(self):
        """the total"""
        self.computed += 1
        return sum(range(self.n))
dt = Data(5)
print(dt.total, dt.total, dt.computed, Data.total.__doc__, "total" in dt.__dict__)
del dt.total
print(dt.total, dt.computed)


# total_ordering
@total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        return self.v < o.v
print(V(1) < V(2), V(1) > V(2), V(1) <= V(1), V(2) >= V(1), V(3) >= V(4), V(1) <= V(0))
@total_ordering
class G:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __ge__(self, o):
        return self.v >= o.v
print(G(1) < G(2), G(1) > G(2), G(1) <= G(1), G(2) >= G(1))
def no_order():
    @total_ordering
    class X:
        pass
err(no_order)

# cmp_to_key
def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=cmp_to_key(cmp)), sorted("bca", key=cmp_to_key(lambda a, b: cmp(b, a))))
k = cmp_to_key(cmp)
print(k(1) < k(2), k(2) == k(2), k(3) >= k(4))
err(lambda: hash(k(1)))


# singledispatch
@singledispatch
def fun(arg, verbose=False):
    return "default %r" % (arg,)

@fun.register(int)
def _(arg, verbose=False):
    return "int %d" % arg

def _lst(arg, verbose=False):
    return "list of %d" % len(arg)
fun.register(list, _lst)

class Base:
    pass
class Derived(Base):
    pass
fun.register(Base)(lambda arg, verbose=False: "Base-ish " + type(arg).__name__)
print(fun("x"), fun(3), fun(True), fun([1, 2]), fun(Derived()), fun(Base()), fun(2.5))
print(fun.dispatch(bool) is fun.dispatch(int), fun.dispatch(str) is fun.registry[object],
      sorted(c.__name__ for c in fun.registry))
err(lambda: fun())
err(lambda: fun.register(1, lambda x: x))


class Neg:
    @functools.singledispatchmethod
    def neg(self, arg):
        return "cannot negate"

    @neg.register(int)
    def _(self, arg):
        return -arg

    @neg.register(bool)
    def _(self, arg):
        return not arg
print(Neg().neg(5), Neg().neg(True), Neg().neg("x"))
