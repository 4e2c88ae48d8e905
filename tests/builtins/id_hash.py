# id (compared, never printed) and hash (equalities only).
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), id(a) == id(a), type(id(a)).__name__)
objs = [object() for _ in range(10)]
print(len(set(id(o) for o in objs)))
print(hash(1) == hash(1.0), hash("abc") == hash("ab" + "c"), hash((1, "a")) == hash((1, "a")), hash(True) == hash(1))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), type(hash("x")).__name__, hash(0) == 0, hash(-5) == -5, hash(12345) == 12345)
for unhashable in ([], {}, set()):
    try:
        hash(unhashable)
    except TypeError as e:
        print("TypeError:", e)
class H:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return hash(self.k)
    def __eq__(self, o):
        return self.k == o.k
print(hash(H(3)) == hash(H(3)), len({H(1), H(1), H(2)}))
class NoHash:
    def __eq__(self, o):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)
o = object()
print(hash(o) == hash(o), o == o, o != object())
