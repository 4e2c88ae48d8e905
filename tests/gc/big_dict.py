# stress: 50
# Dicts with 100000 keys: built, collected, verified, half deleted, refilled.
import gc

d = {}
for i in range(100000):
    d[i] = str(i)
gc.collect()
print(len(d), d[0], d[99999], all(d[i] == str(i) for i in range(0, 100000, 997)))
rev = {v: k for k, v in d.items()}
gc.collect(0)
print(len(rev), rev["12345"], sum(rev[str(i)] for i in range(100)))
for i in range(0, 100000, 2):
    del d[i]
gc.collect()
print(len(d), 2 in d, 3 in d, d[99999])
for i in range(0, 100000, 2):
    d[i] = [i]
gc.collect(0)
print(len(d), d[99998], d[99999], list(d)[:3], list(d)[-3:])
total = 0
for k, v in d.items():
    if isinstance(v, list):
        total += v[0]
print(total)
strs = {f"key-{i}": (i, i * 2.5) for i in range(50000)}
gc.collect()
print(strs["key-49999"], len(strs), sum(1 for k in strs if k.endswith("7")))
