# Tuple and list concatenation (the eval loop's fast path and the generic one): identity of
# empty operands, in-place `+=` on lists keeps aliasing, subclasses, errors, big results.

t = (1, 2)
e = ()
print((e + t) is t, (t + e) is t, (e + e) is e)
print(t + (3,), (0,) + t, t + t)

l = [1, 2]
alias = l
l += [3]
print(l, alias, l is alias)
m = l + [4]
print(m, l, m is l)
l2 = l
l = l + [9]
print(l, l2, l is l2)

tt = (1,)
tt_alias = tt
tt += (2,)
print(tt, tt_alias, tt is tt_alias)


class L(list):
    def __add__(self, other):
        return "L.__add__"


class T(tuple):
    pass


class M(list):
    pass


print(L([1]) + [2], [2] + L([1]))
r = M([1]) + [2]
print(r, type(r).__name__)
r = [0] + M([1])
print(r, type(r).__name__)
r = T((1,)) + (2,)
print(r, type(r).__name__)
r = (0,) + T((1,))
print(r, type(r).__name__)

for a, b in [([1], (2,)), ((1,), [2]), ([1], 2), ((1,), "x")]:
    try:
        a + b
    except TypeError as ex:
        print("TypeError:", ex)

# in a loop (the fast path), with results large enough to leave the nursery
acc = ()
lst = []
for i in range(3000):
    acc = acc + (i,)
    lst = lst + [i] if i % 100 == 0 else lst
print(len(acc), acc[:3], acc[-3:], sum(acc))
print(len(lst), lst[:3], lst[-2:])
big = list(range(50000))
both = big + big
print(len(both), both[49999], both[50000], both[-1])
tb = tuple(big)
print(len(tb + tb), (tb + tb)[50001])


def perms(items):
    if len(items) <= 1:
        yield tuple(items)
        return
    for i in range(len(items)):
        for p in perms(items[:i] + items[i + 1:]):
            yield (items[i],) + p


print(sum(1 for _ in perms(list(range(5)))), next(perms([1, 2, 3])))
