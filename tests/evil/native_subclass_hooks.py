# Set and bytearray subclasses whose hooks allocate (a collection moves the receiver) and mutate
# the receiver while the builtin's constructor, __init__, repr or hash holds it.
from _evil import churn, case, I


class S(set):
    pass


class Churny:
    """An iterable whose items are produced after an allocation."""

    def __init__(self, items, side=None):
        self.items = items
        self.side = side

    def __iter__(self):
        for x in self.items:
            churn()
            if self.side is not None:
                self.side()
            yield x


case("S(iterable) allocating", lambda: (S(Churny([3, 1, 2])), type(S(Churny([1]))).__name__))


def init_mutating():
    s = S([9])
    s.attr = [1] * 50
    set.__init__(s, Churny([1, 2], side=lambda: s.add(len(s) + 100)))
    return sorted(s), s.attr[:2]
case("set.__init__ with an iterable that adds to the set", init_mutating)


class Key:
    def __init__(self, n, owner=None):
        self.n = n
        self.owner = owner

    def __hash__(self):
        churn()
        if self.owner is not None:
            self.owner.extra = [0] * 100
        return hash(self.n)

    def __eq__(self, other):
        return isinstance(other, Key) and other.n == self.n

    def __repr__(self):
        churn()
        return f"K{self.n}"


def keys_in_subclass():
    s = S()
    s.add(Key(1, s))
    s |= {Key(2, s)}
    return repr(s), len(s.extra), Key(1) in s


case("S with allocating __hash__/__repr__ keys", keys_in_subclass)


class IterRepr(set):
    def __iter__(self):
        churn()
        self.add(len(self) * 10)
        return iter(sorted(set.__iter__(self)))


def repr_through_iter():
    s = IterRepr([1, 2])
    return repr(s), sorted(s)
case("set repr through an overridden __iter__ that grows the set", repr_through_iter)


class H(set):
    def __hash__(self):
        churn()
        self.add(len(self))
        return 42


def hashed_subclass():
    h = H([5])
    d = {h: "v"}
    return hash(h), d[h], sorted(h)
case("set subclass __hash__ that allocates and mutates", hashed_subclass)


class B(bytearray):
    pass


case("B(iterable) allocating", lambda: B(Churny([65, 66])))
case("B(size) with allocating __index__", lambda: B(I(3)))


def ba_init_mutating():
    b = B(b"xyz")
    b.tag = "t"
    bytearray.__init__(b, Churny([1, 2, 3], side=lambda: b.append(0)))
    return b, b.tag
case("bytearray.__init__ with an iterable that appends to the receiver", ba_init_mutating)


class Grow(bytearray):
    def __init__(self, src):
        churn()
        super().__init__(Churny(src, side=lambda: self.extend(b"!")))
        self.n = len(self)


case("bytearray subclass __init__ allocating", lambda: (Grow([97, 98]), Grow([99]).n))
