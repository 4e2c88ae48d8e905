# dict views: keys/values/items, live updates, set operations on keys and items.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), "a" in k, 2 in v, ("c", 3) in it, ("c", 4) in it)
d["d"] = 4
del d["a"]
print(list(k), list(v), list(it))
print(sorted(k & {"b", "x"}), sorted(k | {"z"}), sorted(k - {"b"}), sorted(k ^ {"b", "q"}))
print(sorted(it & {("b", 2), ("c", 0)}), k == {"b", "c", "d"}, set(v) == {2, 3, 4})
for key, val in d.items():
    print(key, val, end=" | ")
print()
print(list(zip(d.keys(), d.values())), dict(d.items()) == d, list(reversed(d.keys())))
e = {}
print(list(e.keys()), list(e.items()), len(e.values()), bool(e.keys()))
try:
    for key in d.keys():
        d[key + "!"] = 0
except RuntimeError as err:
    print("RuntimeError:", err)
