# Integer constant folding and constant-set merging, as CPython's compiler does them: visible
# through `is` on folded constants and through the iteration order of equal constant sets.
# err-tail: 0
print((2**63) is (2**63), (-(10**30)) is (-(10**30)), 10**30 is 10**30)
print((2**70) is (2**70))           # left unfolded: 2 bits * 70 > 128
print((1 << 100) is (1 << 100), (1 << 127) is (1 << 127))
print((3 * 10**20) is (3 * 10**20), (7 // 2) is (7 // 2), (-7 % 3) is (-7 % 3))
print(~5, -~5, 2**3//4%5, (1, 2**10) is (1, 2**10))
print(-(2**64) >> 3, (2**64) >> 70, -5 >> 100, 0 << 1000, 5 & -3, 5 | -8, -6 ^ 3)
f = lambda: 2**64 + 1
print(f() is f())
try:
    print(1 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    print(1 << -1)
except ValueError as e:
    print("ValueError", e)
x = 3 + 4 + 5 - 6
print(x, 12 // 5 * 5 + 12 % 5)

# constant sets: a later equal set iterates in the first one's order
print({3, 1000, 256, 1000, 2})
print('{0}-{1!r:>5}'.format('Hello World', {2, 3, 256, 1000, 3}))
for y in {2048, 1024}:
    print(y, end=' ')
print()
print({1024, 2048, 0})
print(3 in {512, 0, 256, 1}, {1, 256, 0, 512})
print([k for k in {64, 32, 96}], [[j for j in {96, 32, 64}] for i in {1}])
print({-8, 0, 8, 16.0}, {16.0, 8, 0, -8}, {1, 1.0, True, 9}, {True, 9, 1.0})
for v in {8, 16, 0, 24}:
    print(v, end=' ')
print()
print({24, 16, 8, 0})
