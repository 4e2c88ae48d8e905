# bytes passed as `char *` are passed in place (not copied for the call): a pointer C returns into
# the argument stays valid, with the same contents, as long as the bytes object lives, across
# collections (the object is young when passed: it must be where C was told it is).
import gc
from cffi import FFI

ffi = FFI()
ffi.cdef("""
    char *strchr(const char *s, int c);
    char *strstr(const char *h, const char *n);
    size_t strlen(const char *s);
    void *memchr(const void *s, int c, size_t n);
""")
lib = ffi.dlopen(None)

keep = []
ptrs = []
for i in range(200):
    b = ("item-%d:value-%d" % (i, i * i)).encode()  # a fresh, young bytes object
    p = lib.strchr(b, ord(":"))
    keep.append(b)
    ptrs.append(p)
    junk = [list(range(20)) for _ in range(20)]  # collections while the pointers are held
gc.collect()
ok = all(ffi.string(p) == b[b.index(b":"):] for p, b in zip(ptrs, keep))
print("strchr results valid after collections:", ok)
print(ffi.string(ptrs[7]), ffi.string(ptrs[199]))

# the address is the object's own data: two calls give pointers into the same buffer
b = b"hello, world"
p1 = lib.strchr(b, ord("o"))
p2 = lib.strstr(b, b"world")
gc.collect()
print(int(ffi.cast("intptr_t", p2)) - int(ffi.cast("intptr_t", p1)))
print(ffi.string(p1), ffi.string(p2))

# every length is NUL-terminated, including multiples of the word size
for n in (0, 1, 7, 8, 15, 16, 17, 64):
    s = b"x" * n
    print(n, lib.strlen(s), lib.strlen(bytes(s)))

# embedded NULs: C sees the prefix
print(lib.strlen(b"ab\x00cd"))
print(ffi.string(ffi.cast("char *", lib.memchr(b"abcdef", ord("d"), 6))))
