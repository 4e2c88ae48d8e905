# gc.disable(): allocation keeps working (the nursery may still need to be emptied); enable and collect.
import gc

gc.disable()
print(gc.isenabled())
big = []
for i in range(30000):
    big.append((i, [i]))
print(len(big), big[-1])
gc.collect()  # explicit collections work even when disabled
print(big[12345])
gc.enable()
more = [str(i) for i in range(10000)]
gc.collect(0)
print(gc.isenabled(), len(more), more[-1], big[29999][1])
gc.disable()
gc.disable()
gc.enable()
print(gc.isenabled())
