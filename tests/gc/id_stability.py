# id(x) is stable across minor and full collections, for young and old objects.
import gc

class Thing:
    pass

young = [Thing(), [1, 2], {"k": "v"}, "a string built at runtime " + str(42), (1, [2]), 10 ** 30, 3.5 * 2]
ids = [id(x) for x in young]
gc.collect(0)
print([id(x) == before for x, before in zip(young, ids)])
gc.collect()
print([id(x) == before for x, before in zip(young, ids)])
for _ in range(3):
    garbage = [[i] for i in range(1000)]
    gc.collect(0)
print(all(id(x) == before for x, before in zip(young, ids)))
many = [Thing() for _ in range(2000)]
many_ids = [id(t) for t in many]
print(len(set(many_ids)) == len(many))
gc.collect(0)
gc.collect()
print(all(id(t) == i for t, i in zip(many, many_ids)), len(set(id(t) for t in many)) == len(many))
by_id = {id(t): t for t in many}
gc.collect()
print(all(by_id[id(t)] is t for t in many))
x = Thing()
before = id(x)
x.attr = [Thing() for _ in range(10)]
gc.collect(0)
print(id(x) == before, id(x.attr) == id(x.attr))
a = Thing()
ida = id(a)
b = a
gc.collect()
print(id(b) == ida, b is a)
