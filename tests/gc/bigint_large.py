# Big ints of the large-object size (over 128 KiB of inline limbs) made, kept and dropped across
# collections: the large-object space holds them, unmoved; arithmetic reads them in place.
import gc
x = (1 << 140_000_0) + 12345
keep = []
for i in range(6):
    y = x * (i + 3) - i
    keep.append(y)
    z = (y >> 1_390_000) % 1000000007
    gc.collect()
    print(i, z, y.bit_length(), y % 999983, (y // x), hash(y) == hash(y - 1 + 1))
print(sum(k % 97 for k in keep), keep[0] == x * 3, keep[-1] - keep[0] == x * 5 - 5)
v = x >> 1_370_000  # 30000 bits: a product past the schoolbook size (num-bigint), long divisions
w = x * v
print(w.bit_length(), w % 1000003, (w // x) == v, -w // v == -x, (-w - 1) // v == -x - 1)
