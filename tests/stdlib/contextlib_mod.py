import contextlib
import sys
from contextlib import (contextmanager, closing, suppress, redirect_stdout, redirect_stderr,
                        ExitStack, nullcontext, AbstractContextManager, ContextDecorator)


def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)


@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)

with tag("p") as t:
    print("body", t)

@contextmanager
def swallow():
    try:
        yield
    except ValueError as e:
        print("swallowed", e)

with swallow():
    raise ValueError("boom")
print("after swallow")

def escapes():
    with swallow():
        raise KeyError("k")
err(escapes)

@contextmanager
def noyield():
    if False:
        yield
def use_noyield():
    with noyield():
        pass
err(use_noyield)

@contextmanager
def twice():
    yield 1
    yield 2
def use_twice():
    with twice():
        pass
err(use_twice)

@contextmanager
def reraiser():
    try:
        yield
    except ZeroDivisionError:
        raise RuntimeError("converted")
def use_reraiser():
    with reraiser():
        1 / 0
err(use_reraiser)

@tag("deco")
def decorated(x):
    print("inside", x)
    return x * 2
print(decorated(21), decorated(1), tag.__name__)


class Thing:
    def close(self):
        print("closed")
with closing(Thing()) as th:
    print(type(th).__name__)

with suppress(KeyError, IndexError):
    {}["x"]
print("suppressed")
def not_suppressed():
    with suppress(KeyError):
        raise ValueError("v")
err(not_suppressed)
with suppress():
    pass


class Buf:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass
b = Buf()
with redirect_stdout(b) as target:
    print("captured", 1)
    sys.stdout.write("direct\n")
print(target is b, b.parts)
eb = Buf()
with redirect_stderr(eb):
    sys.stderr.write("to err\n")
print(eb.parts)

with nullcontext(5) as v:
    print("null", v)
with nullcontext() as v:
    print("null", v)

with ExitStack() as stack:
    for n in ("a", "b"):
        print(stack.enter_context(tag(n)))
    stack.callback(print, "callback", 1, end="!\n")
    stack.push(lambda *exc: print("push saw", exc[0]))
print("stack done")

def exitstack_suppress():
    with ExitStack() as stack:
        stack.push(lambda t, v, tb: t is KeyError)
        raise KeyError("gone")
exitstack_suppress(); print("suppressed by stack")

def exitstack_replace():
    with ExitStack() as stack:
        def bad(*exc):
            raise ValueError("from callback")
        stack.push(bad)
        raise KeyError("orig")
try:
    exitstack_replace()
except ValueError as e:
    print("replaced", e, type(e.__context__).__name__)

with ExitStack() as outer:
    outer.callback(print, "moved callback")
    moved = outer.pop_all()
print("outer closed")
moved.close()
err(lambda: ExitStack().enter_context(5))


class CM(AbstractContextManager):
    def __exit__(self, *a):
        print("CM exit", a[0])
with CM() as cm:
    print(type(cm).__name__)


class deco(ContextDecorator):
    def __enter__(self):
        print("enter deco")
        return self

    def __exit__(self, *a):
        print("exit deco")
        return False
@deco()
def fn():
    print("in fn")
fn()
