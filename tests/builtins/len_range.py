# len and range.
class Sized:
    def __len__(self):
        return 7
print(len([1, 2]), len(()), len("abc"), len({1: 2}), len({1, 2, 3}), len(b"xy"), len(range(10)), len(Sized()))
print(len(bytearray(4)), len(frozenset()), len("日本"), len([[]]))
print(list(range(4)), list(range(2, 6)), list(range(10, 0, -3)), list(range(0)), list(range(5, 2)))
print(range(3), range(1, 5), range(1, 9, 2), range(9)[2:5], range(0, -5, -1)[1])
for bad in ([1], 1.5, None):
    try:
        len(bad) if not isinstance(bad, list) else range(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
r = range(100)
print(sum(r), r.start, r.stop, r.step, r.index(50), max(r), min(r), list(reversed(range(3))))
