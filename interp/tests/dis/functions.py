# Functions: defaults, keyword-only and star parameters, calls of every shape, globals, f-strings,
# slices, unpacking, augmented assignment, chained comparisons, boolean operators.
import math
from math import floor as fl, pi

counter = 0


def f(a, b=2, *args, c, d=4, **kw):
    global counter
    counter += 1
    x, *rest, y = args or (a, b, c)
    s = f"{a!r:>{b}} {c} {d!s}"
    return a[1:2], a[::-1], s, x < y <= c, not (x and y or d)


def g(*, key=None):
    return -key if key is not None else ~0


r = f([1, 2, 3], 5, 6, 7, c=8, e=9)
f(*r[1:1], "xyz", 3, 4, 5, **{"c": 1}, z=2)
del counter
print(math.floor(1.5), fl(pi), g(key=3) << 1 if r else 2 ** 3 // 4 % 5 @ 1)
