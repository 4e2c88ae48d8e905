# Machine-word ints overflowing into arbitrary precision, and back.
big = 2 ** 64
print(big, big - 1, -big, big * big)
print(2 ** 63 - 1, 2 ** 63, -(2 ** 63), -(2 ** 63) - 1)
m = 9223372036854775807
print(m + 1, m * 2, m * m, -m - 2, m + 1 - 1 == m)
print((m + 1) // 2 == 2 ** 62, (m + 1) % 1000, -(m + 1) % 1000, -(m + 1) // 1000)
f = 1
for i in range(1, 31):
    f *= i
print("30! =", f)
print(f // 2 ** 20, f % 1000003, divmod(f, 10 ** 12))
print(2 ** 200, len(str(2 ** 1000)), str(3 ** 100)[:10])
print(10 ** 30 // 7, 10 ** 30 % 7, -(10 ** 30) // 7, -(10 ** 30) % 7)
print((2 ** 100) >> 90, 1 << 100, (1 << 100) | 1, (2 ** 100 - 1) & 0xFFFF, (2 ** 70) ^ (2 ** 69))
print(-(2 ** 100) >> 3, ~(2 ** 80))
print(2 ** 64 == 18446744073709551616, 2 ** 64 > 2 ** 63, -(2 ** 64) < 0, 2 ** 64 == 2.0 ** 64)
print(hex(2 ** 70), bin(2 ** 65), oct(2 ** 64))
print(int("123456789012345678901234567890") + 1)
print(int("-ffffffffffffffffffff", 16), int("1" * 70, 2))
a = 12345678901234567890
b = 98765432109876543210
print(a + b, b - a, a - b, a * b, b // a, b % a)
print(pow(3, 200, 10 ** 9 + 7), pow(2, 100))
print(abs(-(10 ** 25)), -(10 ** 25) // -(10 ** 5))
print(float(2 ** 80), int(1e20), int(-1.5e19))
print(hash(2 ** 100) == hash(2 ** 100), 2 ** 100 in {2 ** 100: 1})
fib = [0, 1]
for i in range(150):
    fib.append(fib[-1] + fib[-2])
print(fib[100], fib[150])
print(sum(range(10 ** 6, 10 ** 6 + 1000)) * 10 ** 20)
