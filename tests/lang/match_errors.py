# match: compile-time errors (SyntaxError messages and positions as CPython 3.11)
sources = [
    "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case [a, a]:\n        pass\n",
    "match x:\n    case {'k': a, **a}:\n        pass\n",
    "match x:\n    case [a, *a]:\n        pass\n",
    "match x:\n    case (a as b) as a:\n        pass\n",
    "match x:\n    case [a] | [b]:\n        pass\n",
    "match x:\n    case [a] | (b, c):\n        pass\n",
    "match x:\n    case [a, b] | [a]:\n        pass\n",
    "match x:\n    case a | 1:\n        pass\n",
    "match x:\n    case _ | 1:\n        pass\n",
    "match x:\n    case [*a, *b]:\n        pass\n",
    "match x:\n    case {'a': 1, 'a': 2}:\n        pass\n",
    "match x:\n    case {1: a, 1.0: b}:\n        pass\n",
    "match x:\n    case {1: a, True: b}:\n        pass\n",
    "match x:\n    case C(a=1, a=2):\n        pass\n",
    "match x:\n    case C(a=1, b=2, a=3):\n        pass\n",
    "match x:\n    case [x] | x:\n        pass\n",
    "match x:\n    case (x | y) if x:\n        pass\n",
    "match x:\n    case x if x:\n        pass\n    case 2:\n        pass\n",
    "match x:\n    case [y, (z | y)]:\n        pass\n",
]
for src in sources:
    try:
        compile(src, "<test>", "exec")
        print("compiled:", src.splitlines()[1].strip())
    except SyntaxError as e:
        print(f"{src.splitlines()[1].strip()!r}: {e.msg} (line {e.lineno})")

# break/continue/return inside case bodies; a match with only a guard-rejected wildcard
def f(x):
    for i in range(3):
        match x, i:
            case (_, 1):
                continue
            case ("ret", 2):
                return "returned at 2"
            case ("brk", 2):
                break
            case _:
                print("iteration", i)
    return "loop done"


print(f("ret"))
print(f("brk"))
print(f("other"))

match 5:
    case _ if False:
        print("no")
print("after guarded wildcard")

match 5:
    case _:
        print("lone wildcard")

match 5:
    case n:
        print("lone capture", n)

# names bound by a match are ordinary locals/globals/cells
def closure():
    match (1, 2):
        case (a, b):
            pass
    return lambda: a + b


print(closure()())


def with_global():
    global G
    match [9]:
        case [G]:
            pass


with_global()
print("G =", G)


class K:
    match {"attr": 42}:
        case {"attr": attr}:
            pass


print("class attribute:", K.attr)

# exceptions inside a pattern evaluation propagate
class Boom:
    @property
    def __match_args__(self):
        raise RuntimeError("never looked up on the instance")


class BadLen:
    def __len__(self):
        raise ValueError("len failed")

    def __getitem__(self, i):
        return i


import collections.abc

collections.abc.Sequence.register(BadLen)
try:
    match BadLen():
        case [a]:
            print("no")
except ValueError as e:
    print("ValueError from __len__:", e)


class BadGet(dict):
    def get(self, key, default=None):
        raise KeyError("get failed")


try:
    match BadGet(a=1):
        case {"a": _}:
            print("no")
except KeyError as e:
    print("KeyError from get:", e)

try:
    match BadGet(a=1):
        case {**rest}:
            print("rest does not call get:", rest)
except KeyError as e:
    print("KeyError:", e)
