# An old dict receives young keys and values through inserts, resizes, update and setdefault.
import gc

class Key:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return hash(self.k)
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __repr__(self):
        return f"Key({self.k!r})"

d = {"seed": 0}
gc.collect()
for i in range(200):  # forces several resizes of the old dict
    d[f"k{i}"] = [i, str(i)]
    d[Key(i)] = {"nested": (i, float(i))}
    d[(i, "t")] = Key(f"v{i}")
gc.collect(0)
print(len(d), d["k150"], d[Key(150)], d[(150, "t")])
d.update({f"u{i}": Key(i) for i in range(20)})
d.update(extra=[Key("kw")])
d.setdefault("sd", []).append(Key("appended"))
d.setdefault("sd", []).append(Key("again"))
gc.collect(0)
print(d["u19"], d["extra"], d["sd"])
gc.collect()
print(all(d[f"k{i}"] == [i, str(i)] for i in range(200)), all(d[Key(i)]["nested"] == (i, float(i)) for i in range(200)))
for i in range(0, 200, 2):
    del d[f"k{i}"]
    d.pop(Key(i))
gc.collect(0)
for i in range(200, 300):
    d[f"k{i}"] = Key(i)
gc.collect(0)
print(len(d), d["k299"], d.get(Key(2)), d.get(Key(3)) is not None, list(d)[:3])
d2 = {}
gc.collect()
d2[Key("a")] = 1
gc.collect(0)
d2[Key("a")] = 2
print(d2)
copy = dict(d)
gc.collect()
print(copy == d, len(copy))
counts = {}
gc.collect()
for w in ("alpha beta gamma alpha beta alpha " * 50).split():
    counts[w] = counts.get(w, 0) + 1
    counts[w + "!"] = [w] * 2
gc.collect(0)
print(sorted((k, v) for k, v in counts.items() if isinstance(v, int)))
