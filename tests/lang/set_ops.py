# set and frozenset (printed via sorted()).
s = {3, 1, 2, 3, 1}
print(sorted(s), len(s), 1 in s, 5 in s)
s.add(10)
s.add(1)
s.discard(2)
s.discard(99)
s.remove(3)
print(sorted(s))
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({7}))
c = set()
print(c, len(c), bool(c), set([1, 1, 2]) == {1, 2}, set("aab") == {"a", "b"})
c.update([5, 6], (7,))
c |= {8}
c &= {5, 6, 8, 9}
c -= {6}
print(sorted(c))
p = c.pop()
print(p in (5, 8), len(c))
f = frozenset([1, 2, 3])
print(sorted(f), f == {1, 2, 3}, type(f).__name__, 2 in f, sorted(f | {4}), type(f | {4}).__name__)
print({f: "frozen key"}[frozenset([3, 2, 1])], hash(f) == hash(frozenset({1, 2, 3})))
print(sorted({x % 3 for x in range(10)}), sorted(set(range(5)) - {0}))
nested = {frozenset({1}), frozenset({1}), frozenset({2})}
print(len(nested))
words = set("the quick brown the lazy quick".split())
print(sorted(words), len(words))
print(repr(set()), repr({1}), repr(frozenset()), repr(frozenset({"x"})))
s2 = {1, 2, 3}
s2.clear()
print(s2, s2 == set())
