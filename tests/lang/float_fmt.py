# float arithmetic, repr and str, special values.
print(0.1 + 0.2, 1.0, -0.0, 1e16, 1e-5, 1.5e300, 123456789.125, 1 / 3, 2 / 3)
print(repr(0.1), str(2.5), 1e22, 1e15, 12345678901234567.0, 0.0001, 0.00001)
print(3.0 * 2, 7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, 2 ** 0.5, 10 ** -2)
print(float("3.25"), float("-1e3"), float("inf"), float("-inf"), float(" 2 "))
nan = float("nan")
print(nan, nan == nan, nan != nan, float("inf") > 1e308, -float("inf"))
print(int(3.9), int(-3.9), round(2.675, 2), round(3.14159, 3), round(-0.5), round(1.5))
print(1.0 == 1, 1.5 > 1, 0.5 + 1, type(1 + 1.0).__name__, 3 / 1)
print(float(10 ** 20), 1e100, 5e-324, 1.7976931348623157e308)
print(divmod(7.5, 2), divmod(-7.5, 2))
print((0.5).is_integer(), (2.0).is_integer(), abs(-2.5), -(-2.5))
print(str(1e-7), str(100.0), str(1234.5678), 1.0e0, 3.14e2)
x = 1.0
for i in range(10):
    x = x * 1.5 - 0.25
print(x)
print(0.1 * 3, 0.3, 0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-9)
print(float(True), float(-7), 7.0 / 2.0, 7.0 // 2.0, -0.0 == 0.0)
print(max(1.5, 2), min(-1, -1.5), sum([0.1] * 10))
