# An old set receives young members (tuples, strings, frozensets, instances with __hash__).
import gc

class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __hash__(self):
        return hash((self.x, self.y))
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)

s = {"seed"}
gc.collect()
for i in range(300):
    s.add((i, str(i)))
    s.add(P(i, -i))
    s.add(frozenset([i, i + 1]))
gc.collect(0)
print(len(s), (5, "5") in s, P(5, -5) in s, frozenset([6, 5]) in s, P(5, 5) in s)
s.update(f"str{i}" for i in range(100))
s |= {("or", i) for i in range(10)}
gc.collect()
print(len(s), "str99" in s, ("or", 9) in s)
for i in range(0, 300, 3):
    s.discard((i, str(i)))
    s.remove(P(i, -i))
gc.collect(0)
print(len(s), (3, "3") in s, (4, "4") in s, P(3, -3) in s, P(4, -4) in s)
fs = frozenset(P(i, i) for i in range(50))
gc.collect()
print(len(fs), P(49, 49) in fs, sorted(p.x for p in fs)[-3:])
members = set()
gc.collect()
for i in range(100):
    members.add(str(i) * 2)
    if i % 25 == 0:
        gc.collect(0)
print(sorted(members)[:5], len(members))
