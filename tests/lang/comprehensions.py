# list/dict/set comprehensions and generator expressions.
print([x * x for x in range(8)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(3)] for x in range(3)])
print({x: x ** 2 for x in range(5)})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print(sorted({c.lower() for c in "Hello World" if c.isalpha()}))
g = (x * 2 for x in range(5))
print(type(g).__name__, next(g), next(g), list(g), list(g))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]), any(x > 3 for x in [1, 5]))
print(list(zip(*[(1, 2), (3, 4)])), [c for c in "abc"], [s.upper() for s in ["x", "y"]])
x = "outer"
lst = [x for x in range(3)]
print(x, lst)
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)], [n for row in matrix for n in row])
n = 10
print([i for i in range(n) if i * i < n], {i % 3: i for i in range(n)})
print(sorted({(a, b) for a in range(3) for b in range(3) if a + b == 2}))
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
print(dict((str(i), i) for i in range(3)), tuple(i for i in "ab"), "".join(c * 2 for c in "xyz"))
print([y for x in [[1, 2], [], [3]] for y in x], [a for a, b in [(1, 2), (3, 4)]])
print([(i, j) for i in range(3) if i for j in range(i) if j != 1])
gen = (i for i in range(3))
print(3 in (i for i in range(5)), list(gen), list(gen))
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(C.doubled)
