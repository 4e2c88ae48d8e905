# complex: literals, the constructor, arithmetic with every number kind, comparisons, hashing,
# repr/str/format, and the complex results of float and int powers.


def case(name, f):
    try:
        r = f()
    except Exception as e:
        print(name, "->", type(e).__name__, e)
    else:
        print(name, "->", repr(r))


nan = float("nan")
inf = float("inf")

# literals and repr
print(1j, 2 + 3j, -1j, 0j, -0j, 1.5j, 1e300j, 1e-5j, 10j, 100j, 1e16j, 123456789012345678j)
print(repr(1 + 0j), str(-1 - 1j), [1j, 2 - 0j], (3j,), {1j: 2})
for c in [complex(1, -nan), complex(-nan, 1), complex(nan, nan), complex(-0.0, -1), complex(0, -0.0),
          complex(-0.0, 0), -0j, complex(1e300, 1e-300), complex(1.5, 0), complex(inf, -inf),
          complex(nan, inf), complex(0.1, 0.2), complex(1e16, 1e15), complex(-2.5, 1e-7)]:
    print(repr(c), str(c), c.real, c.imag, c.conjugate())
print(type(1j).__name__, isinstance(1j, complex), type(1j) is complex, complex.__name__)
print((1j).real.__class__.__name__, (1 + 2j).imag, (5j).__complex__(), complex.conjugate(2 - 3j))
print((1 + 2j).__getnewargs__())

# the constructor
tests = ["complex()", "complex(1)", "complex(1, 2)", "complex(1.5, 2)", "complex(True, False)",
         "complex(real=1, imag=2)", "complex(imag=2)", "complex(imag=1j)", "complex(1j)",
         "complex(1j, 1j)", "complex(1 + 2j, 3 + 4j)", "complex(2, 1j)", "complex(2 ** 60, -2 ** 60)",
         "complex(2 ** 2000)", "complex(1, 2 ** 2000)", "complex(None)", "complex([])", "complex(b'1')",
         "complex(1, None)", "complex(1, 'x')", "complex('1', 1)", "complex(x=1)", "complex(1, 2, 3)",
         "complex(1, real=2)", "complex('1+2j')", "complex(' (1-2j) ')", "complex('j')", "complex('-j')",
         "complex('+J')", "complex('inf+nanj')", "complex('-infinityj')", "complex('nAnJ')",
         "complex('1e3')", "complex('1e400')", "complex('1e400j')", "complex('1_0j')", "complex('1__0j')",
         "complex('_1j')", "complex('1_j')", "complex('')", "complex(' ')", "complex('1+')",
         "complex('(1+2j')", "complex('1+2j)')", "complex('1 + 2j')", "complex('1jj')", "complex('1e')",
         "complex('0x1')", "complex('( 1+1j )')", "complex('(1+1j) )')", "complex('\\t1j\\n')",
         "complex('1.j')", "complex('.5j')", "complex('5.')", "complex('-1.5e-3-2.5E+2J')",
         "complex('1-j')", "complex('1+nanj')", "complex('\\u0661j')", "complex('1\\x00')",
         "complex('\\u20031+1j\\u2003')", "complex('1+1j', imag=2)"]
for t in tests:
    case(t, lambda: eval(t))


class C:
    def __complex__(self):
        return 3 + 4j


class BadC:
    def __complex__(self):
        return 1.5


class F:
    def __float__(self):
        return 2.5


class I:
    def __index__(self):
        return 7


class BadF:
    def __float__(self):
        return "x"


case("complex(C())", lambda: complex(C()))
case("complex(C(), 1)", lambda: complex(C(), 1))
case("complex(BadC())", lambda: complex(BadC()))
case("complex(F())", lambda: complex(F()))
case("complex(F(), F())", lambda: complex(F(), F()))
case("complex(I(), I())", lambda: complex(I(), I()))
case("complex(1, C())", lambda: complex(1, C()))
case("complex(BadF())", lambda: complex(BadF()))
case("complex(object())", lambda: complex(object()))
z = 1 + 2j
print(complex(z) is z)

# arithmetic
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
       "/": lambda a, b: a / b, "**": lambda a, b: a ** b, "//": lambda a, b: a // b,
       "%": lambda a, b: a % b, "&": lambda a, b: a & b, "@": lambda a, b: a @ b}
vals = [1j, 2 - 3j, 0j, -0.5 + 0.25j, 3, -2, 0, True, 2.5, -0.0, 10 ** 20, 2 ** 2000, 1e300 + 1e300j,
        complex(inf, 0), complex(nan, 1)]
for sym, f in ops.items():
    for a in vals:
        for b in vals:
            if isinstance(a, complex) or isinstance(b, complex):
                case(f"{a!r} {sym} {b!r}", lambda: f(a, b))
for e in ["(1+1j) ** 2", "(1+1j) ** 0.5", "(1+2j) ** -2", "(1+2j) ** 3.0", "(1+1j) ** 101",
          "(1+1j) ** 100", "(1.1+0.3j) ** -100", "2 ** 0.5j", "1j ** 1j", "0j ** 0", "0j ** 0j",
          "0j ** -1", "0j ** 1j", "0j ** 2", "(1e200+1e200j) ** 2", "complex(inf, 0) ** 2",
          "(1+1j) ** inf", "(1+1j) ** 1e10", "(2+0j) ** 2000.5", "(-1) ** 0.5", "(-1.0) ** (1 / 3)",
          "(-8) ** (1 / 3)", "pow(-8, 1 / 3)", "(-8) ** 0.5", "(-8.0) ** -0.5", "(-2) ** -0.5",
          "(-2.0) ** inf", "(-2.0) ** -inf", "(-inf) ** 0.5", "(-1e300) ** 1.5", "(-0.5) ** 2.5",
          "(-3) ** 2.0", "(-3.0) ** -2.0", "pow(-2, 0.5, 3)", "pow(1j, 2, 3)", "pow(2, 1j, 3)",
          "pow(2, 3, 1j)", "pow(2.0, 3, 1j)", "pow(1j, 2)", "pow(1j, -1)",
          "1j / 0", "1j / 0.0", "1j / 0j", "1 / 1j", "(1+2j) / (3-4j)", "1e300j / 1e-300j",
          "(1+2j) / complex(nan, 1)", "(1+2j) / complex(inf, 1)", "(1+2j) / complex(1e-320, 1e-320)",
          "divmod(1j, 1)", "divmod(1, 1j)", "-(0j)", "+(-0j)", "-(1-1j)", "+(2+3j)", "~1j",
          "abs(3+4j)", "abs(-1j)", "abs(0j)", "abs(complex(1e308, 1e308))", "abs(complex(inf, nan))",
          "abs(complex(nan, 1))", "sum([1j, 2j, 3])", "sum([1.5, 1j])", "x", "1j + 'a'",
          "'a' + 1j", "[1] * 1j", "1j * [1]"]:
    x = 1j
    x += 2
    x *= 1 + 1j
    x -= 0.5
    x /= 2
    x **= 2
    case(e, lambda: eval(e))

# comparisons and hashing
for a, b in [(1j, 1j), (1 + 0j, 1), (1 + 0j, True), (1 + 0j, 1.0), (1 + 1j, 1), (0j, 0),
             (0j, -0.0), (complex(2 ** 53), 2 ** 53), (complex(2 ** 53), 2 ** 53 + 1),
             (complex(nan, 0), complex(nan, 0)), (1j, None), (1j, "1j"), (1e300 + 0j, 10 ** 300),
             (1e300 + 0j, 2 ** 2000)]:
    print(repr(a), repr(b), a == b, a != b, b == a, b != a)
for e in ["1j < 1j", "1j <= 1", "1 > 1j", "1j >= 1.0", "1j < None", "sorted([1j, 2j])", "max(1j, 2j)"]:
    case(e, lambda: eval(e))
for c in [1j, -1j, 1 + 0j, 1.5 + 0j, -1 + 0j, 0j, complex(0, -1), 1.5 + 2.5j, complex(inf, -inf),
          complex(1e300, 1e-300), complex(2 ** 61, 2 ** 62)]:
    print(repr(c), hash(c), hash(c) == hash(c.real) if c.imag == 0 else "")
print(hash(1 + 0j) == hash(1), hash(1.5 + 0j) == hash(1.5), hash(-1 + 0j) == hash(-1))
print({1: "a", 1 + 0j: "b", 1.0: "c"}, {1j, 1j, 2j} == {2j, 1j}, 1j in [1, 1j], (1 + 0j) in {1})
print(bool(0j), bool(-0j), bool(1j), bool(complex(0, nan)), not 0j)

# format
specs = ["", ".3", "g", "+.2f", ">20", " e", "<15", "^20.1f", "*^20", "#", "#g", "n", ".0", ".0e",
         "#.0f", "_", ",", ",.2f", "E", "G", ".2%", "0>10", "010", "=10", "d", "x", "z.1f", "+", " ",
         "-", ".10g", "20.3e"]
for c in [1 + 2j, 1.5 + 2j, 1234567 + 2j, -0.0 - 0j, 0j, 1j, complex(0, -0.0), complex(-1, nan),
          complex(inf, -inf), 1e16j, complex(1e300, 1e-300), -1.5e-7 - 2.5j]:
    for s in specs:
        case(f"format({c!r}, {s!r})", lambda: format(c, s))
print("{:>20}|{:<12}|{:.2f}|{!r}|{!s}".format(1 + 2j, 3j, -1.25 - 2.5j, 1j, 2 + 0j))
print(f"{1 + 2j}|{1 + 2j:.3e}|{-1j!r:>8}", "%s|%r|%10s" % (1j, 2 + 1j, -1j))
for e in ["'%f' % 1j", "'%d' % 1j", "'%x' % 1j", "'%g' % (1+0j)", "(1j).__format__('.1f')",
          "(1j).__format__(1)", "format(1j, 1)"]:
    case(e, lambda: eval(e))

# conversions other numbers refuse
z1 = 1j
for e in ["int(1j)", "float(1j)", "round(1j)", "int(1 + 0j)", "math.sqrt(1j)", "math.floor(1j)",
          "math.isnan(1j)", "math.isclose(1j, 1j)", "range(1j)", "[1][z1]", "'ab' * 1j",
          "(1j).__float__", "(1j).__int__", "1j .__floordiv__", "(1j).x"]:
    import math
    case(e, lambda: eval(e))
