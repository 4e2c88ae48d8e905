# Calling a plain class whose __init__ is simple runs __init__ as a frame of the eval loop:
# results, errors, tracebacks and odd __init__s must be as in CPython.
import sys
import traceback


class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right


def make(depth):
    if depth == 0:
        return Node(None, None)
    return Node(make(depth - 1), make(depth - 1))


def count(n):
    return 1 if n.left is None else 1 + count(n.left) + count(n.right)


print(count(make(10)))


class BadReturn:
    def __init__(self, x):
        self.x = x
        return x


try:
    BadReturn(3)
except TypeError as e:
    print("TypeError:", e)
print(type(BadReturn(None)).__name__)


class Raises:
    def __init__(self, x):
        self.x = 1 // x


try:
    Raises(0)
except ZeroDivisionError:
    tb = traceback.format_exc().splitlines()
    print([line.strip() for line in tb if line.strip().startswith("self.x")])


class WrongArity:
    def __init__(self, a, b):
        self.a = a


try:
    WrongArity(1)
except TypeError as e:
    print("TypeError:", e)


class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", args)
        return super().__call__(*args)


class WithMeta(metaclass=Meta):
    def __init__(self, v):
        self.v = v


print(WithMeta(5).v)


class Base:
    def __init__(self, v):
        self.v = v * 2


class Derived(Base):
    pass


print(Derived(21).v)

# __init__ replaced on the class after the call site has run: the next call uses the new one
def call_it(cls, v):
    return cls(v)


print(call_it(Base, 1).v)
Base.__init__ = lambda self, v: setattr(self, "v", -v)
print(call_it(Base, 1).v)
print(call_it(Derived, 4).v)


class WithNew:
    def __new__(cls, v):
        print("WithNew.__new__", v)
        return super().__new__(cls)

    def __init__(self, v):
        self.v = v


print(WithNew(7).v)


class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None


try:
    Deep(100000)
except RecursionError as e:
    print("RecursionError:", e)
print(sys.getrecursionlimit() > 0)


class Frames:
    def __init__(self):
        self.name = sys._getframe().f_code.co_name
        self.caller = sys._getframe(1).f_code.co_name


def maker():
    return Frames()


f = maker()
print(f.name, f.caller)

# many instances, so that collections run during __init__ frames
objs = [Node(i, [i] * 3) for i in range(20000)]
print(sum(o.left for o in objs), sum(len(o.right) for o in objs))
