# any and all (short-circuiting over iterators).
print(any([]), all([]), any([0, 0, 1]), all([1, 2, 0]), any("a"), all(""), any([None, ""]), all([[1], (2,)]))
print(any(x > 5 for x in range(10)), all(x < 10 for x in range(10)), any(map(bool, [0, 0])))
seen = []
def check(x):
    seen.append(x)
    return x > 2
print(any(check(x) for x in range(10)), seen)
seen.clear()
print(all(check(x) for x in [5, 6, 1, 7]), seen)
print(all({1: 0}), any({0: 1}), all(range(1, 5)), any(range(1)))
