# __getitem__ / keys() hooks: old-style iteration, mappings for dict()/update/**/%/format_map.
from _evil import churn, case


class Seq:
    """Old-style sequence: iteration calls __getitem__ until IndexError."""

    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        churn()
        if i >= self.n:
            raise IndexError(i)
        return "v" + str(i)


class Map:
    def __init__(self, d):
        self.d = d

    def keys(self):
        churn()
        return list(self.d)

    def __getitem__(self, k):
        churn()
        return self.d[k]


case("list(Seq)", lambda: list(Seq(3)))
case("tuple(Seq)", lambda: tuple(Seq(2)))
case("for over Seq", lambda: [x.upper() for x in Seq(3)])
case("x in Seq", lambda: ("v1" in Seq(3), "v9" in Seq(3)))
case("str.join(Seq)", lambda: "+".join(Seq(4)))
case("sorted(Seq)", lambda: sorted(Seq(3), reverse=True))
case("enumerate(Seq)", lambda: list(enumerate(Seq(2))))
case("iter(Seq) next", lambda: (lambda it: (next(it), next(it)))(iter(Seq(5))))
case("Seq[I] direct", lambda: Seq(3)[1])
case("dict(Map)", lambda: dict(Map({"a": 1, "b": [2]})))
case("dict.update(Map)", lambda: (lambda d: (d.update(Map({"y": 2})), d)[1])({"x": 1}))
case("f(**Map)", lambda: (lambda **kw: sorted(kw.items()))(**Map({"p": 1, "q": 2})))
case("'%(a)s' % Map", lambda: "%(a)s-%(b)d" % Map({"a": "A" + "x", "b": 5}))
case("'%(a)s' % dict missing", lambda: "%(zz)s" % {"a": 1})
case("str.format_map(Map)", lambda: "{a}/{b}".format_map(Map({"a": 1, "b": "two"})))
case("str.format(**Map)", lambda: "{a}{b}".format(**Map({"a": "x", "b": "y"})))
case("{**Map}", lambda: {**Map({"k": 1}), "z": 0})


class MissingKeys:
    def keys(self):
        churn()
        return ["gone"]

    def __getitem__(self, k):
        churn()
        raise KeyError(k)


case("dict(Map) whose __getitem__ raises", lambda: dict(MissingKeys()))


class GrowingSeq:
    def __init__(self, backing):
        self.backing = backing

    def __getitem__(self, i):
        churn()
        if i < 3:
            self.backing.append(i)
        return self.backing[i]


def growing():
    b = [10, 20]
    return [x for _, x in zip(range(4), GrowingSeq(b))]
case("old-style iteration over a growing backing list", growing)


class KeyedMap(dict):
    def __getitem__(self, k):
        churn()
        return dict.__getitem__(self, k) * 2


case("dict subclass __getitem__ via []", lambda: KeyedMap(a=1)["a"])
case("'%(a)d' % dict subclass", lambda: "%(a)d" % KeyedMap(a=4))
