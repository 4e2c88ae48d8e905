# iter and next (with default), iterator protocol, iter(callable, sentinel).
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration:
    print("StopIteration")
s = iter("ab")
print(list(s), list(s))
d = iter({"x": 1, "y": 2})
print(next(d), next(d))
print(iter(it) is it, list(iter(range(3))), list(iter((1,))), sorted(iter({3, 1})))
count = [0]
def tick():
    count[0] += 1
    return count[0]
print(list(iter(tick, 5)))
class Counter:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
c = Counter()
print(next(c), list(c), next(c, "spent"))
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
