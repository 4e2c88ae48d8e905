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
