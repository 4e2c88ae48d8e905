# dict operations (insertion ordered) and methods.
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, len(d), d["a"], "a" in d, "z" in d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("e", 5), d.setdefault("a", 99), d)
print(d.pop("e"), d.pop("zz", "dflt"), d)
del d["b"]
print(d)
d.update({"x": 1, "a": 100})
d.update(y=2)
d.update([("z", 3)])
print(d)
print(d.popitem(), d)
for k in d:
    print(k, d[k], end="; ")
print()
for k, v in d.items():
    print(k, "->", v)
print(dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict({"k": "v"}, extra=1), dict.fromkeys("ab", 0))
c = d.copy()
c["new"] = 1
print(len(d), len(c), d == {"a": 100, "c": 3, "x": 1, "y": 2}, {1: 2} == {1: 2.0})
d2 = {}
d2[1] = "int"
d2[1.5] = "float"
d2["1"] = "str"
d2[(1, 2)] = "tuple"
d2[None] = "none"
d2[True] = "true overwrites 1"
print(d2)
try:
    d2["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e))
print({k: v for k, v in zip("abc", range(3))})
print({**{"a": 1}, **{"b": 2, "a": 3}}, {"a": 1} | {"b": 2})
e = {"z": 1, "y": 2}
del e["z"]
e["z"] = 3
print(e, list(reversed(e)), sorted(e))
d3 = dict()
for i in range(20):
    d3[i] = i * i
for i in range(0, 20, 2):
    del d3[i]
print(d3, sum(d3.values()))
d3.clear()
print(d3, bool(d3))
try:
    for k in {1: 1, 2: 2}:
        pass
    dd = {1: 1}
    for k in dd:
        dd[k + 1] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(repr({"q": [1, {"n": None}]}))
