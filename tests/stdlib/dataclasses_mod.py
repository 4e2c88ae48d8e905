from dataclasses import dataclass, field, fields, asdict, astuple, replace, InitVar, KW_ONLY, FrozenInstanceError, is_dataclass, MISSING
import dataclasses

@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)

p = Point(1, 2)
print(p, Point(5), p == Point(1, 2), p != Point(1, 3), Point.__hash__)
print([f.name for f in fields(Point)], asdict(p), astuple(p), replace(p, y=9))
p.tags.append("a"); print(Point(1).tags, p.tags)

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
v1, v2 = Version(1, 2), Version(1, 10)
print(v1 < v2, v1 >= v2, sorted([v2, v1]), hash(v1) == hash(Version(1, 2)), {v1: 1}[Version(1, 2)])
try:
    v1.major = 3
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)

@dataclass
class WithPost:
    a: int
    scale: InitVar[int] = 2
    b: int = field(init=False, default=0)
    def __post_init__(self, scale):
        self.b = self.a * scale
w = WithPost(3)
print(w, WithPost(3, 5).b, [f.name for f in fields(w)])

@dataclass
class KW:
    a: int
    _: KW_ONLY
    b: int = 1
    c: int = 2
print(KW(1, c=5))
try:
    KW(1, 2)
except TypeError as e:
    print("TypeError")

@dataclass(unsafe_hash=True)
class UH:
    a: int
    b: str = field(default="x", compare=False, repr=False)
print(UH(1), hash(UH(1)) == hash((1,)), UH(1) == UH(1, "y"))

@dataclass
class Base:
    a: int
    b: int = 2
@dataclass
class Derived(Base):
    c: int = 3
print(Derived(1), Derived(1, 5, 6), is_dataclass(Derived), is_dataclass(Derived(1)), is_dataclass(3))

@dataclass
class Nested:
    p: Point
    items: list
print(asdict(Nested(Point(1), [Point(2)])))
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print(e)
try:
    @dataclass
    class Mut:
        a: list = []
except ValueError as e:
    print(e)
try:
    Point()
except TypeError as e:
    print("missing" in str(e))
try:
    asdict(3)
except TypeError as e:
    print(e)
@dataclass(eq=False)
class NoEq:
    a: int
print(NoEq(1) == NoEq(1), NoEq(1).__repr__())
print(Point.__match_args__, fields(Point)[2].default_factory is list, fields(Point)[0].default is MISSING)
C = dataclasses.make_dataclass("C", [("x", int), ("y", int, field(default=5))])
print(C(1))
