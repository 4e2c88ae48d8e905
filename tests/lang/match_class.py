# match: class patterns (__match_args__, keyword sub-patterns, builtins matching themselves)
import collections
import dataclasses


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


@dataclasses.dataclass
class DC:
    a: int
    b: str = "b"


NT = collections.namedtuple("NT", "u v")


def where(p):
    match p:
        case Point3(0, 0, 0):
            return "3d origin"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point3(x, y, z=z) if z > 0:
            return f"above: {x} {y} {z}"
        case Point(x, y):
            return f"somewhere {x} {y}"
        case DC(1, b):
            return f"dataclass one {b}"
        case DC(a=a):
            return f"dataclass {a}"
        case NT(1, v):
            return f"namedtuple one {v}"
        case NT(u=u):
            return f"namedtuple {u}"
        case object(real=r, imag=i) if i:
            return f"complex-ish {r} {i}"
    return "no match"


for p in [Point(0, 0), Point3(0, 0, 0), Point3(0, 0, 1), Point(0, 5), Point(4, 0), Point(1, 2),
          Point3(1, 2, -1), Point3(1, 2, 3), DC(1), DC(2, "x"), NT(1, 2), NT(3, 4), 2j, 5]:
    print(where(p))

# builtins match the subject itself with one positional sub-pattern
for v in [5, True, 2.5, "s", b"b", bytearray(b"ba"), [1], (1,), {1: 2}, {1}, frozenset({2}), None]:
    match v:
        case bool(b):
            print("bool", b)
        case int(i):
            print("int", i)
        case float(f):
            print("float", f)
        case str(s):
            print("str", s)
        case bytes(b):
            print("bytes", b)
        case bytearray(b):
            print("bytearray", b)
        case list(l):
            print("list", l)
        case tuple(t):
            print("tuple", t)
        case dict(d):
            print("dict", d)
        case set(s):
            print("set", s)
        case frozenset(s):
            print("frozenset", sorted(s))
        case _:
            print("nothing for", v)


# subclasses of builtins also match themselves, unless they define __match_args__
class MyInt(int):
    pass


class MyStr(str):
    __match_args__ = ("upper_attr",)

    @property
    def upper_attr(self):
        return self.upper()


match MyInt(7):
    case int(n):
        print("MyInt matched int(n):", n, type(n).__name__)
match MyStr("abc"):
    case MyStr(u):
        print("MyStr via __match_args__:", u)
match MyStr("abc"):
    case str(s):
        print("MyStr as str(s):", s)

# missing attributes: no match (not an error)
class Empty:
    __match_args__ = ("nothing",)


match Empty():
    case Empty(x):
        print("matched", x)
    case Empty():
        print("Empty() without attributes")


# __instancecheck__ on a metaclass is honoured
class Meta(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", type(inst).__name__)
        return isinstance(inst, int)


class AnyInt(metaclass=Meta):
    pass


match 3:
    case AnyInt():
        print("3 is AnyInt")
match "3":
    case AnyInt():
        print("no")
    case _:
        print("'3' is not AnyInt")


# attribute order: positional first, then keywords, left to right
class Logged:
    __match_args__ = ("a", "b")

    def __getattr__(self, name):
        print("getattr", name)
        if name == "missing":
            raise AttributeError(name)
        return name.upper()


match Logged():
    case Logged(a, b, c=c, d="D"):
        print("got", a, b, c)
match Logged():
    case Logged(a, missing=m):
        print("no")
    case Logged(x=x):
        print("fell back", x)


# errors raised at match time
def attempt(subject, label, f):
    try:
        f(subject)
    except Exception as e:
        print(label, type(e).__name__, e)


def too_many(s):
    match s:
        case Point(1, 2, 3):
            pass


def too_many_self(s):
    match s:
        case int(1, 2):
            pass


def no_args(s):
    match s:
        case Empty(1, 2):
            pass


def not_a_type(s):
    notatype = len
    match s:
        case notatype():
            pass


class BadArgs:
    __match_args__ = ["a"]
    a = 1


def bad_match_args(s):
    match s:
        case BadArgs(a):
            pass


class BadElem:
    __match_args__ = (1,)


def bad_elem(s):
    match s:
        case BadElem(a):
            pass


class Dup:
    __match_args__ = ("a",)
    a = 1


def dup_attr(s):
    match s:
        case Dup(x, a=y):
            pass


class Zero:
    pass


def zero_args(s):
    match s:
        case Zero(1):
            pass


attempt(Point(1, 2), "too many:", too_many)
attempt(5, "int(1, 2):", too_many_self)
attempt(Empty(), "Empty(1, 2):", no_args)
attempt(1, "not a type:", not_a_type)
attempt(BadArgs(), "list __match_args__:", bad_match_args)
attempt(BadElem(), "int element:", bad_elem)
attempt(Dup(), "duplicate attribute:", dup_attr)
attempt(Zero(), "no __match_args__:", zero_args)
attempt(5, "no match, no error:", too_many)


class DupKey:
    K = "k"


def dup_key(s):
    match s:
        case {DupKey.K: 1, "k": 2}:
            pass


attempt({"k": 1}, "runtime duplicate key:", dup_key)
