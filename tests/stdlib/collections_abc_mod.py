import collections.abc as cabc
from collections.abc import *
print(cabc.__name__)
for v in ([], (), "s", b"b", {}, set(), frozenset(), range(3), iter([]), (x for x in ()), 3, None, len, {}.values(), bytearray()):
    print(type(v).__name__, [c.__name__ for c in (Iterable, Iterator, Generator, Sized, Container, Hashable, Callable, Collection, Sequence, MutableSequence, Set, MutableSet, Mapping, MutableMapping, Reversible) if isinstance(v, c)])
class L(Sequence):
    def __init__(self, *a): self.a = list(a)
    def __getitem__(self, i): return self.a[i]
    def __len__(self): return len(self.a)
l = L(1, 2, 3, 2)
print(list(l), 2 in l, 5 in l, list(reversed(l)), l.index(2), l.count(2), isinstance(l, Reversible))
try: l.index(9)
except ValueError: print("ValueError")
class M(MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = M()
m.update({"a": 1}, b=2)
m.setdefault("c", 3)
print(sorted(m.items()), sorted(m.keys()), sorted(m.values()), m.get("z", 0), "a" in m, m.pop("a"), len(m), m == {"b": 2, "c": 3})
print(m.keys() & {"b"}, ("b", 2) in m.items(), 3 in m.values(), repr(m.keys())[:9])
class S(MutableSet):
    def __init__(self, it=()): self.s = set(it)
    def __contains__(self, x): return x in self.s
    def __iter__(self): return iter(sorted(self.s))
    def __len__(self): return len(self.s)
    def add(self, x): self.s.add(x)
    def discard(self, x): self.s.discard(x)
s = S([1, 2, 3])
print(list(s | S([4])), list(s & S([2, 9])), list(s - S([1])), list(s ^ S([3, 4])), s <= S([1, 2, 3, 4]), s == S([3, 2, 1]), s.isdisjoint([7]))
s |= [8]; s -= [1]
print(list(s), s.pop(), list(s))
try:
    Sequence()
except TypeError as e: print(e)
class ML(MutableSequence):
    def __init__(self): self.a = []
    def __getitem__(self, i): return self.a[i]
    def __setitem__(self, i, v): self.a[i] = v
    def __delitem__(self, i): del self.a[i]
    def __len__(self): return len(self.a)
    def insert(self, i, v): self.a.insert(i, v)
ml = ML(); ml.extend([1, 2, 3]); ml.append(4); ml.reverse(); ml.remove(2); ml += [9]
print(ml.a, ml.pop(), ml.a)
class H:
    __hash__ = None
print(isinstance(H(), Hashable), issubclass(list, Hashable), issubclass(dict, Mapping), issubclass(list, Sequence), issubclass(list, Collection))
class C:
    def __call__(self): pass
print(isinstance(C(), Callable), isinstance(C, Callable), callable(C()))
