# Closures, nonlocal, global, lambda.
def counter():
    n = 0
    def inc(by=1):
        nonlocal n
        n += by
        return n
    return inc
c1 = counter()
c2 = counter()
print(c1(), c1(), c1(10), c2())
def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in make_adders()])
def late_binding():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late_binding())
total = 0
def add_global(x):
    global total
    total += x
add_global(5)
add_global(7)
print(total)
def declare_global():
    global newname
    newname = "created"
declare_global()
print(newname)
def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    r = middle()
    return r, x
print(outer())
def shadow():
    total = "local"
    return total
print(shadow(), total)
def acc():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    def get():
        return list(items)
    return add, get
add, get = acc()
add("a"); add("b")
print(get())
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
def fib_memo():
    memo = {}
    def fib(n):
        if n in memo:
            return memo[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        memo[n] = r
        return r
    return fib
print(fib_memo()(90))
def cell_after():
    def get():
        return v
    v = 42
    return get()
print(cell_after())
x = 10
def reads_global():
    return x + 1
print(reads_global())
def unbound():
    try:
        print(y)
    except NameError as e:
        print(type(e).__name__, e)
    y = 1
unbound()
