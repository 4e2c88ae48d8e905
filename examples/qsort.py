# qsort from libc with a Python comparator (a cffi callback).
from cffi import FFI

ffi = FFI()
ffi.cdef("void qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *));")
lib = ffi.dlopen(None)

calls = 0


@ffi.callback("int(const void *, const void *)")
def compare(a, b):
    global calls
    calls += 1
    x, y = ffi.cast("int *", a)[0], ffi.cast("int *", b)[0]
    return (x > y) - (x < y)


data = [31, 4, 15, 9, 26, 5, 35, 8, 97, 93, 2, 38]
arr = ffi.new("int[]", data)
lib.qsort(arr, len(arr), ffi.sizeof("int"), compare)
print(list(arr), "comparisons:", calls)
assert list(arr) == sorted(data)
print("ok")
