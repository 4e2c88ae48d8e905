# range objects and slicing with steps / negative indices, slice assignment and deletion.
r = range(10)
print(r, list(r), len(r), r[3], r[-1], list(r[2:8:2]), r[::-1], 5 in r, 10 in r)
print(list(range(5, 0, -1)), list(range(0, 10, 3)), list(range(-5)), list(range(2, -3, -2)), len(range(0, 100, 7)))
print(range(3) == range(0, 3), range(0, 10, 2).index(4), range(1, 10).count(5), bool(range(0)))
big = range(0, 10 ** 12, 7)
print(len(big), big[-1], 10 ** 12 - 3 in big)
a = list(range(10))
print(a[::2], a[1::2], a[::-1], a[-3:], a[:-3], a[-3:-1], a[7:2:-2], a[::-3], a[5:5], a[8:2])
print("abcdefgh"[1:7:2], "abcdefgh"[::-2], (0, 1, 2, 3)[::-1], "abc"[-10:10])
b = list(range(10))
b[2:5] = ["x", "y"]
print(b)
b[1:1] = [100, 101, 102]
print(b)
b[::2] = range(len(b[::2]))
print(b)
b[-2:] = []
print(b)
del b[1:3]
print(b)
del b[::2]
print(b)
c = list(range(10))
del c[::-3]
print(c)
c[:] = "abc"
print(c)
try:
    c[::2] = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
s = slice(1, 8, 3)
print(list(range(10))[s], s.start, s.stop, s.step, slice(2).stop)
print(s.indices(5), slice(None, None, -1).indices(4))
x = [0, 1, 2, 3, 4]
x[len(x):] = [5, 6]
x[:0] = [-1]
print(x)
