# tuples.
t = (1, 2, 3)
print(t, len(t), t[0], t[-1], t[1:], t[::-1], (), (1,), tuple([4, 5]), tuple())
print(t + (4,), t * 2, 2 in t, t.index(3), (1, 1, 2).count(1))
print((1, 2) < (1, 3), (1, 2) == (1, 2), (1, 2) < (1, 2, 0), (2,) > (1, 9))
a, b, c = t
print(a, b, c)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pair"}[(1, 2)])
x = 1, 2
print(x, type(x).__name__)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
l = [1, 2]
t2 = (l, 3)
l.append(3)
print(t2)
print(sorted([(2, "b"), (1, "z"), (2, "a")]), max([(1, 2), (1, 3)]))
print(tuple(x * 2 for x in range(3)), repr((1,)), repr(("a", 1.5, None)))
