# dataclass(slots=True): the class is made again with __slots__ naming its fields (minus those a
# base declares), defaults kept by __init__, weakref_slot, frozen + slots, the errors. (minipy's
# __slots__ makes no member descriptors and does not restrict attributes: not probed here.)
import copy
import weakref
from dataclasses import dataclass, field, fields, FrozenInstanceError


@dataclass(slots=True)
class P:
    x: int
    y: int = 5
    tags: list = field(default_factory=list)

    def norm(self):
        return abs(self.x) + abs(self.y)


p = P(1)
print(p, P.__slots__, "__slots__" in P.__dict__, p.norm(), P(2, 3) == P(2, 3))
print([f.name for f in fields(P)], P.__qualname__, P.__name__, P.__match_args__)
print(P(7).y, P(7).tags is not P(7).tags)


@dataclass(slots=True)
class Q(P):
    z: float = 0.5


print(Q(1, 2, [3], 4.0), Q.__slots__)


@dataclass(frozen=True, slots=True)
class F:
    a: int
    b: str = "b"


f = F(1)
print(f, hash(f) == hash(F(1)), F.__slots__)
try:
    f.a = 2
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)
g = copy.copy(f)
print(g, g == f, copy.deepcopy(F(3, "c")), f.__getstate__())


@dataclass(slots=True, weakref_slot=True)
class W:
    v: int


w = W(1)
print(W.__slots__, weakref.ref(w)() is w)

for bad in ("already", "weakref"):
    try:
        if bad == "already":
            @dataclass(slots=True)
            class Bad:
                __slots__ = ("x",)
                x: int
        else:
            @dataclass(weakref_slot=True)
            class Bad2:
                x: int
    except TypeError as e:
        print("TypeError", e)

# a dataclass without slots still has no __slots__
@dataclass
class N:
    x: int = 0


print("__slots__" in N.__dict__, N())
