# Python subclasses of set: construction (own __init__ or set's), extra attributes, overrides of
# __contains__/add/__iter__/__len__/__repr__, isinstance/type, operators returning the base type.


class S(set):
    pass


s = S([3, 1, 2])
print(type(s), s, repr(s), S(), isinstance(s, set), isinstance(s, S), type(s) is S)
print(len(s), 2 in s, 9 in s, sorted(s), bool(S()), bool(s))
s.add(4)
s.discard(1)
print(sorted(s), type(s).__name__, s.__class__.__name__)
u = s | {10}
print(type(u), sorted(u))
for r in (s & {2, 3}, s - {2}, s ^ {2, 99}, {2} | s, {2, 3} & s, s.copy(), s.union([7]),
          s.intersection([2]), s.difference([2]), s.symmetric_difference([2])):
    print(type(r).__name__, sorted(r))
print(S([1]) | S([2]), type(S([1]) | S([2])))
print(s == {2, 3, 4}, {2, 3, 4} == s, s != {1}, s < {2, 3, 4, 5}, s <= {2, 3, 4}, {2} < s)
print(S([1, 2]) == S([2, 1]), s.issubset(range(10)), s.issuperset([2]), s.isdisjoint([0]))

# in-place operators keep the object (and its class)
t = S([1, 2])
ident = id(t)
t |= {3}
t &= {1, 3, 5}
t -= {5}
t ^= {7}
print(t, type(t).__name__, id(t) == ident)
t.update([8], [9])
t.difference_update([9])
t.intersection_update([1, 3, 7, 8])
t.symmetric_difference_update([1, 100])
print(sorted(t))
print(t.pop() in {3, 7, 8, 100}, len(t))
t.clear()
print(t, repr(t))

# extra attributes and methods; __dict__
class Tagged(set):
    kind = "tagged"

    def __init__(self, items, tag):
        super().__init__(items)
        self.tag = tag

    def describe(self):
        return f"{self.tag}:{sorted(self)}"


g = Tagged([2, 1], tag="x")
g.extra = 5
print(g, g.tag, g.extra, g.describe(), g.kind, sorted(vars(g).items()))
print(Tagged([], "e"), len(Tagged("abc", "s")))

# __init__ with other arguments than set's
class Range(set):
    def __init__(self, lo, hi):
        super().__init__(range(lo, hi))
        self.lo, self.hi = lo, hi


r = Range(2, 5)
print(r, r.lo, r.hi, 3 in r)

# overrides
class Logged(set):
    def add(self, x):
        print("  add", x)
        super().add(x * 10)

    def __contains__(self, x):
        print("  contains", x)
        return super().__contains__(x // 10 if isinstance(x, int) else x)

    def __iter__(self):
        print("  iter")
        return iter(sorted(super().__iter__()))

    def __len__(self):
        return 42

    def __repr__(self):
        return "Logged!" + set.__repr__(self)


lg = Logged([3, 1])
lg.add(2)
print(1 in lg, 20 in lg)
print(list(lg), len(lg), repr(lg), str(lg), f"{lg}")
print([lg])
print(sorted(x for x in lg))
print(set(lg) == {1, 3, 20}, sorted(set.__iter__(lg)), set.__len__(lg))
a, *b = lg
print(a, b)
print(lg | {5} == {1, 3, 20, 5}, type(lg | {5}).__name__)

# set methods called through the class on a subclass instance
z = S("ab")
set.add(z, "c")
print(sorted(z), set.__contains__(z, "a"), set.__repr__(S()))
# set.__init__ re-fills
set.__init__(z, [1])
print(z)
set.__init__(z)
print(z)

# subclass of a subclass; __eq__/__hash__ overrides
class Hashable(S):
    def __hash__(self):
        return 7


h = Hashable([1])
print(hash(h), {h: 1}[h], type(h).__mro__[1:3])


class Eq(set):
    def __eq__(self, other):
        return True

    __hash__ = None


print(Eq() == {5}, {5} == Eq(), Eq([1]) != {1})

# errors as CPython's
for f in (lambda: S(1, 2), lambda: S(a=1), lambda: S(3), lambda: set.__init__(S(), 1, 2),
          lambda: set.__new__(int), lambda: set.__new__(5), lambda: set.__init__([], []),
          lambda: hash(S()), lambda: S().pop(), lambda: S().remove(3), lambda: set(a=1),
          lambda: {S()}):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(repr(set.__new__(S)), repr(set.__new__(Range, [1])))

# __class__ assignment between set subclasses; copy
class S2(set):
    pass


c = S([1])
c.__class__ = S2
print(type(c).__name__, c)
import copy
c.note = "n"
cc = copy.copy(c)
print(type(cc).__name__, cc, cc.note)
dc = copy.deepcopy(s)
print(type(dc).__name__, sorted(dc), dc is s)

# frozenset subclasses show their class too
class F(frozenset):
    pass


print(F(), F([1]), repr(F("a")), type(F([1]) | {2}).__name__)
