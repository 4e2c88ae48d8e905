# match statement: every pattern kind, checked against CPython 3.11.
import collections


def describe(x):
    match x:
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5 | 2.5:
            return "a half"
        case 1 + 2j:
            return "complex"
        case "hello" | b"bytes":
            return f"literal {x!r}"
        case []:
            return "empty seq"
        case [single]:
            return f"one item {single!r}"
        case [first, second]:
            return f"two items {first!r} {second!r}"
        case [first, *middle, last] if len(middle) > 3:
            return f"long: {first} {middle} {last}"
        case [0, *_]:
            return "starts with zero"
        case [*_, 9]:
            return "ends with nine"
        case [_, _, *rest]:
            return f"rest {rest}"
        case {}:
            return "empty-or-other mapping"
        case str() as s:
            return f"some str {s!r}"
        case int(n) if n > 100:
            return f"big int {n}"
        case int() | float():
            return f"number {x}"
        case _:
            return f"other {type(x).__name__}"


values = [None, True, False, 0, 0.0, -1, 1.5, 2.5, 1 + 2j, "hello", b"bytes", [], (), [7], (7,),
          "x", [1, 2], (1, 2), [1, 2, 3, 4, 5, 6], [0, 1, 2], [1, 2, 9], [1, 2, 3], {}, {"a": 1},
          "string", 1000, 5, 3.25, set(), range(2), range(0), b"ab", bytearray(b"xy"),
          collections.deque([1, 2]), collections.OrderedDict(a=1)]
for v in values:
    print(repr(v), "->", describe(v))


# mappings: .get lookup, extra keys allowed, **rest
def mapping(m):
    match m:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", **rest}:
            return f"circle {sorted(rest.items())}"
        case {1: one, 2.0: two}:
            return f"numeric keys {one} {two}"
        case {"k": [a, b, *_]}:
            return f"nested {a} {b}"
        case {**everything}:
            return f"everything {everything}"
        case _:
            return "not a mapping"


for m in [{"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "circle", "r": 5, "c": 0},
          {1: "a", 2: "b"}, {"k": [1, 2, 3]}, {"k": "ab"}, {"q": 1}, [("a", 1)], "abc"]:
    print(mapping(m))


class Default(dict):
    def __missing__(self, key):
        print("missing called", key)
        return 0


d = Default(a=1)
match d:
    case {"b": _}:
        print("has b")
    case {"a": 1}:
        print("a is one; keys now", sorted(d))


class LoggingDict(dict):
    def get(self, key, default=None):
        print("get", key)
        return super().get(key, default)


match LoggingDict(x=1, y=2):
    case {"x": 1, "y": 3}:
        print("no")
    case {"y": 2, **r}:
        print("matched with rest", r)


# group, as, or patterns and binding order
def shapes(v):
    match v:
        case (("a" | "b") as letter, (1 | 2) as num):
            return f"letter {letter} num {num}"
        case [x, y] | (x, y, _):
            return f"x={x} y={y}"
        case {"p": p} | [p]:
            return f"p={p}"
        case ((a, b) | [a, b, _]) as whole:
            return f"nested or {a} {b} {whole}"
    return "none"


for v in [("a", 1), ("c", 2), ("b", 3), [10, 20], (1, 2, 3), {"p": 4}, [5], "zz", 3]:
    print(shapes(v))


# captures are bound only when the whole pattern matches
z = "unbound"
match [1, 2]:
    case [z, 3]:
        pass
    case _:
        print("z after failed case:", z)

# a guard sees the captures; a failed guard still leaves them bound (as CPython does)
match (3, 4):
    case (a, b) if a > b:
        print("no")
    case (c, d):
        print("guard fell through; a, b =", a, b, "c, d =", c, d)

# dotted value patterns
class Color:
    RED = 1
    GREEN = 2


import enum


class E(enum.Enum):
    A = "a"
    B = "b"


for c in [1, 2, 3, E.A, E.B, "a"]:
    match c:
        case Color.RED:
            print("red")
        case Color.GREEN:
            print("green")
        case E.A:
            print("enum A")
        case E.B:
            print("enum B")
        case other:
            print("other", other)

# the subject is evaluated once
def subject():
    print("evaluating subject")
    return [1, 2, 3]


match subject():
    case [1]:
        print("one")
    case [1, 2]:
        print("two")
    case [1, 2, 3]:
        print("three")

# match in a function with locals, in a loop with break/continue, nested matches
def loop(items):
    out = []
    for it in items:
        match it:
            case "stop":
                break
            case "skip":
                continue
            case [x, [y, z]]:
                match z:
                    case int():
                        out.append(x + y + z)
                    case _:
                        out.append("bad")
            case _:
                out.append(it)
    return out


print(loop([1, [1, [2, 3]], [1, [2, "x"]], "skip", 5, "stop", 6]))

# match is a soft keyword
match = [1, 2]
case = 3
print(match, case)
match match:
    case [1, case]:
        print("case bound to", case)

# star captures: lists, even from tuples
match (1, 2, 3, 4):
    case (first, *mid, last):
        print(first, mid, last, type(mid).__name__)
match range(5):
    case [*head, 3, 4]:
        print("head", head)
match "abc":
    case [*chars]:
        print("str is a sequence?", chars)
    case _:
        print("str is not a sequence pattern subject")
