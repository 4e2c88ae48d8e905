# match: hooks that allocate a lot (forcing collections that move objects) and mutate the subject
# while it is being matched (one hook builds 10000 lists). The output must equal CPython's.
import collections.abc

junk = []


def churn(n=300):
    # many young lists: minor collections, objects move
    global junk
    junk = [[i, str(i)] for i in range(n)]
    return len(junk)


class EvilEq:
    def __init__(self, target, tag):
        self.target = target
        self.tag = tag

    def __eq__(self, other):
        churn()
        if isinstance(self.target, list):
            self.target.append(self.tag)
        return other == self.tag

    __hash__ = None


class ns:
    pass


subject = [1, 2, 3]
ns.a = EvilEq(subject, "x")
ns.b = EvilEq(subject, 2)
match subject:
    case [ns.a, _, _]:
        print("no")
    case [1, ns.b, c, *more]:
        print("matched second case, c =", c, "more", more, "subject now", subject)


class MetaArgs(type):
    @property
    def __match_args__(cls):
        churn(10000)
        return ("first", "second")


class Rec(metaclass=MetaArgs):
    def __init__(self):
        self.first = [10]
        self.count = 0

    @property
    def second(self):
        churn()
        self.first.append("mutated")
        self.count += 1
        return {"deep": [self.count, "x" * 50]}


r = Rec()
for _ in range(3):
    match r:
        case Rec([10, "bad"], _):
            print("no")
        case Rec(first, {"deep": [n, s]}):
            print("first", first[:3], len(first), "n", n, "len(s)", len(s))


class EvilMapping(collections.abc.Mapping):
    def __init__(self):
        self.data = {"a": 1, "b": 2, "c": 3}
        self.calls = 0

    def __getitem__(self, k):
        churn()
        return self.data[k]

    def __iter__(self):
        churn()
        return iter(list(self.data))

    def __len__(self):
        churn()
        return len(self.data)

    def keys(self):
        churn()
        self.calls += 1
        self.data["added%d" % self.calls] = [0] * 100
        return list(self.data)

    def get(self, k, default=None):
        churn()
        v = self.data.get(k, default)
        self.data["seen_" + k] = k * 3
        return v


m = EvilMapping()
match m:
    case {"a": 1, "zzz": _}:
        print("no")
    case {"a": 1, "b": bb, **rest}:
        print("bb", bb, "rest", sorted(rest))
print(sorted(m.data))


class EvilSeq(collections.abc.Sequence):
    def __init__(self):
        self.items = list(range(6))

    def __len__(self):
        churn()
        return len(self.items)

    def __getitem__(self, i):
        churn()
        v = self.items[i]
        if len(self.items) < 12:
            self.items.append(len(self.items))
        return v


s = EvilSeq()
match s:
    case [0, 1, *_, last]:
        print("last", last, "len now", len(s.items))
match s:
    case [first, *mid, last]:
        print("first", first, "mid", mid, "last", last)


class Growing(list):
    def __len__(self):
        churn()
        self.append(list.__len__(self) + 100)
        return list.__len__(self)


g = Growing([1, 2])
match g:
    case [x, y]:
        print("len 2", x, y)
    case [x, y, z]:
        print("grew to three:", x, y, z)
    case _:
        print("other", g[:])

for i in range(50):
    match [i, {"k": (i, str(i))}, "tail" * (i % 3)]:
        case [n, {"k": (m, t)}, ""] if n == m:
            churn(50)
            r = (n, t)
        case [n, {"k": (m, t)}, _]:
            r = (n, t, "nonempty")
print("last result", r, len(junk))
