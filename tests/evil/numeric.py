# __int__ / __float__ / __index__ hooks reached from int(), float(), math, round and % formatting.
import math
from _evil import churn, case


class F:
    def __init__(self, x):
        self.x = x

    def __float__(self):
        churn()
        return self.x


class N:
    def __init__(self, n):
        self.n = n

    def __int__(self):
        churn()
        return self.n

    def __index__(self):
        churn()
        return self.n


class Bad:
    def __float__(self):
        churn()
        return "nope"


case("float(F)", lambda: float(F(2.5)))
case("int(N)", lambda: int(N(42)))
case("int(N) big", lambda: int(N(10 ** 30)))
case("math.sqrt(F)", lambda: math.sqrt(F(16.0)))
case("math.floor(F)", lambda: math.floor(F(2.7)))
case("math.ceil(F)", lambda: math.ceil(F(2.1)))
case("math.pow(F, F)", lambda: math.pow(F(2.0), F(10.0)))
case("math.exp(F)", lambda: math.exp(F(0.0)))
case("math.log(F, F)", lambda: math.log(F(8.0), F(2.0)))
case("math.isclose(F, F)", lambda: math.isclose(F(1.0), F(1.0 + 1e-12)))
case("math.fabs(F)", lambda: math.fabs(F(-3.5)))
case("math.atan2(F, F)", lambda: round(math.atan2(F(1.0), F(1.0)), 6))
case("math.hypot(F, F)", lambda: math.hypot(F(3.0), F(4.0)))
case("math.gcd(N, N)", lambda: math.gcd(N(12), N(18)))
case("math.factorial(N)", lambda: math.factorial(N(10)))
case("math.sqrt(Bad)", lambda: math.sqrt(Bad()))
case("float(Bad)", lambda: float(Bad()))
case("'%d' % N", lambda: "%d" % N(7))
case("'%x' % N", lambda: "%x" % N(255))
case("'%f' % F", lambda: "%f" % F(1.5))
case("'%.2f|%d' % (F, N)", lambda: "%.2f|%d" % (F(3.14159), N(12)))
case("'%e' % F", lambda: "%e" % F(12345.678))
case("'%5.1f%%' % F", lambda: "%5.1f%%" % F(99.44))
case("complex-free divmod", lambda: divmod(int(N(17)), int(N(5))))
case("float(x) + F fails", lambda: 1.0 + F(2.0))
case("max of floats of F", lambda: max(float(F(1.0)), float(F(3.0)), float(F(2.0))))
