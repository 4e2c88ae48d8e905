# object.__setattr__/__delattr__ called explicitly (the end of a class's own hooks), math.modf's
# signed zero, __debug__.
import math


class C:
    def __setattr__(self, k, v):
        object.__setattr__(self, k, v * 2)

    def __delattr__(self, k):
        print("del", k)
        object.__delattr__(self, k)


c = C()
c.a = 2
print(c.a, c.__dict__)
del c.a
print(c.__dict__)
for bad in [lambda: object.__delattr__(c, "a"), lambda: object.__delattr__(c, 5),
            lambda: object.__setattr__(c, 5, 5), lambda: object.__delattr__(c)]:
    try:
        bad()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
print(math.modf(-1.0), math.modf(-100), math.modf(2.5), math.modf(-2.5), math.modf(0.0))
print(__debug__)


def fn():
    pass


print(fn.__globals__ is globals(), fn.__globals__["fn"] is fn)
