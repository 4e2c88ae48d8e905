# Integer literals and arithmetic, including floor division and modulo with negatives.
print(0, 7, -7, 1_000_000, 0x1F, 0o17, 0b1011, 0XFF, 0B1)
print(7 + 3, 7 - 3, 7 * 3, 7 / 2, 7 // 2, 7 % 3, 2 ** 10)
for a in (7, -7):
    for b in (3, -3):
        print(a, b, a // b, a % b, divmod(a, b))
print(-1 // 2, 1 // -2, -1 % 2, 1 % -2, 0 // 5, 0 % -5)
print(-(3), +3, -(-3), ~5, ~-1)
print(6 & 3, 6 | 3, 6 ^ 3, 1 << 10, 1024 >> 3, -16 >> 2, -1 >> 100)
print(2 ** 0, 2 ** -1, (-2) ** 3, (-2) ** 2, 0 ** 0)
print(10 / 4, 9 / 3, -9 / 4, type(9 / 3).__name__)
x = 17
x += 3
x -= 1
x *= 2
x //= 3
x %= 7
x **= 3
x <<= 2
x >>= 1
x |= 1
x &= 0xFF
x ^= 0x0F
print(x)
print(int("42") + 1, int("-17"), int("  8  "))
print(1 < 2, 2 < 1, 3 == 3, 3 != 3, 3 >= 3, 3 <= 2)
print(abs(-5), -5 // 1, 5 // 1)
print(int(True) + True, True + True, True * 10, False - 1)
print(7 // 2 * 2 + 7 % 2 == 7, -7 // 2 * 2 + -7 % 2 == -7)
print(3 * -1, -3 * -1, (1 + 2) * (3 - 4) // 2)
