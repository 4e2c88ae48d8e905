# A program in four phases, written to be looked at with the GC trace and its report:
#   MINIPY_GC_TRACE=trace.jsonl MINIPY_GC_NURSERY=256k minipy examples/gc_timeline_demo.py
#   minipy --gc-report trace.jsonl -o report.html
# 1. short-lived garbage: many minor collections, almost nothing survives;
# 2. a long-lived table grows: survivors per minor collection rise, the old generation grows,
#    major collections start;
# 3. C memory: ffi.new buffers (external bytes, they never move), ffi.gc finalizers and
#    new_handle handles kept alive by a list;
# 4. everything is dropped: the next major collection frees the table, queues the finalizers,
#    and the handles die with their cdata.
# Under MINIPY_GC_STRESS (a collection at every allocation, as the example test runs it) each phase
# does a twentieth of the work: the same shapes, in seconds instead of minutes.
import gc
import os
import __minipy__ as mp
from cffi import FFI

ffi = FFI()
freed = []
SCALE = 20 if os.environ.get("MINIPY_GC_STRESS") else 1
N_GARBAGE, N_TABLE, N_CDATA, N_TAIL = (n // SCALE for n in (60000, 40000, 2000, 20000))


def phase(name):
    s = mp.gc_counters()
    print(f"{name:<28} minor={s['minor_collections']:<4} major={s['major_collections']:<3} "
          f"old={s['old_bytes'] // 1024}K external={s['external_bytes'] // 1024}K "
          f"handles={s['live_handles']}")


# 1. Short-lived garbage.
total = 0
for i in range(N_GARBAGE):
    tmp = [i, str(i), (i, i + 1)]
    total += len(tmp[1])
phase("1 short-lived garbage")

# 2. A long-lived table.
table = {}
for i in range(N_TABLE):
    table[i] = [str(i) * 3, float(i)]
phase("2 long-lived table")

# 3. C memory, finalizers and handles.
class Owner:
    def __init__(self, k):
        self.k = k


buffers = []
handles = []
for i in range(N_CDATA):
    buf = ffi.gc(ffi.new("char[]", 512), lambda p: freed.append(1))
    buffers.append(buf)
    if i % 4 == 0:
        handles.append(ffi.new_handle(Owner(i)))
check = ffi.from_handle(handles[-1]).k    # the handle still finds its object
phase("3 cdata + handles")

# 4. Drop it all; a full collection finds the dead and queues their finalizers.
del table, buffers, buf, handles
gc.collect()
for i in range(N_TAIL):          # a little more work, so the finalizers run and a few minors follow
    tmp = [i, str(i)]
phase("4 dropped")
print("handle check:", check, "finalizers run:", len(freed))
assert check == (N_CDATA - 1) // 4 * 4 and len(freed) == N_CDATA
