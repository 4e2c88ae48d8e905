# IntEnum / IntFlag members are real int instances; StrEnum; re.RegexFlag is an int subclass.
import enum
import json
import re
from enum import Enum, IntEnum, IntFlag, Flag, StrEnum, auto, unique


class Color(IntEnum):
    RED = 1
    GREEN = 2
    BLUE = 3
    SCARLET = 1  # alias


print(isinstance(Color.RED, int), isinstance(Color.RED, Color), issubclass(Color, int))
print(type(Color.RED).__mro__)
print(repr(Color.RED), str(Color.RED), format(Color.RED), f"{Color.GREEN}", f"{Color.BLUE!r}")
print(f"{Color.BLUE:>5}|{Color.BLUE:03d}|{Color.BLUE:x}|{Color.BLUE:.2f}", "%d %s %r" % (Color.RED, Color.RED, Color.RED))
print(Color.RED + 1, Color.GREEN * Color.BLUE, Color.BLUE - 5, Color.BLUE / 2, Color.BLUE // 2, Color.BLUE % 2, 2 ** Color.BLUE)
print(type(Color.RED + 1), type(-Color.RED), -Color.RED, abs(Color.GREEN), ~Color.GREEN, Color.GREEN << 3, Color.BLUE >> 1)
print(Color.RED == 1, 1 == Color.RED, Color.RED != 2, Color.RED < 2, 3 > Color.GREEN, Color.GREEN >= Color.RED, Color.RED < Color.BLUE)
print(hash(Color.RED) == hash(1), {1: "one"}[Color.RED], {Color.GREEN: "g"}[2], Color.SCARLET is Color.RED)
print(["a", "b", "c", "d"][Color.BLUE], list(range(Color.BLUE)), "abcdef"[Color.RED:Color.BLUE], [0] * Color.GREEN)
print(int(Color.BLUE), float(Color.BLUE), Color.BLUE.real, Color.BLUE.bit_length(), Color.GREEN.to_bytes(2, "big"), bool(Color.RED))
print(sorted([Color.BLUE, 0, Color.RED, 2]), max(Color), sum(Color), Color.RED.value, Color.RED.name)
print(list(Color), len(Color), Color(2), Color["BLUE"], Color.RED in Color, 2 in [Color.GREEN])
print(json.dumps([Color.RED, {"k": Color.BLUE}]), json.dumps({Color.GREEN: 1}))
print(hex(Color.BLUE), bin(Color.GREEN), oct(Color.BLUE), round(Color.BLUE), divmod(Color.BLUE, 2), pow(Color.GREEN, 3, 5))
print(Color.BLUE.__index__(), int.__repr__(Color.BLUE), Color.RED.numerator, Color.GREEN.conjugate())
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
print(list(Color.__members__.items()))


class Prio(IntEnum):
    LOW = auto()
    MID = auto()
    HIGH = 10
    TOP = auto()

    def describe(self):
        return "%s=%d" % (self.name, self)

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls[value.upper()]
        return None


print([(m.name, m.value) for m in Prio], Prio.TOP.describe(), Prio("mid"), repr(Prio("low")))
try:
    Prio(99)
except ValueError as e:
    print("ValueError:", e)

try:
    @unique
    class Dup(IntEnum):
        A = 1
        B = 2
        C = 1
except ValueError as e:
    print("ValueError:", e)

try:
    class Bad(IntEnum):
        A = "x"
except ValueError as e:
    print("ValueError:", e)


class Str11(IntEnum):
    A = 5

    def __str__(self):
        return "custom"


print(str(Str11.A), f"{Str11.A}", format(Str11.A, ""), repr(Str11.A))


# ---- IntFlag ---------------------------------------------------------------------------------

class Perm(IntFlag):
    R = 4
    W = 2
    X = 1


RW = Perm.R | Perm.W
print(isinstance(Perm.R, int), repr(RW), str(RW), format(RW), f"{RW}", f"{RW:04b}", RW == 6, hash(RW) == hash(6))
print(repr(Perm.R | 1), repr(1 | Perm.R), repr(RW & Perm.W), repr(RW ^ Perm.R), repr(RW & 8), repr(Perm.R ^ 4))
print(repr(~Perm.R), repr(~RW), repr(~Perm(0)), repr(Perm(0)), repr(Perm(7)), repr(Perm(8)), repr(Perm(13)))
print(Perm(6) is RW, Perm.R in RW, Perm.X in RW, list(RW), len(RW), len(Perm), list(Perm), bool(Perm(0)))
print(type(RW), type(RW + 1), RW + 1, RW * 2, RW - Perm.W, [0, 1, 2, 3, 4, 5, 6][RW])
print(RW.name, RW.value, Perm(0).name, Perm(8).name, Perm(13).name, repr(Perm(-1)), repr(Perm(-5)))
print(list(Perm(7)), Perm.W in Perm(7), list(reversed(Perm)))
print(json.dumps({"perm": RW}))


class Mode(IntFlag):
    A = auto()
    B = auto()
    C = auto()
    AB = A | B


print([m.value for m in Mode], repr(Mode.AB), repr(Mode.A | Mode.B), Mode.AB is (Mode.A | Mode.B), repr(Mode.A | Mode.C), list(Mode.__members__))


class Plain(Flag):
    R = 4
    W = 2
    X = 1


print(repr(Plain.R | Plain.W), str(Plain.R | Plain.W), isinstance(Plain.R, int), repr(~Plain.R))
try:
    Plain.R | 1
except TypeError as e:
    print("TypeError:", e)


# ---- StrEnum ---------------------------------------------------------------------------------

class Shade(StrEnum):
    LIGHT = auto()
    DARK = "dark-ish"


print(isinstance(Shade.LIGHT, str), repr(Shade.LIGHT), str(Shade.DARK), f"{Shade.DARK}", Shade.LIGHT == "light", Shade.LIGHT.upper(), Shade("dark-ish"))
print(json.dumps([Shade.LIGHT]), Shade.LIGHT + "!", len(Shade.DARK))
try:
    class BadS(StrEnum):
        A = 1
except TypeError as e:
    print("TypeError:", e)


# ---- functional API --------------------------------------------------------------------------

Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, repr(Animal), isinstance(Animal.ANT, int))
Level = IntEnum("Level", "LOW HIGH")
print(list(Level), Level.HIGH + 1, isinstance(Level.LOW, int), repr(Level.HIGH), str(Level.HIGH))
Bits = IntFlag("Bits", "ONE TWO FOUR")
print(list(Bits), repr(Bits.ONE | Bits.FOUR), Bits.FOUR.value)
Pairs = IntEnum("Pairs", [("X", 10), ("Y", 20)])
print(Pairs(20), repr(Pairs.X), Pairs.X < Pairs.Y)


# ---- re.RegexFlag ----------------------------------------------------------------------------

print(isinstance(re.I, int), isinstance(re.I, re.RegexFlag), issubclass(re.RegexFlag, int))
print(repr(re.I), str(re.I), repr(re.I | re.M), str(re.I | re.M), repr(re.NOFLAG), re.I + 0, re.I | 0)
print(re.I == 2, hash(re.I) == hash(2), re.I.name, re.I.value, repr(re.RegexFlag(2)), re.compile("a", re.I | re.S))
print(re.match("A", "a", re.I | re.M) is not None, int(re.X), re.search("a b", "ab", flags=re.X).group())


# ---- more: big values, auto() expressions with a zero member, mixed-class ops ------------------

class Big(IntEnum):
    HUGE = 2 ** 70
    NEG = -5


print(repr(Big.HUGE), Big.HUGE + 1, Big.NEG * 2, Big(-5), hash(Big.HUGE) == hash(2 ** 70))


class Weekday(IntFlag):
    MON = auto()
    TUE = auto()
    WED = auto()
    WEEKEND = 0
    ALL = MON | TUE | WED


print(list(Weekday), repr(Weekday.ALL), repr(~Weekday.MON), repr(Weekday(0)), repr(Weekday.MON & Weekday.TUE))
print(repr(Perm(8) | Perm.R), Perm.R | True, repr(Perm.R - 1), sorted({Perm.R, Perm.W, 4, 2}), {Color.RED: "x", 1: "y"})
for f in (lambda: Color.RED + "x", lambda: Color.RED < "x", lambda: Color["Z"], lambda: IntEnum("E", 5), lambda: Color("x")):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


# ---- other data types: a str subclass with its own __new__, float ----------------------------

class Upper(str):
    def __new__(cls, v):
        return str.__new__(cls, v.upper())


class Letter(Upper, Enum):
    A = "a"
    B = "b"


print(repr(Letter.A), Letter.A.value, Letter.A == "A", list(Letter), Letter("A") is Letter.A)


class Real(float, Enum):
    PI = 3.14


print(repr(Real.PI), Real.PI * 2, isinstance(Real.PI, float), str(Real.PI), f"{Real.PI}", hash(Real.PI) == hash(3.14))
