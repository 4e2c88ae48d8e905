# Pinning: a young bytes object handed to C stays where C was told it is.
#  - ffi.from_buffer(b) pins b in the nursery while the cdata lives: minor collections copy the
#    objects around it out to the old generation, but leave b in place (no copy is made);
#  - after ffi.release() the pin ends and the next minor collection moves b like any object.
import gc
import __minipy__ as mp
from cffi import FFI

ffi = FFI()
ffi.cdef("size_t strlen(const char *);")
lib = ffi.dlopen(None)


def pins():
    s = gc.get_stats()[0]
    return "pinned now %d, pins %d, nursery bytes lost to pins %d" % (
        s["pinned_objects"], s["pins_total"], s["pinned_lost_total"])


b = b"pinned " + b"bytes"              # a new bytes object: in the nursery
neighbour = [1, 2, 3]                  # allocated right after it
print("b in nursery:", mp.in_nursery(b), " neighbour in nursery:", mp.in_nursery(neighbour))
buf = ffi.from_buffer(b)
c0, b0, n0 = int(ffi.cast("uintptr_t", buf)), mp.addr(b), mp.addr(neighbour)
print(pins())

for i in range(3):
    junk = [[k] for k in range(50000)]  # fill the nursery: minor collections happen
    gc.collect(0)
    c, a, n = int(ffi.cast("uintptr_t", buf)), mp.addr(b), mp.addr(neighbour)
    print("round %d: C sees %#x (same: %s), b at %#x (same: %s, in nursery: %s), "
          "neighbour moved: %s" % (i, c, c == c0, a, a == b0, mp.in_nursery(b), n != n0))
    print("   C reads", lib.strlen(buf), "bytes:", ffi.string(buf))
print(pins())

ffi.release(buf)                       # the pin ends: b may move again
gc.collect(0)
print("after release: b moved: %s, in nursery: %s, value %r" % (mp.addr(b) != b0, mp.in_nursery(b), b))
print(pins())
