# ranges whose bounds, steps or indices go beyond 64 bits: exact big-int arithmetic, never a
# wrapped or clamped value; equal ranges hash equal.
r = range(2**64, 2**64 + 10, 3)
print(len(r), r[1], r[-1], list(r), 2**64 + 3 in r, 2**64 + 4 in r)
print(r.index(2**64 + 6), r.count(2**64), r.count(2**64 + 1), bool(r), bool(range(2**64, 2**64)))
print(r[1:3], r[::-1], r[::2**63], r[2**70:], r[-2**70:2])
print(range(1, 5)[::2**64], range(11, 7, -1)[::2**64], range(11, 7, -1)[::-2**64])
print(range(10)[::-2**63], range(10)[::2**63], range(10)[2**63::-1], range(10)[-2**63:2**63])
print(range(2**70)[2**69], range(-2**70, 0)[-1], range(0, -2**80, -2**40)[2**39])
for bad in (range(2**64), range(-2**63, 2**63)):
    try:
        print(len(bad))
    except OverflowError as e:
        print("OverflowError", e)
for i in (10, -11, 10**20, -10**20):
    try:
        range(10)[i]
    except IndexError as e:
        print("IndexError", e)
print(range(2**64) == range(0, 2**64), range(2**64, 2**64) == range(0), range(5)[2**65:])
print(range(2**64, 2**64 + 1, 5) == range(2**64, 2**64 + 2, 7), range(0, 2**65, 2) == range(0, 2**65 + 1, 2))
print(bool(range(2**64)), 2**63 in range(2**64), -1 in range(2**64), 2.0 in range(3), True in range(2))
print(list(range(-2**64, -2**64 + 3)), list(reversed(range(2**64, 2**64 + 2))))
print(list(reversed(range(0))), list(reversed(range(5, 0, -2))), list(reversed(range(2**63 - 2, 2**63 + 1))))
for k in range(2**64, 2**64 + 2):
    print(k)
# equal ranges hash equal (all empty ones too), and work as dict keys
print(hash(range(0, 10, 2)) == hash(range(0, 9, 2)), hash(range(0)) == hash(range(5, 2)))
print(hash(range(3, 4)) == hash(range(3, 4, 9)), hash(range(2**64, 2**65, 2**63)) == hash(range(2**64, 2**65 - 1, 2**63)))
d = {range(0, 4, 2): "a"}
print(d[range(0, 3, 2)], range(3) in {range(0, 3)})


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        [[0] * 10 for _ in range(50)]
        return self.v


print(range(100)[Idx(7)], range(100)[Idx(2):Idx(40):Idx(9)], range(2**70)[Idx(2**69)])
try:
    range(10)["a"]
except TypeError as e:
    print("TypeError", e)
try:
    range(10)[::0]
except ValueError as e:
    print("ValueError", e)
try:
    range(10)[1:"x"]
except TypeError as e:
    print("TypeError", e)
