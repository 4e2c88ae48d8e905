# weakref on a moving heap: references survive moves, clear at death, callbacks run once.
import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def m(self):
        return "m of " + self.name

    def __repr__(self):
        return "Obj(%s)" % self.name


def churn():
    # enough allocation for several minor collections, so young objects move
    junk = []
    for i in range(3000):
        junk.append([i, str(i)])
    return len(junk)


a = Obj("a")
r = weakref.ref(a)
print(r() is a, type(r).__name__, isinstance(r, weakref.ref))
churn()
gc.collect()
print(r() is a, r().name)
print(weakref.ref(a) == r, hash(weakref.ref(a)) == hash(r))

deaths = []
b = Obj("b")
rb = weakref.ref(b, lambda ref: deaths.append(("died", ref() is None)))
print(rb.__callback__ is not None)
del b
gc.collect()
print(rb(), deaths)
gc.collect()
print(deaths)  # exactly once

# a dead ref keeps its hash only if it was hashed while alive
c = Obj("c")
rc = weakref.ref(c)
h = hash(rc)
del c
gc.collect()
print(rc() is None, hash(rc) == h)
d = Obj("d")
rd = weakref.ref(d)
del d
gc.collect()
try:
    hash(rd)
except TypeError as e:
    print("TypeError", e)

# not weak-referenceable
for v in (1, "s", (1, 2), [1], {}):
    try:
        weakref.ref(v)
    except TypeError as e:
        print("TypeError", e)

# WeakMethod
o = Obj("o")
wm = weakref.WeakMethod(o.m)
print(wm()(), wm().__self__ is o)
del o
gc.collect()
print(wm())

# WeakValueDictionary
wvd = weakref.WeakValueDictionary()
keep = [Obj("k%d" % i) for i in range(5)]
for i in range(10):
    wvd[i] = keep[i] if i < 5 else Obj("t%d" % i)
gc.collect()
print(sorted(wvd.keys()), len(wvd), 3 in wvd, 7 in wvd)
print(wvd.get(2), wvd.get(8, "gone"))
del keep[0]
gc.collect()
print(sorted(wvd.keys()))

# WeakKeyDictionary
wkd = weakref.WeakKeyDictionary()
k1, k2 = Obj("k1"), Obj("k2")
wkd[k1] = 1
wkd[k2] = 2
print(len(wkd), wkd[k1], k2 in wkd)
del k1
gc.collect()
print(len(wkd), [k.name for k in wkd])

# WeakSet
ws = weakref.WeakSet()
s1, s2 = Obj("s1"), Obj("s2")
ws.add(s1)
ws.add(s2)
ws.add(s1)
print(len(ws), s1 in ws)
del s2
gc.collect()
print(len(ws), [x.name for x in ws])

# finalize
log = []
f = Obj("f")
fin = weakref.finalize(f, log.append, "finalized")
print(fin.alive)
del f
gc.collect()
print(log, fin.alive)
g = Obj("g")
fin2 = weakref.finalize(g, lambda: log.append("g"))
print(fin2(), log, fin2.alive, fin2())

# a callback that allocates and mutates while the heap is collecting
victims = [Obj("v%d" % i) for i in range(50)]
seen = []


def evil(ref):
    seen.append(ref() is None)
    churn()


refs = [weakref.ref(v, evil) for v in victims]
del victims
gc.collect()
print(len(seen), all(seen), all(r() is None for r in refs))
