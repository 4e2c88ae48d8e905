# Old closure cells (nonlocal) and module globals receive young objects.
import gc

def make_accumulator():
    items = []
    latest = None
    def add(x):
        nonlocal items, latest
        items = items + [x]      # rebinds the old cell to a young list
        latest = {"last": x}     # young dict into the old cell
        return len(items)
    def get():
        return items, latest
    return add, get

add, get = make_accumulator()
add("first")
gc.collect()
for i in range(100):
    add((i, str(i)))
    if i % 20 == 0:
        gc.collect(0)
gc.collect(0)
items, latest = get()
print(len(items), items[:3], items[-1], latest)
gc.collect()
print(get()[1], get()[0][50])

state = None
table = {}
def set_global(v):
    global state
    state = v
set_global("old value")
gc.collect()
set_global([1, 2, {"fresh": True}])
table = {i: [i] for i in range(10)}  # module-level rebinding
gc.collect(0)
print(state, table[9])
gc.collect()
print(state[2]["fresh"], sum(v[0] for v in table.values()))

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 10 ** 20  # big ints are heap objects: young ones land in the old cell
        return n
    return inc
inc = counter()
gc.collect()
for _ in range(5):
    inc()
    gc.collect(0)
print(inc())
def make_chain(depth):
    fs = []
    def step(k):
        return lambda x: x + [k]
    for k in range(depth):
        fs.append(step(str(k)))
    return fs
chain = make_chain(30)
gc.collect()
acc = []
for f in chain:
    acc = f(acc)
gc.collect(0)
print(acc[:5], len(acc))
