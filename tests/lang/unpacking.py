# Assignment with unpacking (starred, nested), swaps and chained assignment.
a, b = 1, 2
a, b = b, a
print(a, b)
x, *rest = [1, 2, 3, 4]
print(x, rest)
*init, last = "hello"
print(init, last)
first, *mid, end = range(6)
print(first, mid, end)
p, *q = [1]
print(p, q)
(m, n), o = (1, 2), 3
print(m, n, o)
[h, (i, *j)], k = [[1, (2, 3, 4)], 5]
print(h, i, j, k)
u = v = w = []
u.append(1)
print(u, v, w, u is w)
for idx, (ch, num) in enumerate(zip("ab", [10, 20])):
    print(idx, ch, num)
d = {"x": 1, "y": 2}
(k1, v1), (k2, v2) = d.items()
print(k1, v1, k2, v2)
a1, b1, c1 = "xyz"
print(a1, b1, c1)
print(*[1, 2], *"ab", sep="|")
print([*range(3), *(4, 5)], {*[1, 1], 2} == {1, 2}, {**{"a": 1}, "b": 2})
def f(*args):
    return args
print(f(*[1, 2], 3, *()))
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 9
print(i, lst)
obj = type("O", (), {})()
obj.a, obj.b = 3, 4
print(obj.a, obj.b)
