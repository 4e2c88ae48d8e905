# min and max (key, default, several args), sum (start).
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min("b", "a"), max([1.5, 2, -3]))
print(min(["aaa", "b", "cc"], key=len), max(["aaa", "b", "cc"], key=len), max([], default="empty"), min((), default=None))
print(max([1, 3, 3], key=lambda x: -x), max([(1, "b"), (1, "a")]), min({"x": 9, "y": 1}), max(range(5)))
print(max(["ab", "AB", "b"], key=str.lower), min([3, 1], default=0), max(1, 2, key=lambda x: -x))
print(max([2, 1, 2, 1], key=lambda v: v), [max(a, b) for a, b in [(1, 2), (5, 3)]])
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
print(sum([1, 2, 3]), sum([]), sum(range(101)), sum([1.5, 2.5]), sum([1, 2], 10), sum([[1], [2]], []), sum((x for x in range(4)), 0.5))
print(sum([True, True, False]), sum([10 ** 20, 10 ** 20]), sum([0.1, 0.2, 0.3]))
try:
    sum(["a", "b"])
except TypeError as e:
    print("TypeError:", e)
