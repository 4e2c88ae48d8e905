# Big OLD containers (a list of 60000 items, a dict of 25000 keys: card-marked arrays in minipy's
# gc) receive young objects through every kind of store - sequential and random item stores, appends
# into spare capacity, inserts and deletes that move young references between cards, slice stores,
# sort and reverse, dict updates and inserts - with minor and full collections in between; then every
# item is read back and checked against a model kept in plain ints.
import gc

N = 60000
M = 25000


class Box:
    def __init__(self, v):
        self.v = v


def val(x):
    # The int behind any stored item (int, Box, list, tuple).
    if isinstance(x, Box):
        return x.v
    if isinstance(x, list):
        return x[0]
    if isinstance(x, tuple):
        return x[1]
    return x


state = 12345


def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return (state >> 4) % n


def check_list(lst, model, what):
    bad = [i for i in range(len(model)) if val(lst[i]) != model[i]]
    print(what, len(lst) == len(model), len(bad), bad[:3])


def check_dict(d, model, what):
    bad = [k for k in model if val(d[k]) != model[k]]
    print(what, len(d) == len(model), len(bad), sorted(bad)[:3])


lst = list(range(N))
model = list(range(N))
gc.collect()  # lst and its item array are old now

# Sequential stores of young objects, then of ints over half of them.
for i in range(0, N, 3):
    lst[i] = Box(i * 7)
    model[i] = i * 7
gc.collect(0)
for i in range(0, N, 6):
    lst[i] = -i
    model[i] = -i
check_list(lst, model, "sequential")

# Random stores, a minor collection every 500 stores.
for k in range(6000):
    i = rnd(N)
    v = rnd(1000000)
    lst[i] = [v] if k % 2 else Box(v)
    model[i] = v
    if k % 500 == 499:
        gc.collect(0)
gc.collect(0)
check_list(lst, model, "random")

# Appends into the old array's spare capacity, inserts and deletes that shift young references
# across cards.
for k in range(300):
    lst.append(Box(N + k))
    model.append(N + k)
gc.collect(0)
for k in range(40):
    j = rnd(len(lst))
    lst.insert(j, (0, 10 ** 6 + k))
    model.insert(j, 10 ** 6 + k)
    if k % 10 == 0:
        gc.collect(0)
for k in range(40):
    j = rnd(len(lst))
    del lst[j]
    del model[j]
lst.pop(0)
model.pop(0)
gc.collect(0)
check_list(lst, model, "insert/delete")

# A slice store, an extended slice store, then reverse and sort in place.
lst[100:200] = [Box(-k) for k in range(100)]
model[100:200] = [-k for k in range(100)]
lst[5::997] = [[k] for k in range(len(lst[5::997]))]
model[5::997] = list(range(len(model[5::997])))
gc.collect(0)
lst.reverse()
model.reverse()
gc.collect(0)
check_list(lst, model, "slices/reverse")
lst.sort(key=val)
model.sort()
gc.collect(0)
check_list(lst, model, "sort")
gc.collect()
check_list(lst, model, "after full collection")

# The dict: random updates of existing keys (old entries array), new keys, deletions.
d = {k: k for k in range(M)}
dmodel = dict(d)
gc.collect()
for k in range(5000):
    key = rnd(M)
    v = rnd(1000000)
    d[key] = Box(v) if k % 3 else [v]
    dmodel[key] = v
    if k % 700 == 0:
        gc.collect(0)
gc.collect(0)
check_dict(d, dmodel, "dict random")
for key in range(0, M, 2):
    d[key] = (key, key + 1)
    dmodel[key] = key + 1
gc.collect(0)
for key in range(0, M, 5):
    del d[key]
    del dmodel[key]
for k in range(2000):
    d[M + k] = Box(k)
    dmodel[M + k] = k
gc.collect(0)
check_dict(d, dmodel, "dict sequential/insert/delete")
gc.collect()
check_dict(d, dmodel, "dict after full collection")
print(sum(val(x) for x in lst) % 1000003, sum(val(x) for x in d.values()) % 1000003)
