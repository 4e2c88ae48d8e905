# Evil hooks in the natives added for issue 10: slot wrappers, in-place dict/bytearray operators,
# reversed() over __getitem__, set.intersection with hashing hooks, big-int range indexing, and
# __del__ itself. Each hook allocates enough for a collection and mutates the receiver.
# stress: 5
import gc
from _evil import churn, case, I

target = {"a": 1}


class EvilMapping:
    def keys(self):
        churn()
        target["side"] = 0  # mutates the dict being updated
        return ["x", "y"]

    def __getitem__(self, k):
        churn()
        return k * 2


def ior():
    global target
    t = target
    t |= EvilMapping()
    return sorted(t.items()), t is target


case("dict |= evil mapping", ior)

ba = bytearray(b"ab")


class EvilBuf:
    def __iter__(self):
        churn()
        ba.append(ord("!"))
        return iter([ord("c"), ord("d")])


case("bytearray extend via evil iterable", lambda: (ba.extend(EvilBuf()), ba)[1])
case("bytearray += list", lambda: ba.__iadd__(bytearray(b"z")))


class Seq:
    def __init__(self):
        self.items = [1, 2, 3, 4]

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        churn()
        if i == 2:
            self.items.append(99)
        if i >= len(self.items):
            raise IndexError(i)
        return self.items[i]


case("reversed over allocating __getitem__", lambda: list(reversed(Seq())))


class H:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        churn()
        return hash(self.v)

    def __eq__(self, o):
        churn()
        return isinstance(o, H) and o.v == self.v

    def __repr__(self):
        return "H(%r)" % self.v


s = {H(1), H(2), H(3)}
case("set.intersection with hooks", lambda: sorted(x.v for x in s.intersection([H(2), H(9), H(3), H(1), [0]])))
case("set &= with hooks", lambda: (s.__iand__({H(3), H(4)}), sorted(x.v for x in s))[1])
case("range[I] big", lambda: range(2**70)[I(2**68)])
case("range[I:I:I]", lambda: range(0, 2**66, 3)[I(5):I(2**64):I(2**62)])
lst = [0, 1, 2, 3]
case("list.__setitem__(I, v)", lambda: (list.__setitem__(lst, I(1, lambda: lst.append(7)), "v"), lst)[1])
case("list.__getitem__ slice", lambda: list.__getitem__(lst, slice(I(1), I(3))))
case("int.__add__ with hooks", lambda: (5).__add__(I(3)))
case("list.__mul__(I)", lambda: [1, 2].__mul__(I(2)))
case("str.__mod__", lambda: "%d-%s".__mod__((I(4), "x")))

deleted = []


class D:
    def __init__(self, n):
        self.n = n
        self.payload = [n] * 50

    def __del__(self):
        churn()
        deleted.append(self.n)
        keep.clear()  # mutates a container the script may be iterating


keep = [D(i) for i in range(5)]
keep.clear()
gc.collect()
print(sorted(deleted))
for i in range(200):
    D(100 + i)
gc.collect()
print(len(deleted))
