# Decorators with and without arguments, stacking, functools-free wraps.
def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper()
    wrapper.__name__ = fn.__name__
    return wrapper
@shout
def hello(name):
    return "hello " + name
print(hello("world"), hello.__name__)
def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def one():
    return 1
print(one())
calls = []
def trace(label):
    def deco(fn):
        def wrapper(*a):
            calls.append((label, a))
            return fn(*a)
        return wrapper
    return deco
@trace("outer")
@trace("inner")
def add(a, b):
    return a + b
print(add(1, 2), calls)
def count_calls(fn):
    def wrapper(*a):
        wrapper.calls += 1
        return fn(*a)
    wrapper.calls = 0
    return wrapper
@count_calls
def noop():
    pass
noop(); noop(); noop()
print(noop.calls)
registry = {}
def register(fn):
    registry[fn.__name__] = fn
    return fn
@register
def alpha():
    return "a"
@register
def beta():
    return "b"
print(sorted(registry), registry["beta"]())
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
def add_method(cls):
    cls.extra = lambda self: "extra on " + type(self).__name__
    return cls
@add_method
class Thing:
    pass
print(Thing().extra())
def deco_with_kw(*, prefix="<", suffix=">"):
    def deco(fn):
        return lambda *a: prefix + fn(*a) + suffix
    return deco
@deco_with_kw(suffix="]")
def name():
    return "n"
print(name())
class Timer:
    def __init__(self, fn):
        self.fn = fn
        self.n = 0
    def __call__(self, *a):
        self.n += 1
        return self.fn(*a)
@Timer
def sq(x):
    return x * x
print(sq(3), sq(4), sq.n)
