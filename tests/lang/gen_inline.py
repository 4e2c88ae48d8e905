# Generators consumed by `for` (run inline in the consumer's eval loop): exceptions, PEP 479,
# return values, close()/throw() around iteration, gi_running, recursion limit, tracebacks.
import sys
import traceback


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


print([x for x in count(5)])
total = 0
for x in count(4):
    for y in count(x):
        total += x * y
print("nested", total)


# an exception raised in the generator reaches the consumer's handler
def boom(n):
    for i in range(n):
        yield i
    raise KeyError("boom")


got = []
try:
    for v in boom(3):
        got.append(v)
except KeyError as e:
    print("caught", repr(e), got)


# the consumer's try inside the loop does not see the generator's exception at the for line
def gen_with_try():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")


for v in gen_with_try():
    print("got", v)


# break out of a loop over a generator with a pending finally; then close()
g = gen_with_try()
for v in g:
    print("first", v)
    break
print("closing")
g.close()
print("closed")


# PEP 479: StopIteration inside a for-consumed generator becomes RuntimeError
def leaky():
    yield 1
    raise StopIteration("leak")


try:
    for v in leaky():
        print("leaky", v)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__), "| context is cause:",
          e.__context__ is e.__cause__)


def next_leak():
    it = iter([])
    yield 0
    next(it)


try:
    print(list(next_leak()))
except RuntimeError as e:
    print("list:", e)

try:
    for v in next_leak():
        pass
except RuntimeError as e:
    print("for:", e, type(e.__cause__).__name__)


# a return value ends the loop (discarded); the generator is finished afterwards
g = count(2)
print([v for v in g], next(g, "exhausted"))


# gi_running seen from inside, and re-entering a running generator
def self_ref():
    yield gen.gi_running
    try:
        next(gen)
    except ValueError as e:
        yield "ValueError: " + str(e)
    try:
        for _ in gen:
            pass
    except ValueError as e:
        yield "for ValueError: " + str(e)
    try:
        gen.close()
    except ValueError as e:
        yield "close ValueError: " + str(e)
    try:
        gen.send(None)
    except ValueError as e:
        yield "send ValueError: " + str(e)


gen = self_ref()
print(gen.gi_running)
for v in gen:
    print(v)
print(gen.gi_running)


# close() and throw() from the loop body, on the generator being iterated
def closable():
    try:
        for i in range(10):
            yield i
    except GeneratorExit:
        print("GeneratorExit in gen")
        raise
    finally:
        print("closable finally")


g = closable()
for v in g:
    print("closable", v)
    if v == 2:
        g.close()
print("after closable loop")


def catcher():
    i = 0
    while True:
        try:
            yield i
        except ValueError as e:
            print("catcher caught", e)
            i += 100
        i += 1
        if i > 104:
            return


g = catcher()
for v in g:
    print("catcher", v)
    if v == 1:
        print("throw gives", g.throw(ValueError("x")))
    if v > 102:
        break


# send() while suspended inside a for loop of another generator
def echo():
    r = yield "start"
    while True:
        r = yield "echo %s" % r


def relay(inner):
    for v in inner:
        yield v


e = echo()
r = relay(e)
print(next(r), next(r), e.send("direct"), next(r))


# yield inside nested loops and with blocks, consumed by for
class Ctx:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *a):
        print("exit", a[0].__name__ if a[0] else None)


def with_gen():
    with Ctx():
        for i in range(2):
            try:
                yield i
            except ZeroDivisionError:
                print("never")


for v in with_gen():
    print("with_gen", v)

g = with_gen()
try:
    for v in g:
        1 / 0
except ZeroDivisionError:
    print("consumer ZeroDivisionError")
g.close()


# sys.exc_info() inside a generator resumed from an except block of the consumer
def exc_info_gen():
    yield sys.exc_info()[0]
    try:
        raise IndexError
    except IndexError:
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]


try:
    raise TypeError
except TypeError:
    for v in exc_info_gen():
        print("exc_info", v.__name__ if v else None, sys.exc_info()[0].__name__)


# tracebacks through generator frames run inline
def inner_tb():
    yield 1
    {}["missing"]


def outer_tb():
    for v in inner_tb():
        yield v


try:
    for v in outer_tb():
        pass
except KeyError:
    tb = traceback.extract_tb(sys.exc_info()[2])
    print([(f.name, f.line) for f in tb])


# a deep chain of generators each consuming the next with for
def chain(n):
    if n == 0:
        yield "leaf"
        return
    for v in chain(n - 1):
        yield v


print(list(chain(50)))

old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
try:
    for v in chain(1000):
        print("unreachable", v)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(old)
print(list(chain(3)))


# a generator that is exhausted by an inner loop, then iterated again
g = count(3)
for a in g:
    for b in g:
        print("pair", a, b)
print(list(g))


# the generator object is collected while suspended in a for loop frame
def many():
    for i in range(3):
        yield [i] * 1000


acc = 0
for lst in many():
    junk = [list(range(50)) for _ in range(200)]
    acc += len(lst) + len(junk)
print("acc", acc)


# yield from inside a generator consumed by for (its frame runs inline; the delegate is resumed)
def inner_yf():
    yield 1
    yield 2
    return "inner result"


def outer_yf():
    r = yield from inner_yf()
    yield "got " + r
    yield from [10, 20]
    yield from range(2)
    yield from (c for c in "ab")


print([v for v in outer_yf()])
for v in outer_yf():
    print("yf", v)


# throw()/close() on a generator suspended in yield from, between iterations of a for loop
def yf_catcher():
    try:
        yield from catcher_inner()
    except KeyError:
        yield "outer caught"


def catcher_inner():
    try:
        yield "a"
        yield "b"
    except ValueError:
        yield "inner caught"
    yield "c"


g = yf_catcher()
for v in g:
    print("yfc", v)
    if v == "a":
        print("throw ->", g.throw(ValueError))
    if v == "c":
        print("throw ->", g.throw(KeyError))


# generators consumed inline inside a generator resumed from native code (set, sum, sorted, list)
def squares(n):
    for i in range(n):
        yield i * i


print(sorted(set(x % 5 for x in squares(10))), sum(y for y in squares(4)))
print(list(a + b for a in squares(3) for b in squares(2)))
print(dict((k, list(squares(k))) for k in squares(3)))


# an exception from an inline generator inside a native-resumed one, caught in between
def fails_at(n):
    for i in range(n):
        yield i
    raise IndexError("fails_at %d" % n)


def guarded():
    try:
        for v in fails_at(2):
            yield v
    except IndexError as e:
        yield str(e)


print(list(guarded()), set(guarded()) == {0, 1, "fails_at 2"})


# StopIteration raised in the consumer body is an ordinary exception (not the generator's)
def two():
    yield 1
    yield 2


try:
    for v in two():
        raise StopIteration("body")
except StopIteration as e:
    print("body StopIteration", e)


# a generator returning from inside try/finally while consumed by for
def ret_in_finally():
    try:
        yield 1
        return
    finally:
        print("ret finally")


for v in ret_in_finally():
    print("rif", v)
print("after rif")


# gi_running of an outer generator while the inner one runs inline
def outer_running():
    for v in inner_running():
        yield v


def inner_running():
    yield og.gi_running, ig.gi_running


og = outer_running()
ig = None
ig = inner_running()
print(next(ig))
og = outer_running()
for v in og:
    print("running", v)
