# list.sort/sorted on short lists make the comparisons CPython makes, in its order: user __lt__
# logs, the error a mixed list raises and the partially sorted state it leaves match.
class V:
    log = []
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        V.log.append((self.v, o.v))
        return self.v < o.v
    def __repr__(self): return "V(%r)" % self.v
for data in ([3, 1, 2], [5, 4, 3, 9, 1], [1, 2, 3, 0], [2, 2, 1, 1, 3], list(range(10, 0, -1)), [4, 8, 1, 8, 3, 3, 9, 0, 2]):
    for rev in (False, True):
        V.log = []
        r = sorted([V(x) for x in data], reverse=rev)
        print(r, len(V.log), V.log[:12])
for bad in ([3, 'a', (1,)], [1, 'a', 2.0, None], ['b', 1, (2,), 'a'], [2, 1, 'x', 0], [None, 1]):
    l = list(bad)
    try:
        l.sort()
    except TypeError as e:
        print(e, l)
    l = list(bad)
    try:
        l.sort(reverse=True)
    except TypeError as e:
        print("rev", e, l)
l = [3, 1, 2, 'x', 0]
try:
    l.sort(key=lambda x: x)
except TypeError as e:
    print(e, l)
