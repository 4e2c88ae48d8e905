# type(f)(code, globals[, name[, argdefs[, closure]]]) builds a function from a code object.
def f():
    return a

FT = type(f)
g1 = FT(f.__code__, {"a": 1})
g2 = FT(f.__code__, {"a": 2}, "renamed")
print(type(g1) is FT, g1(), g2(), g1.__name__, g2.__name__)

def h(x, y):
    return x + y
hd = FT(h.__code__, {}, None, (10, 20))
print(hd(), hd(1), hd.__defaults__)
print(FT((lambda: (lambda: a)).__code__, {"a": 5})()())

def outer():
    z = 3
    def inner():
        return z
    return inner
inner = outer()
print(FT(inner.__code__, {}, "i", None, inner.__closure__)())

for args in ((None, {}), (f.__code__, None), (f.__code__, {}, 5), (f.__code__, {}, None, [1]),
             (inner.__code__, {}), (inner.__code__, {}, None, None, ()), (f.__code__,)):
    try:
        FT(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
