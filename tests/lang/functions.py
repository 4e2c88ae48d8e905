# Functions: defaults, keyword arguments, *args, **kwargs, keyword-only, recursion.
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(punct=".", name="Di"))
def va(*args, **kwargs):
    return args, sorted(kwargs.items())
print(va(), va(1, 2), va(a=1), va(1, b=2, a=3), va(*[1, 2], **{"z": 0}))
def kwonly(a, *, b, c=3):
    return a, b, c
print(kwonly(1, b=2), kwonly(1, c=0, b=5))
def mixed(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, sorted(kw)
print(mixed(1, c=3), mixed(1, 2, 3, 4, c=5, e=6, f=7))
def posonly(a, b, /, c):
    return a + b + c
print(posonly(1, 2, c=3))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(10), fact(25))
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(15)])
def default_list(x, acc=[]):
    acc.append(x)
    return acc
print(default_list(1), default_list(2))
def no_return():
    x = 1
print(no_return())
def multi():
    return 1, "two", [3]
a, b, c = multi()
print(a, b, c)
def doc():
    "a docstring"
    return doc.__doc__
print(doc(), doc.__name__)
def outer():
    def inner(x):
        return x * 2
    return inner(21)
print(outer())
f = greet
print(f("Eve"), callable(f))
def apply(fn, *a, **k):
    return fn(*a, **k)
print(apply(greet, "Fay", greeting="Yo"))
for bad in (lambda: greet(), lambda: greet("a", "b", "c", "d"), lambda: greet("a", nope=1), lambda: kwonly(1, 2)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
def early(n):
    for i in range(n):
        if i == 3:
            return i
    return -1
print(early(10), early(2))
def count_down(n):
    while n > 0:
        n -= 1
    return n
print(count_down(100000))
print((lambda x, y=2: x * y)(5), (lambda *a: len(a))(1, 2, 3), (lambda **k: k)(q=1))
