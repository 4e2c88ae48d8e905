# Unpacking: tuples/lists in place, other iterables with at most n+1 next() calls (an endless one is
# 'too many values'), CPython's messages for non-iterables.
import itertools
def t(f):
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
def a1():
    a, b = 5
def a2():
    a, *b = 5
def a3():
    a, b = itertools.count()
    return a, b
def a4():
    a, b, c = iter([1, 2])
def a5():
    a, b = (x * 2 for x in range(2)); return a, b
def a6():
    a, b = "xy"; return b, a
def a7():
    a, b = {1: 2, 3: 4}; return a, b
class S:
    def __getitem__(self, i):
        if i < 3: return i * 10
        raise IndexError
def a8():
    a, b, c = S(); return c, b, a
def a9():
    a, b = None
def a10():
    a, *b, c = range(5); return a, b, c
class L(list):
    def __iter__(self): return iter([7, 8])
def a11():
    a, b = L([1, 2, 3]); return a, b
def a12():
    a, b = [1, 2, 3]
def a13():
    (a, b), c = [(1, 2), 3]; return a, b, c
for f in (a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13):
    t(f)
