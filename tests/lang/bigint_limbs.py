# Big-int arithmetic at the limb boundaries of the inline 64-bit-limb kernels: values around 2**62
# (the small-int range), 2**63, 2**64, 2**128, with every sign mix, through add/sub/mul, floor
# division and modulo (Knuth division, the single-limb path, the add-back case), shifts (negative
# floor rounding, counts at and past the limb size), bitwise ops, comparisons and hashes.
import sys

edges = []
for e in (0, 1, 61, 62, 63, 64, 65, 127, 128, 129, 191, 192, 256):
    for d in (-1, 0, 1):
        v = 2 ** e + d
        edges.append(v)
        edges.append(-v)
edges.append(2 ** 64 - 2 ** 32)
edges.append(-(2 ** 128 - 2 ** 64))
edges.append(0x8000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0001)
edges = sorted(set(edges))

def digest(vals):
    # a short fingerprint of many results: keeps the .out small but exact
    h = 0
    for v in vals:
        h = (h * 1000003 + hash(v)) % (2 ** 61 - 1)
        h ^= v.bit_length() if isinstance(v, int) else 0
    return h

ops = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "and": lambda a, b: a & b,
    "or": lambda a, b: a | b,
    "xor": lambda a, b: a ^ b,
}
for name, f in ops.items():
    print(name, digest(f(a, b) for a in edges for b in edges))

fd, md = [], []
for a in edges:
    for b in edges:
        if b == 0:
            continue
        q, r = a // b, a % b
        assert q * b + r == a, (a, b)
        assert (r == 0) or ((r < 0) == (b < 0)), (a, b)
        assert abs(r) < abs(b)
        assert divmod(a, b) == (q, r)
        fd.append(q)
        md.append(r)
print("floordiv", digest(fd))
print("mod", digest(md))

sh = []
for a in edges:
    for s in (0, 1, 2, 31, 62, 63, 64, 65, 127, 128, 129, 200, 300, 1000):
        r = a >> s
        l = a << s
        assert l >> s == a
        assert r == a // 2 ** s, (a, s)
        sh.append(r)
        sh.append(l)
print("shifts", digest(sh))
print((-(2 ** 64)) >> 64, (-(2 ** 64) - 1) >> 64, (-(2 ** 64) + 1) >> 64, (-1) >> 1000)
print(-(2 ** 128) >> 2 ** 70, (2 ** 128) >> 2 ** 70, 0 << 2 ** 70, (-5) >> (2 ** 64 + 3))

cmps = []
for a in edges:
    for b in edges:
        cmps.append((a < b) * 4 + (a == b) * 2 + (a > b))
print("cmp", digest(cmps))
print("hash", [hash(v) for v in edges if abs(v) > 2 ** 62][:12])
print(hash(2 ** 64), hash(-(2 ** 64)), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61) + 1))
print(hash(2 ** 128 - 1), hash(-(2 ** 128)), hash(2 ** 122 * 3 + 7))

# the small-int boundary: results that shrink back into the immediate range
big = 2 ** 62
print(big - 1, (big - 1) + 1, -big, -big - 1, (-big - 1) + 1, big * 2 // 2, (big + 5) % big)
print(type(2 ** 62 - 2 ** 62), 2 ** 64 - 2 ** 64, 2 ** 64 // 2 ** 64, (2 ** 64 + 3) % 2 ** 64)
print(2 ** 63 - 1 == 9223372036854775807, -(2 ** 63) == -9223372036854775808)
x = 9223372036854775807
print(x + 1, x * x, -x - 2, (x + 1) // -1, -(x + 1) // -1, (-(x + 1)) % 7)

# single-limb divisors and the division add-back case
a = 0x7FFF_FFFF_FFFF_FFFF_8000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000
b = 0x8000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0001
print(a // b, a % b, -a // b, -a % b, a // -b, a % -b)
print(10 ** 40 // 7, 10 ** 40 % 7, -(10 ** 40) // 7, -(10 ** 40) % 7, (10 ** 40) % -7)
print(10 ** 40 // (2 ** 64 - 1), 10 ** 40 % (2 ** 64 - 1), (3 ** 200) // (3 ** 100), (3 ** 200) % (3 ** 100))

# products across the schoolbook/Karatsuba threshold (32 limbs)
for bits in (31 * 64, 32 * 64, 33 * 64, 40 * 64):
    p = (2 ** bits - 1) * (2 ** bits + 1)
    q = (3 ** (bits // 2)) * -(7 ** (bits // 3))
    print(bits, p == 2 ** (2 * bits) - 1, q % 1000000007, (q // (3 ** (bits // 2))) == -(7 ** (bits // 3)))

# bitwise with negatives, bool operands, errors
print(-(2 ** 70) & (2 ** 80 - 1), (2 ** 70) | -1, -(2 ** 64) ^ 2 ** 64, True + 2 ** 64, 2 ** 64 * False)
for f in (lambda: 2 ** 70 // 0, lambda: 2 ** 70 % 0, lambda: 2 ** 70 >> -1, lambda: 2 ** 70 << -1,
          lambda: divmod(-(2 ** 70), 0)):
    try:
        f()
    except (ZeroDivisionError, ValueError) as e:
        print(type(e).__name__, e)

# pow with modulus and negative exponents, bit_length, bytes, str around the limbs
print(pow(3, 2 ** 64 + 1, 2 ** 127 - 1), pow(2 ** 65, -1, 2 ** 61 - 1), pow(-(2 ** 64), 3), 2 ** -2)
print((2 ** 64).bit_length(), (-(2 ** 64)).bit_length(), (2 ** 64 - 1).bit_length())
print((2 ** 64).to_bytes(9, "big"), int.from_bytes(b"\xff" * 9, "little", signed=True))
print(str(-(2 ** 128 + 1)), int("-" + "9" * 40) + 1, int(str(2 ** 200)) == 2 ** 200)
print(sum(range(2 ** 64, 2 ** 64 + 10)), max(2 ** 64, 2 ** 64 - 1), sorted([2 ** 64, -(2 ** 64), 0, 2 ** 63]))
print(float(2 ** 64 + 1), 2 ** 64 + 0.5, 2 ** 64 < 2.0 ** 64 + 1, (2 ** 64) / 3)
print({2 ** 64: 1}[2 ** 64], 2 ** 64 in {2 ** 64}, (2 ** 64 + 1) - 1 == 2 ** 64)
