import bisect
from bisect import bisect_left, bisect_right, insort, insort_left, insort_right


def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)


a = [1, 2, 2, 2, 3, 5]
print(bisect_left(a, 2), bisect_right(a, 2), bisect.bisect(a, 2), bisect_left(a, 0), bisect_right(a, 9))
print(bisect_left(a, 2, 2), bisect_right(a, 2, 0, 3), bisect_left(a, 4, 1, 5))
l = []
for x in [5, 1, 4, 1, 3]:
    insort(l, x)
print(l)
insort_left(l, 3); insort_right(l, 3.0); print(l)
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect_left(recs, 3, key=lambda r: r[1]), bisect_right(recs, 3, key=lambda r: r[1]))
insort(recs, ("d", 4), key=lambda r: r[1]); print(recs)
insort_left(recs, ("e", 3), key=lambda r: r[1]); print(recs)
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
err(lambda: bisect_left(a, 1, -1))
err(lambda: bisect_left([1, "a"], 2))
err(lambda: bisect_left(None, 2))
