# Objects with identity hashing (no __hash__) as dict keys and set members surviving collections.
import gc

class Plain:
    def __init__(self, n):
        self.n = n

objs = [Plain(i) for i in range(500)]
table = {o: o.n * 2 for o in objs}
members = set(objs[::3])
gc.collect(0)
print(all(table[o] == o.n * 2 for o in objs), sum(1 for o in objs if o in members))
gc.collect()
print(all(table[o] == o.n * 2 for o in objs), sum(1 for o in objs if o in members))
fresh = [Plain(-i) for i in range(200)]
for o in fresh:
    table[o] = "fresh"
    members.add(o)
gc.collect(0)
print(len(table), len(members), all(table[o] == "fresh" for o in fresh), all(o in members for o in fresh))
for o in objs[:250]:
    del table[o]
    members.discard(o)
gc.collect()
print(len(table), len(members), objs[0] in table, objs[300] in table, table[objs[499]])
print(Plain(1) in table, object() in members)
funcs = {}
def f(): pass
def g(): pass
funcs[f] = "f"
funcs[g] = "g"
funcs[Plain] = "class"
funcs[len] = "builtin"
gc.collect()
print(funcs[f], funcs[g], funcs[Plain], funcs[len])
o = objs[400]
h = hash(o)
gc.collect(0)
gc.collect()
print(hash(o) == h, hash(objs[400]) == h)
