# The eval loop's fused slice fast path (fast_ops.rs BuildSlice + Subscript/StoreSubscr on plain
# lists with small-int or None bounds), the truth of ints and None in conditional jumps, and
# unary minus / not on small ints: their edge cases against CPython's results.


class L(list):
    def __getitem__(self, k):
        return ("L.__getitem__", k)

    def __setitem__(self, k, v):
        print("L.__setitem__", k, v)


class Idx:
    def __init__(self, i):
        self.i = i

    def __index__(self):
        return self.i


def slices(l):
    n = len(l)
    out = []
    for a in [None, -100, -n - 1, -n, -3, -1, 0, 1, 2, n - 1, n, n + 5, 100]:
        for b in [None, -100, -2, 0, 1, 3, n, 100]:
            out.append(l[a:b])
            for c in [None, 1, 2, -1, -2, 3, -100, 100]:
                out.append(l[a:b:c])
    return out


r = slices(list(range(7)))
print(len(r), r[:5], r[100:104], r[-5:], sum(len(x) for x in r))
print(slices([])[:3], len(slices([])), slices([9])[10:20])
l = [1, 2, 3]
c = l[:]
print(c, c is l, l[::-1], l[True:], l[:False], l[Idx(1):Idx(3)], l[2**70:], l[-2**70:2**70:2**65])
try:
    l[::0]
except ValueError as e:
    print("ValueError", e)
try:
    l["a":]
except TypeError as e:
    print("TypeError", e)
print(L([1, 2])[1:], L([1, 2])[::-1], (1, 2, 3)[1:], "abc"[::-1], range(5)[1:3])


def store():
    p = list(range(6))
    for k in range(6):
        p[:k + 1] = p[k::-1]
    print(p)
    q = [0] * 6
    q[::2] = [1, 2, 3]
    q[1::2] = (7, 8, 9)
    print(q)
    q[:3] = [5]
    print(q)
    q[1:1] = [4, 4]
    print(q)
    q[:] = q
    print(q)
    q[::-1] = q
    print(q)
    q[2:4] = "ab"
    print(q)
    try:
        q[::2] = [1]
    except ValueError as e:
        print("ValueError", e)
    try:
        q[::0] = []
    except ValueError as e:
        print("ValueError", e)
    m = L([0, 0])
    m[0:1] = [5]
    m[::-1] = [1, 2]
    s = [1, 2, 3]
    s[10:20] = [9]
    s[-100:0] = [0]
    print(s)


store()


def truth():
    out = []
    for v in [0, 1, -1, 2**40, None, 0.0, 0.5, "", "x", [], [0], True, False]:
        k = v
        n = 0
        while k:
            n += 1
            k = 0
        out.append((n, not v, bool(v) and 1 or 2, v or "or", v and "and"))
    print(out)
    for v in [0, 1, -1, 5, 2**62 - 1, -2**62, 2**62, -2**63, 2**64, True, False]:
        print(-v, type(-v).__name__, not v)


truth()
