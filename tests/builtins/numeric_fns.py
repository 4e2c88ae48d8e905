# abs, divmod, pow (with mod), round (banker's rounding, ndigits).
print(abs(-3), abs(3), abs(-2.5), abs(0), abs(-(10 ** 30)), abs(True), abs(-0.0))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5), divmod(7.5, 2), divmod(10 ** 20, 7))
print(pow(2, 10), pow(2, -2), pow(2.0, 3), pow(-8, 1 / 3) != 2, pow(3, 4, 5), pow(2, 100, 1000), pow(7, -1, 13))
print(2 ** 3 ** 2, (-2) ** 2, -2 ** 2, pow(0, 0), pow(10, 20, 7))
print(round(0.5), round(1.5), round(2.5), round(3.5), round(-0.5), round(-1.5), round(-2.5))
print(round(2.675, 2), round(1.25, 1), round(1.35, 1), round(123.456, -1), round(12345, -2), round(15, -1), round(25, -1))
print(round(3.14159), round(3.14159, 0), round(3.14159, 3), round(7), round(-7.7), type(round(2.5)).__name__, type(round(2.5, 1)).__name__)
print(round(1e20), round(0.1 + 0.2, 10), round(-0.05, 1))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
