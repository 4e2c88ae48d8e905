from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique
import enum

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1          # alias
    def describe(self):
        return "%s is %d" % (self.name, self.value)
    @classmethod
    def favourite(cls):
        return cls.GREEN

print(list(Color), len(Color), Color.CRIMSON is Color.RED, Color(1), Color["BLUE"])
print(repr(Color.RED), str(Color.RED), Color.RED.name, Color.RED.value, Color.BLUE.describe(), Color.favourite())
print(list(Color.__members__), list(reversed(Color)))
print(Color.RED in Color, Color.RED == Color.RED, Color.RED != Color.GREEN, Color.RED == 1)
print({Color.RED: "r"}[Color.CRIMSON], isinstance(Color.RED, Color), type(Color.RED).__name__, type(Color).__name__)
print(f"{Color.GREEN}", "%s" % Color.BLUE, format(Color.BLUE, ">12"))
try:
    Color(7)
except ValueError as e:
    print("ValueError", e)
try:
    Color["PURPLE"]
except KeyError as e:
    print("KeyError", e)
try:
    Color.RED < Color.GREEN
except TypeError as e:
    print("TypeError", e)

class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()
print([(m.name, m.value) for m in Auto])

class Lower(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()
    X = auto()
    Y = auto()
print([m.value for m in Lower])

try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(e)

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.EARTH.value, Planet((3.303e+23, 2.4397e6)).name)

class Coord(Enum):
    def __new__(cls, value, label):
        obj = object.__new__(cls)
        obj._value_ = value
        obj.label = label
        return obj
    X = (1, "ex")
    Y = (2, "why")
print(Coord(2), Coord.X.label, Coord.Y.value)

class Missing(Enum):
    A = "a"
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str) and value.lower() == "a":
            return cls.A
        return None
print(Missing("A"))

class Num(IntEnum):
    ONE = 1
    TWO = 2
print(repr(Num.ONE), str(Num.TWO), Num.ONE + 1, Num.TWO * 3, Num.ONE == 1, Num.ONE < Num.TWO, Num.TWO > 1)
print([10, 20, 30][Num.TWO], int(Num.TWO), f"{Num.ONE:03d}", sorted([Num.TWO, Num.ONE]), Num(2))

class Perm(Flag):
    R = 4
    W = 2
    X = 1
RW = Perm.R | Perm.W
print(repr(RW), str(RW), RW.value, Perm.R in RW, Perm.X in RW, bool(Perm(0)), repr(Perm(0)), list(RW))
print(repr(~Perm.R), repr(RW & Perm.W), repr(RW ^ Perm.R), repr(Perm(7)), Perm(6) is RW)

class AF(Flag):
    A = auto()
    B = auto()
    C = auto()
print([m.value for m in AF], repr(AF.A | AF.C))

class IP(IntFlag):
    R = 4
    W = 2
    X = 1
print(repr(IP.R | IP.W), str(IP.R | IP.X), IP.R | 2, IP.W + 1, repr(IP(0)), IP.R == 4)

class SE(StrEnum):
    A = auto()
    B = "bee"
print(repr(SE.A), str(SE.A), SE.B == "bee", SE.A.upper(), f"{SE.B}")

class Mixed(str, Enum):
    X = "x"
print(repr(Mixed.X), str(Mixed.X), Mixed.X == "x", Mixed("x"))

Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, repr(Animal))
Shape = Enum("Shape", [("SQ", 4), ("TRI", 3)])
print(Shape.TRI.value, Shape(4))
try:
    class More(Color):
        PINK = 9
except TypeError as e:
    print(e)
print(repr(Color), repr(Perm), enum.EnumMeta is enum.EnumType)
