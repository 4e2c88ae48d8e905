import heapq
from heapq import heappush, heappop, heapify, heapreplace, heappushpop, merge, nlargest, nsmallest


def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)


h = []
for x in [5, 1, 8, 3, 9, 2, 7]:
    heappush(h, x)
print(h[0], [heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapify(data); print(data[0], sorted(data) == [heappop(data) for _ in range(10)])
h = [1, 3, 5]; print(heapreplace(h, 4), h, heappushpop(h, 0), heappushpop(h, 10), h)
print(list(merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(merge()), list(merge([], [1])))
print(list(merge(["a", "bb"], ["ccc", "d"], key=len)))
print(list(merge([9, 5, 1], [8, 4], reverse=True)))
print(list(merge([(1, 'a'), (2, 'a')], [(1, 'b')], key=lambda t: t[0])))
print(nlargest(3, [1, 8, 2, 9, 3]), nsmallest(2, [5, 1, 4, 0]), nlargest(0, [1]), nsmallest(10, [2, 1]))
print(nlargest(2, ["aa", "b", "ccc", "dd"], key=len), nsmallest(2, ["aa", "b", "ccc", "dd"], key=len))
print(nlargest(1, [3, 7, 5]), nsmallest(1, []), nlargest(1, [], key=len))
h = []
for p in [(3, "c"), (1, "a"), (2, "b")]:
    heappush(h, p)
print([heappop(h)[1] for _ in range(3)])
err(lambda: heappop([]))
err(lambda: heapreplace([], 1))
err(lambda: heappush(1, 2))
err(lambda: heapify((1,)))
err(lambda: heappush([1], "a"))
print(heapq.__name__, sorted(n for n in heapq.__all__))
