# Big integers and floats stored in containers survive collections with their values.
import gc

bigs = [2 ** (64 + i) + i for i in range(200)]
floats = [i / 7 for i in range(200)]
gc.collect(0)
print(bigs[0], bigs[199] % 1000003, sum(floats))
gc.collect()
print(sum(bigs) % (10 ** 9 + 7), floats[100], floats[-1])
acc = 0
facc = 0.0
holder = {"acc": 0}
gc.collect()
for i in range(1, 300):
    acc = acc * 3 + i          # grows into a big integer
    facc += 1.0 / i
    holder["acc"] = acc        # young big int in an old dict
    holder["f"] = facc
    if i % 50 == 0:
        gc.collect(0)
print(acc % 1000000007, len(str(acc)), holder["acc"] == acc, round(facc, 10), holder["f"] == facc)
fact = 1
for i in range(1, 201):
    fact *= i
gc.collect()
print(len(str(fact)), fact % 10 ** 12 == 0, str(fact)[:20])
pairs = [(10 ** i, -(10 ** i) - 0.5) for i in range(25)]
gc.collect(0)
print(pairs[24], sum(p[0] for p in pairs) == int("1" * 25))
x = 0.1
vals = []
for i in range(100):
    x = x * 1.01 + 0.001
    vals.append(x)
gc.collect()
print(vals[-1], max(vals), min(vals))
