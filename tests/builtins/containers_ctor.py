# list, tuple, dict, set constructors from various iterables.
print(list(), list("ab"), list((1, 2)), list({3: 4}), list(range(3)), list(x for x in "xy"), list({5}))
print(tuple(), tuple([1, 2]), tuple("ab"), tuple(range(2)), tuple({"k": 1}))
print(dict(), dict(a=1), dict([("a", 1), ("b", 2)]), dict({"a": 1}, b=2), dict(zip("ab", [1, 2])), dict([[1, 2]]))
print(sorted(set()), sorted(set("hello")), sorted(set([3, 1, 3])), sorted(set(range(3))), sorted(set({"a": 1})))
print(sorted(frozenset("aab")), list(list([1])), dict(dict(x=1)))
l = [1, 2]
l2 = list(l)
l2.append(3)
print(l, l2, l is not l2)
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    list(5)
except TypeError as e:
    print("TypeError:", e)
