# An uncaught IndexError from a list index in a nested helper.
def last_but(xs, n):
    return xs[len(xs) - 1 - n]

print(last_but([1, 2, 3], 0))
print(last_but([1, 2, 3], 2))
print(last_but([1, 2, 3], -1))
