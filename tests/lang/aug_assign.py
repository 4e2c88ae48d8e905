# Augmented assignment on names, attributes, subscripts and slices; targets evaluated once.
x = 5
x += 2; x -= 1; x *= 3; x /= 4; print(x)
x = 17
x //= 5; print(x); x **= 3; print(x); x %= 10; print(x)
s = "ab"
s += "cd"; s *= 2; print(s)
t = (1,)
t += (2, 3); print(t)
l = [1]
alias = l
l += [2]     # in place: alias sees it
l *= 2
print(l, alias, l is alias)
t2 = t
t2 += (4,)   # rebinding: t unchanged
print(t, t2)
class C:
    def __init__(self):
        self.n = 0
        self.items = []
c = C()
c.n += 10
c.items += ["x"]
c.n *= 2
print(c.n, c.items)
d = {"a": 1, "l": [1]}
d["a"] += 5
d["l"] += [2]
d.setdefault("b", 0)
d["b"] -= 1
print(d)
m = [[1, 2], [3, 4]]
m[1][0] *= 10
m[0] += [9]
print(m)
calls = []
def key(k):
    calls.append(k)
    return k
d[key("a")] += 1
print(d["a"], calls)
bits = 0b1010
bits |= 0b0101; bits &= 0b1100; bits ^= 0b0001; bits <<= 2; bits >>= 1
print(bin(bits))
f = 1.5
f += 1; f *= 2; f -= 0.5; f //= 2; print(f)
big = 1
for _ in range(10):
    big *= 10 ** 10
print(big)
class Vec:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Vec(self.v + o.v)
    def __repr__(self):
        return f"Vec({self.v})"
a = Vec(1)
b = a
a += Vec(2)
print(a, b, a is b)
