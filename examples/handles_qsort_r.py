# new_handle / from_handle through C: glibc's qsort_r passes our handle back to the comparator,
# which recovers the Python object (a sort key table and a call counter) from the void *.
import gc
from cffi import FFI

ffi = FFI()
ffi.cdef("""
    void qsort_r(void *base, size_t nmemb, size_t size,
                 int (*compar)(const void *, const void *, void *), void *arg);
""")
lib = ffi.dlopen(None)


class Sorter:
    def __init__(self, keys):
        self.keys = keys
        self.calls = 0


@ffi.callback("int(const void *, const void *, void *)")
def by_key(a, b, arg):
    s = ffi.from_handle(arg)          # the very same Sorter object
    s.calls += 1
    ka = s.keys[ffi.cast("int *", a)[0]]
    kb = s.keys[ffi.cast("int *", b)[0]]
    garbage = [ka, kb] * 20           # allocations: minor collections happen during the sort
    return (ka > kb) - (ka < kb)


words = ["pear", "fig", "banana", "kiwi", "apple", "cherry", "date", "grape"]
sorter = Sorter({i: w for i, w in enumerate(words)})
h = ffi.new_handle(sorter)
token = int(ffi.cast("intptr_t", h))
idx = ffi.new("int[]", list(range(len(words))))
lib.qsort_r(idx, len(words), ffi.sizeof("int"), by_key, h)
result = [words[i] for i in idx]
print(result, "calls:", sorter.calls)
assert result == sorted(words)
gc.collect()
assert ffi.from_handle(h) is sorter and int(ffi.cast("intptr_t", h)) == token
print(repr(ffi.new_handle("a string"))[:40] + "...")
print("ok")
