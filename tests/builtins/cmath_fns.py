# cmath: constants, the complex functions on finite values and the common special values, errors.
import cmath


def case(name, f):
    try:
        r = f()
    except Exception as e:
        print(name, "->", type(e).__name__, e)
    else:
        print(name, "->", repr(r))


inf = float("inf")
nan = float("nan")
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)

vals = [0j, -0j, complex(-0.0, 0), complex(-0.0, -0.0), 1, -1, 2.5, -4, 1j, -1j, 1 + 1j, -2 - 3j,
        3 + 4j, 0.5 - 0.25j, 1e-310 + 1e-310j, 1e300 + 1e300j, 1e308 + 1j, 710 + 1j, -710 + 2j,
        complex(0.9, 0.1), complex(1, 1e-20), 10 ** 20, True]
specials = [complex(inf, 0), complex(-inf, 0), complex(0, inf), complex(0, -inf), complex(inf, inf),
            complex(-inf, inf), complex(nan, 0), complex(0, nan), complex(nan, nan), complex(inf, nan),
            complex(-inf, nan), complex(nan, inf), complex(inf, 1), complex(-inf, -1), complex(1, inf),
            complex(-1, -inf)]
for name in ["sqrt", "exp", "log", "log10", "phase", "polar", "isfinite", "isinf", "isnan",
             "sin", "cos", "tan"]:
    f = getattr(cmath, name)
    for v in vals:
        case(f"{name}({v!r})", lambda: f(v))
for name in ["sqrt", "exp", "log", "log10", "phase", "polar", "isfinite", "isinf", "isnan"]:
    f = getattr(cmath, name)
    for v in specials:
        case(f"{name}({v!r})", lambda: f(v))
for e in ["cmath.log(8, 2)", "cmath.log(1j, 1 + 1j)", "cmath.log(0, 2)", "cmath.log(2, 0)",
          "cmath.log(1, 1)", "cmath.log(2 ** 2000)", "cmath.log(-1)", "cmath.log(10, 10)",
          "cmath.rect(1, 0)", "cmath.rect(2, cmath.pi / 2)", "cmath.rect(1, -0.0)", "cmath.rect(-1, 1)",
          "cmath.rect(1, inf)", "cmath.rect(inf, 0)", "cmath.rect(inf, 1)", "cmath.rect(-inf, 2)",
          "cmath.rect(0, inf)", "cmath.rect(1j, 1)", "cmath.rect(1)", "cmath.rect(1, 2, 3)",
          "cmath.polar(complex(1e308, 1e308))", "cmath.exp(1000)", "cmath.exp(complex(1, inf))",
          "cmath.sin(1e10j)", "cmath.cos(1000j)", "cmath.tan(1000j)", "cmath.tan(-1000j)",
          "cmath.sqrt()", "cmath.sqrt(1, 2)", "cmath.sqrt(x=1)", "cmath.sqrt('x')", "cmath.sqrt(None)",
          "cmath.log()", "cmath.log(1, 2, 3)", "cmath.phase(None)", "cmath.isnan('x')",
          "cmath.isclose(1, 1 + 1e-10j)", "cmath.isclose(1j, 1.0001j)", "cmath.isclose(1j, 1.0001j, rel_tol=1e-3)",
          "cmath.isclose(0, 1e-10j, abs_tol=1e-9)", "cmath.isclose(a=1, b=1)", "cmath.isclose(1)",
          "cmath.isclose(1, 2, 3)", "cmath.isclose(1, 1, rel_tol=-1)", "cmath.isclose(1, 1, foo=1)",
          "cmath.isclose(inf, inf)", "cmath.isclose(complex(inf, 1), complex(inf, 2))",
          "cmath.isclose(nan, nan)"]:
    case(e, lambda: eval(e))


class C:
    def __complex__(self):
        return 3 + 4j


class F:
    def __float__(self):
        return 0.25


class I:
    def __index__(self):
        return 9


class Bad:
    def __complex__(self):
        return 2


case("sqrt(C())", lambda: cmath.sqrt(C()))
case("sqrt(F())", lambda: cmath.sqrt(F()))
case("sqrt(I())", lambda: cmath.sqrt(I()))
case("sqrt(Bad())", lambda: cmath.sqrt(Bad()))
case("rect(F(), I())", lambda: cmath.rect(F(), I()))
case("isclose(C(), 3+4j)", lambda: cmath.isclose(C(), 3 + 4j))
