# An uncaught TypeError from adding incompatible types.
def combine(a, b):
    return a + b

print(combine(1, 2))
print(combine("a", "b"))
print(combine("a", 1))
