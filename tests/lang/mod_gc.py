# The gc module: collect, collect(0), enable/disable/isenabled (values of collect() are not printed).
import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
data = [[i] * 3 for i in range(1000)]
gc.enable()
print(gc.isenabled())
r = gc.collect()
print(type(r).__name__)
r0 = gc.collect(0)
print(type(r0).__name__)
print(sum(x[0] for x in data), len(data))
gc.disable()
for i in range(2000):
    data.append({"k": i})
gc.collect()
gc.enable()
print(len(data), data[-1], data[999], data[1000])
for _ in range(3):
    gc.collect(0)
    gc.collect()
print("collections ok", gc.isenabled())
