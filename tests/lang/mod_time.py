# The time module: only types and monotonicity are checked, never values.
import time
t = time.time()
p1 = time.perf_counter()
s = 0
for i in range(1000):
    s += i
p2 = time.perf_counter()
print(type(t).__name__, t > 1.5e9, type(p1).__name__, p2 >= p1, s)
print(type(time.monotonic()).__name__, time.monotonic() <= time.monotonic())
time.sleep(0.001)
print(time.time() >= t)
