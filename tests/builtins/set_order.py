# Set iteration order equals CPython's: the set table (open addressing, linear probes then the
# perturbed jump, dummies on removal, CPython's resize policy) and the hashes (int, float, tuple,
# frozenset). No str elements: str hashes depend on PYTHONHASHSEED.
print({3, 1, 2.5, -1, 10**20})
print({1, 2, 3, 9, 17, 33, 65}, {2, 9, 65, 100, 200, 8, 16, 32, 64})
s = set()
for i in range(0, 200, 7):
    s.add(i * 13 % 101)
print(s)
for i in range(0, 50, 3):
    s.discard(i)
print(s)
s.add(1000); s.add(33)
print(s, set(s), s.copy(), frozenset(s))
print({x * x % 97 for x in range(60)})
print({i * 64 for i in range(12)}, {-i for i in range(12)})
a = {1, 2, 3, 9, 17, 33, 65}
b = {2, 9, 65, 100, 200, 8, 16, 32, 64}
print(a | b, a & b, a - b, b - a, a ^ b, b ^ a)
print(frozenset(a) | b, frozenset([5, 13, 21, 29]), b | frozenset(a))
print(a.union([77, 1, 3], (5, 69)), a.intersection([2, 9, 65, 1000], b), a.difference([1], [2, 3]))
print(a.symmetric_difference([65, 1, 77]), a.difference(range(1000)), set(range(40)) - {3})
print(hash((1, 2)), hash(()), hash((1, (2, 3))), hash((-1, 2.5, 10**30)))
print(hash(frozenset({1, 2, 3})), hash(frozenset()), hash(frozenset({(1, 2), frozenset({4})})))
print({(1, 2), (3, 4), (5, 6), (7, 8), (-1, -2)}, {(i, -i) for i in range(10)})
print({frozenset({1}), frozenset({2, 3}), frozenset()})
c = set(range(100))
c -= set(range(90))
print(c)
c.update([1000, 2000, 64, 128, 8])
print(c)
d = set(range(20))
print(d.pop(), d.pop(), d.pop())
d.add(0)
print(d.pop(), d)
e = {1, 2, 3}
f = e
e |= {8, 16}
e &= {1, 8, 16, 99}
e ^= {99, 5}
e -= {5}
print(f, e is f)
g = set(range(10))
g.intersection_update(range(5, 30, 2))
print(g)
g.symmetric_difference_update([1, 7, 64, 128])
g.difference_update([9], (64,))
print(g)
print(set({1: 2, 9: 3, 17: 4, 33: 5, 8: 5, 16: 6}), set(range(-5, 5)))
print({-1, -2, 2**61, 2**61 - 1, 2**64})
print({1.5, 2.5, 0.1, 1e300, float('inf'), -0.0}, {1, 1.0, True}, {0.5 * i for i in range(10)})
h = set()
for i in range(1000):
    h.add(i * 7919 % 10007)
    if i % 3 == 0:
        h.discard((i // 2) * 7919 % 10007)
print(len(h), list(h)[:20], list(h)[-5:])
big = set(range(0, 100000, 3))
big -= set(range(0, 100000, 6))
print(len(big), list(big)[:10])
fs = frozenset([8, 16, 24, 32, 40])
print(fs, {fs, frozenset([1])} == {frozenset([1]), fs}, fs | {1}, fs & {8, 40, 3})
print(sorted({x for x in range(30)} & {2 * x for x in range(30)}) == sorted(set(range(0, 30, 2))))
t = {3, 7, 1}
t.clear()
t.update([64, 0, 128])
print(t, t.pop(), t)
# small sets merged into a never-used set copy the table as is
s1 = set()
for x in (0, 255, 3, -5):
    s1.add(x)
f = frozenset(tuple(s1))
s = set()
s.update(f)
print(s1, f, s, {0, 255, 3, -5}, {3, 2, 2, 10}, set(frozenset((0, 255, 3, -5))))
print(str({0, 255, 3, -5}), '{0}'.format({3, 2, 2, 10}), 3 in {1, 2, 3}, 4 not in {1, 2, 3})
# a set is looked up as the equal frozenset
print({10, -1, 3} in set(), {3, 256} not in set(), {1, 2} in {frozenset({1, 2}), 5})
