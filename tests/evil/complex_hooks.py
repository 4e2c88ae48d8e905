# __complex__ / __float__ / __index__ hooks that allocate (a minor collection moves the objects the
# native holds) reached from complex(), cmath and complex arithmetic with Python-level operands.
import cmath
from _evil import churn, case, I


class C:
    def __init__(self, z):
        self.z = z

    def __complex__(self):
        churn()
        return self.z


class F:
    def __init__(self, x):
        self.x = x

    def __float__(self):
        churn()
        return self.x


class BadC:
    def __complex__(self):
        churn()
        return [1, 2]


class R:
    """A number-like object whose reflected operators allocate."""

    def __radd__(self, other):
        churn()
        return ("radd", other)

    def __rmul__(self, other):
        churn()
        return ("rmul", other)

    def __eq__(self, other):
        churn()
        return "eq"

    def __rpow__(self, other):
        churn()
        return ("rpow", other)


big = 10 ** 20
case("complex(C)", lambda: complex(C(1 + 2j)))
case("complex(C, F)", lambda: complex(C(1 + 2j), F(0.5)))
case("complex(F, F)", lambda: complex(F(1.5), F(-2.5)))
case("complex(I, I)", lambda: complex(I(3), I(4)))
case("complex(F, C)", lambda: complex(F(1.0), C(2j)))
case("complex(big, F)", lambda: complex(big, F(1.0)))
case("complex(imag=F)", lambda: complex(imag=F(7.0)))
case("complex(real=I, imag=C)", lambda: complex(real=I(1), imag=C(1 + 1j)))
case("complex(BadC)", lambda: complex(BadC()))
case("complex(I(10**400))", lambda: complex(I(10 ** 400)))
case("1j + R", lambda: 1j + R())
case("1j * R", lambda: 1j * R())
case("1j == R", lambda: 1j == R())
case("1j ** R", lambda: 1j ** R())
case("cmath.sqrt(C)", lambda: cmath.sqrt(C(-4 + 0j)))
case("cmath.log(C, F)", lambda: cmath.log(C(8 + 0j), F(2.0)))
case("cmath.rect(F, I)", lambda: cmath.rect(F(2.0), I(0)))
case("cmath.isclose(C, F)", lambda: cmath.isclose(C(1 + 0j), F(1.0)))
case("cmath.isclose(a=C, b=C, abs_tol=F)",
     lambda: cmath.isclose(a=C(1j), b=C(1.1j), abs_tol=F(0.5)))
case("format(C)", lambda: format(complex(C(1.25 + 2j)), ".1f"))
zs = [complex(F(k / 2), I(k)) for k in range(5)]
print(zs, sum(zs), [abs(z) for z in zs])
