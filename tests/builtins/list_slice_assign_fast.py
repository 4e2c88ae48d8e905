# Slice assignment: same-size stores in place, a list assigned into itself, non-list sources.
a = list(range(6)); a[::-1] = a; print(a)
a = list(range(6)); a[:] = a; print(a)
a = list(range(6)); a[1:3] = a; print(a)
a = list(range(6)); a[::2] = a[1::2]; print(a)
a = list(range(6)); b = [9, 8]; a[2:4] = b; b.append(1); print(a, b)
a = list(range(6)); a[:4] = a[3::-1]; print(a)
a = list(range(6)); a[1:5] = (7, 7, 7, 7); print(a)
a = list(range(6)); a[1:5] = "ab"; print(a)
try:
    a[::2] = [1]
except ValueError as e: print(e)
class L(list):
    def __iter__(self): return iter([5, 5])
a = list(range(4)); a[0:2] = L([1, 2]); print(a)
