# Binary/unary operator hooks (forward, reflected, in-place) that allocate while operands are held.
from _evil import churn, case


class V:
    def __init__(self, *xs):
        self.xs = list(xs)

    def __add__(self, o):
        churn()
        if isinstance(o, V):
            return V(*[a + b for a, b in zip(self.xs, o.xs)])
        return NotImplemented

    def __radd__(self, o):
        churn()
        if o == 0:
            return self
        return V(*[o + a for a in self.xs])

    def __iadd__(self, o):
        churn()
        self.xs = self.xs + list(o.xs)
        return self

    def __mul__(self, k):
        churn()
        return V(*[a * k for a in self.xs])

    __rmul__ = __mul__

    def __neg__(self):
        churn()
        return V(*[-a for a in self.xs])

    def __abs__(self):
        churn()
        return sum(a * a for a in self.xs)

    def __sub__(self, o):
        churn()
        return NotImplemented

    def __rsub__(self, o):
        churn()
        return "rsub"

    def __eq__(self, o):
        churn()
        return isinstance(o, V) and self.xs == o.xs

    def __lt__(self, o):
        churn()
        return self.xs < o.xs

    def __repr__(self):
        return "V" + repr(tuple(self.xs))


case("V + V", lambda: V(1, 2) + V(3, 4))
case("3 + V (radd)", lambda: 3 + V(1, 2))
case("'s' + V (radd)", lambda: "s" + V("a", "b"))
case("V + 1 unsupported", lambda: V(1) + 1)
case("V * 2 / 2 * V", lambda: (V(1, 2) * 2, 2 * V(5)))
case("-V, abs(V)", lambda: (-V(1, -2), abs(V(3, 4))))
case("V - V both NotImplemented?", lambda: V(1) - V(2))
case("5 - V rsub", lambda: 5 - V(2))

def iadd():
    v = V(1)
    alias = v
    v += V(2, 3)
    return v, v is alias
case("V += V", iadd)

def iadd_in_list():
    l = [V(1), V(2)]
    l[0] += V(9)
    return l
case("list[0] += V", iadd_in_list)

def iadd_attr():
    class O:
        pass
    o = O()
    o.v = V("a")
    o.v += V("b")
    return o.v
case("o.attr += V", iadd_attr)

def iadd_dict():
    d = {"k": V(1)}
    d["k"] += V(2)
    return d
case("d[k] += V", iadd_dict)

def fallback_iadd():
    x = V(1, 1)
    y = x
    x *= 3
    return x, y
case("V *= 3 via __mul__", fallback_iadd)

case("sum(V...)", lambda: sum([V(1, 2), V(3, 4), V(5, 6)]))
case("V == V", lambda: (V(1) == V(1), V(1) != V(2), V(1) == 1))
case("V in list", lambda: V(2) in [V(1), V(2)])
case("sorted(V...)", lambda: sorted([V(3), V(1), V(2)]))
case("max(V...)", lambda: max([V(3), V(7), V(2)]))

def list_iadd_self_alloc():
    l = ["a" + str(i) for i in range(3)]
    l += (x * 2 for x in l[:2] if churn())
    return l
case("list += genexpr allocating", list_iadd_self_alloc)

def str_concat_chain():
    s = ""
    for i in range(5):
        s += str(V(i)) + ","
    return s
case("str += repr in loop", str_concat_chain)


class Rev:
    def __radd__(self, other):
        churn()
        return ["radd", other]

    def __rmul__(self, other):
        churn()
        return ["rmul", other]


case("young list + Rev", lambda: [1, 2] + Rev())
case("young tuple + Rev", lambda: (1, 2) + Rev())
case("young str * Rev", lambda: ("a" + "b") * Rev())
case("young list * Rev", lambda: [0] * Rev())
