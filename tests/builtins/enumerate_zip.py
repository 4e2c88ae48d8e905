# enumerate and zip.
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate([], 5)), list(enumerate("ab", start=-1)))
for i, (a, b) in enumerate(zip("xy", [1, 2])):
    print(i, a, b)
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip(range(3), range(3), range(3))))
print(dict(zip("abc", range(3))), list(zip(*zip([1, 2], [3, 4]))))
e = enumerate(["p", "q"])
print(next(e), next(e), next(e, "done"))
z = zip(iter([1, 2]), iter("ab"))
print(type(z).__name__, list(z), list(z))
def gen():
    yield from range(3)
print(list(enumerate(gen())), list(zip(gen(), gen())))
