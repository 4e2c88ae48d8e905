# int (with base), float and bool constructors.
print(int(), int(5), int(-5.9), int(5.9), int("42"), int(" -7 "), int("+3"), int("1_000"), int(True), int(2 ** 70 + 0.0) == 2 ** 70)
print(int("ff", 16), int("FF", 16), int("777", 8), int("1010", 2), int("z", 36), int("0x10", 16), int("10", 0), int("0o17", 0))
for bad in ("", "abc", "1.5", "0x", "12", None):
    try:
        print(int(bad, 2) if bad == "12" else int(bad))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(float(), float(3), float("1.5"), float("-2.25e2"), float(" 7 "), float("inf"), float("-Infinity"), float(True))
try:
    float("x")
except ValueError as e:
    print("ValueError:", e)
print(bool(), bool(0), bool(3), bool(""), bool("0"), bool([]), bool([None]), bool(0.0), bool(-0.1), bool(None))
class Z:
    def __bool__(self):
        return False
class L:
    def __len__(self):
        return 0
print(bool(Z()), bool(L()), bool(object()))
class I:
    def __int__(self):
        return 11
    def __float__(self):
        return 2.5
    def __index__(self):
        return 3
print(int(I()), float(I()), [0, 1, 2, 3][I()], hex(I()), bin(I()))
print(int(10 ** 25), int("-" + "9" * 30), float(10 ** 25))
