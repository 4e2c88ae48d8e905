# Old instances and classes receive young objects through attribute stores.
import gc

class Node:
    pass

class Config:
    registry = []

n = Node()
n.first = "initial"
objs = [Node() for _ in range(50)]
gc.collect()
n.first = ["young", "list"]
n.second = {"young": "dict"}
for i in range(30):  # grow the instance's attribute storage
    setattr(n, f"attr{i}", (i, [i] * 2))
Config.registry = [Node()]
Config.fresh = {"made": "after collect"}
Config.registry[0].tag = "tagged"
for i, o in enumerate(objs):
    o.payload = [i, str(i), float(i)]
    o.link = objs[(i + 1) % len(objs)]
gc.collect(0)
print(n.first, n.second, n.attr0, n.attr29, Config.fresh, Config.registry[0].tag)
print(objs[10].payload, objs[49].link.payload, objs[0].link.link.payload)
gc.collect()
print(sum(o.payload[0] for o in objs), sum(getattr(n, f"attr{i}")[0] for i in range(30)))
class Counter:
    count = 0
    history = []
for i in range(100):
    Counter.count += 1
    Counter.history = Counter.history + [str(i)]
    if i % 30 == 0:
        gc.collect(0)
gc.collect(0)
print(Counter.count, len(Counter.history), Counter.history[-1])
class Lazy:
    @property
    def value(self):
        try:
            return self._value
        except AttributeError:
            self._value = [n for n in range(5)]
            return self._value
lz = Lazy()
gc.collect()
print(lz.value)
gc.collect(0)
print(lz.value, vars(lz))
for o in objs:
    del o.link
gc.collect()
print(hasattr(objs[0], "link"), objs[0].payload)
