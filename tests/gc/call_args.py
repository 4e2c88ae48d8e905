# Young objects passed through calls (*args tuples, **kwargs dicts, defaults, returns) across collections.
import gc

def collect_then_return(*args, **kwargs):
    gc.collect(0)
    return args, sorted(kwargs.items())

results = []
gc.collect()
for i in range(200):
    r = collect_then_return([i], str(i), key=(i, i), other={"v": i})
    results.append(r)
gc.collect()
print(len(results), results[0], results[199][0], results[199][1][0])

def recursive(n, acc):
    if n == 0:
        gc.collect(0)
        return acc
    return recursive(n - 1, acc + [str(n)])
print(recursive(50, [])[-5:])

def deep_args(n):
    local = [n] * 3
    if n > 0:
        inner = deep_args(n - 1)
        gc.collect(0)
        return local + inner
    return local
print(sum(deep_args(100)))

class Maker:
    def __init__(self, *parts, **named):
        self.parts = parts
        self.named = named
    def build(self):
        gc.collect(0)
        return "-".join(self.parts) + ":" + ",".join(f"{k}={v}" for k, v in sorted(self.named.items()))
ms = [Maker(str(i), "x" * i, n=i, m=[i]) for i in range(20)]
gc.collect()
print(ms[5].build(), ms[19].build())
def default_list(x, acc=[]):
    acc.append([x])
    return acc
gc.collect()
for i in range(100):
    default_list(i)
gc.collect(0)
print(len(default_list(-1)), default_list(-2)[50])
lam = [lambda x, i=i: [x, i] for i in range(50)]
gc.collect()
print([f("p") for f in lam[:3]], lam[49]("q"))
