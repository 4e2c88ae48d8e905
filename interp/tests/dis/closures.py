# Closures: cells, free variables, nonlocal, lambdas with defaults, decorators, and a class body
# reading an enclosing function's variable (LOAD_CLASSDEREF).
def outer(n):
    total = 0

    def add(k=1):
        nonlocal total
        total += k * n
        return total

    def deco(fn):
        return lambda *a, **kw: fn(*a, **kw) + n

    @deco
    def twice(v):
        return add(v) * 2

    class Box:
        size = n
        get = staticmethod(lambda: total)

    scratch = n
    peek = lambda: scratch
    del scratch
    return add, twice, Box


a, t, B = outer(3)
print(a(), t(2), B.size, B.get())
