# map and filter (lazy), with functions, lambdas and builtins.
print(list(map(str, [1, 2, 3])), list(map(lambda x: x * x, range(5))), list(map(pow, [2, 3], [3, 2])))
print(list(map(len, ["a", "bb", ""])), list(map(int, "123")), list(map(lambda a, b: a + b, "ab", "cde")))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(lambda x: x % 2, range(10))))
print(list(filter(str.isupper, "aBcDE")), sum(map(int, ["1", "2", "3"])))
m = map(lambda x: x + 1, [1, 2])
print(type(m).__name__, next(m), list(m), list(m))
f = filter(lambda c: c != "a", "banana")
print(type(f).__name__, "".join(f))
seen = []
def noisy(x):
    seen.append(x)
    return x * 10
lazy = map(noisy, [1, 2, 3])
print(seen)
print(next(lazy), seen)
print(list(map(lambda p: p[0] * p[1], zip([1, 2], [3, 4]))))
