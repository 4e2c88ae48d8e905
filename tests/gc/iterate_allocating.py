# Iterating containers and iterators while allocating and collecting.
import gc

data = [[i, str(i)] for i in range(500)]
gc.collect()
out = []
for item in data:
    out.append((item[0] * 2, item[1] + "!"))   # allocation in the loop body
    if item[0] % 100 == 0:
        gc.collect(0)
print(len(out), out[0], out[-1])
d = {str(i): [i] for i in range(300)}
gc.collect()
total = 0
for k, v in d.items():
    total += v[0]
    junk = [k] * 5
    if v[0] % 97 == 0:
        gc.collect(0)
print(total)
it = iter(data)
gc.collect(0)
first = [next(it) for _ in range(3)]
gc.collect()
print(first, next(it))
z = zip(range(1000), (str(i) for i in range(1000)), map(lambda x: [x], range(1000)))
acc = 0
for a, b, c in z:
    acc += a + int(b) + c[0]
    if a % 250 == 0:
        gc.collect(0)
print(acc)
e = enumerate(x * 1.5 for x in range(100))
gc.collect()
print(list(e)[-1])
s = set(range(200))
seen = 0
for x in s:
    seen += x
    y = {x: [x]}
print(seen)
comp = [[j for j in range(i % 10)] for i in range(1000)]
gc.collect(0)
print(sum(len(c) for c in comp))
dc = {i: {j: str(j) for j in range(5)} for i in range(200)}
gc.collect()
print(dc[199][4], len(dc))
r = reversed([str(i) for i in range(100)])
gc.collect(0)
print(next(r), list(r)[-1])
sorted_out = sorted(data, key=lambda item: (-(item[0] % 7), item[1]))
gc.collect(0)
print(sorted_out[:3])
