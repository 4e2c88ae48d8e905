# The math module: common functions and constants.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
print(math.sqrt(16), math.sqrt(2), math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.ceil(-2.5))
print(type(math.floor(2.5)).__name__, math.trunc(-3.7), math.fabs(-3), math.pow(2, 10))
print(math.exp(0), math.exp(1), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 10), round(math.tan(math.pi / 4), 10))
print(math.atan2(1, 1), math.degrees(math.pi), math.radians(180), math.hypot(3, 4))
print(math.gcd(12, 18), math.gcd(0, 5), math.factorial(10), math.factorial(30))
print(math.isinf(math.inf), math.isfinite(1.0), math.isclose(0.1 + 0.2, 0.3), math.copysign(3, -0.0))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.comb(10, 3), math.perm(5, 2), math.isqrt(99))
print(math.modf(3.5), math.fmod(7, 3), math.fmod(-7, 3), math.asin(1), math.acos(1), math.atan(0))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
print(math.floor(10 ** 20 + 0.0) == 10 ** 20, math.ceil(1e300) > 0)
