# Operator precedence and associativity, mixed int/float/bool arithmetic, comparisons of mixed types.
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, -2 ** 2, (-2) ** 2, 2 * 3 % 4, 10 - 4 - 3, 100 / 10 / 5)
print(1 + 2 << 3, 1 | 2 ^ 3 & 4, ~1 + 1, not 1 == 2, not (1 and 0), 1 < 2 == True)
print(True + 1.5, 3 * True, 7 // 2.0, 7 % 2.5, 2 ** 0.5 * 2 ** 0.5, 1 == 1.0 == True)
print(1 < 1.5 < 2, 10 ** 20 > 1e19, 2 ** 53 + 1 == float(2 ** 53 + 1), -5 % 3, -5.0 % 3, 5 % -3.0)
print("a" * 3 + "b", [0] * 2 + [1], (1,) * 2, 3 * "x", "x" in "xyz" and "q" not in "xyz")
print(1 or 2 and 0, (1 or 2) and 0, None or False or 0 or "last", 0 and 1 or 2)
print(1 if 0 else 2 if 0 else 3, [1, 2][True], "abc"[-True])
a = b = 3
print(a is b, a == b, a is not None, [] is not [], () == ())
print(0.1 + 0.7, 1 - 0.9, 3 * 0.1, round(3 * 0.1, 2), 1e300 * 1e10, -1e300 * 1e10)
print(divmod(-7, 2), -7 // 2, int(-7 / 2), 7 // -2, -(7 // 2))
print(min(1, 2.5), max(True, 0), abs(-True), sum([1, 2.5, True]))
