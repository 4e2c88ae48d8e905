# Generators: yield, yield from, send, return value in StopIteration, close, exceptions.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count(5)), sum(count(101)))
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration:
    print("exhausted")
print(next(g, "default"))
def with_return():
    yield 1
    return "result"
g = with_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
def inner():
    x = yield "i1"
    print("inner got", x)
    yield "i2"
    return "inner-done"
def outer():
    r = yield from inner()
    print("yield from returned", r)
    yield from [10, 20]
    yield from range(2)
print(list(outer()))
def echo():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
g = echo()
print(next(g), g.send(5), g.send(10), g.send(1))
try:
    g.send(None)
except StopIteration:
    print("echo stopped")
g = outer()
print(next(g), g.send("sent-through"))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
print(list(take(5, fib())))
def squares(it):
    for x in it:
        yield x * x
def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x
print(list(squares(evens(range(10)))))
def cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally ran")
g = cleanup()
print(next(g))
g.close()
print("closed")
def raiser():
    yield 1
    raise ValueError("from generator")
try:
    for v in raiser():
        print("got", v)
except ValueError as e:
    print("caught", e)
def catcher():
    while True:
        try:
            yield
        except KeyError as e:
            print("generator caught", repr(e))
g = catcher()
next(g)
g.throw(KeyError("k"))
def gen_locals():
    data = []
    for i in range(3):
        data.append(i * 10)
        yield list(data)
print(list(gen_locals()))
g = (c for c in "ab")
print(iter(g) is g, list(g))
def empty():
    return
    yield
print(list(empty()))
def delegator():
    yield from (x * 2 for x in range(3))
print(list(delegator()))
