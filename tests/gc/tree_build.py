# stress: 20
# Allocation-heavy tree building: binary trees built, checked, dropped, rebuilt across collections.
import gc

class Tree:
    def __init__(self, left, right, value):
        self.left = left
        self.right = right
        self.value = value

def build(depth, value=0):
    if depth == 0:
        return Tree(None, None, value)
    return Tree(build(depth - 1, 2 * value), build(depth - 1, 2 * value + 1), value)

def check(t):
    if t.left is None:
        return 1
    return 1 + check(t.left) + check(t.right)

def total(t):
    if t is None:
        return 0
    return t.value + total(t.left) + total(t.right)

long_lived = build(12)
gc.collect()
for d in range(4, 11, 2):
    iterations = 2 ** (11 - d)
    c = 0
    for i in range(iterations):
        c += check(build(d))
    print(d, iterations, c)
gc.collect(0)
print(check(long_lived), total(long_lived))
# Replace old subtrees with young ones.
node = long_lived
while node.left is not None:
    node.right = build(3, 1000)
    node = node.left
gc.collect(0)
print(check(long_lived), total(long_lived))
gc.collect()
nested = []
for i in range(2000):
    nested = [nested, i] if i % 2 else (nested, str(i))
gc.collect()
depth = 0
x = nested
while x:
    x = x[0]
    depth += 1
print(depth)
