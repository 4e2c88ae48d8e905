# Generator frames keep young locals across yields while collections move things around.
import gc

def producer(n):
    acc = []
    table = {}
    for i in range(n):
        item = [i, str(i), float(i) / 2]
        acc.append(item)
        table[str(i)] = item
        yield len(acc)
    yield acc, table

g = producer(60)
gc.collect()
for k in range(60):
    next(g)
    if k % 7 == 0:
        gc.collect(0)
    if k % 25 == 0:
        gc.collect()
acc, table = next(g)
print(len(acc), acc[59], table["30"] is acc[30])

def running_average():
    total = 0.0
    count = 0
    history = []
    while True:
        x = yield (total / count if count else None)
        total += x
        count += 1
        history.append((x, total))
        if x < 0:
            return history

avg = running_average()
next(avg)
gc.collect()
for v in range(1, 20):
    avg.send(float(v))
    gc.collect(0)
try:
    avg.send(-1.0)
except StopIteration as stop:
    hist = stop.value
gc.collect()
print(len(hist), hist[0], hist[-2], hist[-1])

def nested_gen():
    for i in range(5):
        inner = (j * i for j in range(4))
        gc.collect(0)
        yield list(inner)

print(list(nested_gen()))

def delegate():
    result = yield from producer(5)
    return result

gens = [producer(10) for _ in range(20)]
gc.collect()
totals = [0] * 20
for step in range(10):
    for i, gen in enumerate(gens):
        totals[i] += next(gen)
    gc.collect(0)
print(totals[:3], [next(gen)[0][9] for gen in gens][:3])
