# An old list receives young objects through every list store, then minor and full collections.
import gc

class Box:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Box({self.v})"

old = [None] * 8
gc.collect()  # `old` is now in the old generation
old[0] = Box(0)                      # item store
old[-1] = [Box(7), "seven"]          # negative index store
old.append(Box("appended"))          # append
old.insert(1, {"inserted": Box(1)})  # insert
old.extend([Box("e1"), (Box("e2"),)])  # extend with fresh list
old.extend(Box(i) for i in range(3))   # extend from a generator
old[3:5] = [Box("s1"), Box("s2"), Box("s3")]  # slice assignment (grows)
old[::4] = [Box(f"step{i}") for i in range(len(old[::4]))]  # extended slice assignment
old += [Box("iadd")]                 # augmented assignment
old *= 1
gc.collect(0)
print(old)
gc.collect()
print(old)
for i in range(50):
    old.append([Box(i), str(i) * 3])
    if i % 10 == 0:
        gc.collect(0)
gc.collect(0)
print(len(old), old[-1], old[-50], sum(x[0].v for x in old[-50:]))
old.sort(key=lambda x: repr(x))
gc.collect(0)
print(old[:3])
old.reverse()
old.pop(0)
old.remove(old[0])
gc.collect()
print(len(old), old[-1])
nested = [[None] * 4 for _ in range(4)]
gc.collect()
for row in nested:
    for j in range(4):
        row[j] = Box((j, [j] * j))
gc.collect(0)
print([[b.v for b in row] for row in nested][1])
gc.collect()
print(nested[3][3].v)
