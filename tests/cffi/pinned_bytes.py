# Young bytes handed to C stay where C was told they are: minipy pins them in the nursery (no copy)
# for a call, while a `char *` result points into them, and while a from_buffer cdata holds them.
# Pointers are used across many allocations and collections; pins end on release, with-exit, errors.
import gc
import os
from cffi import FFI

ffi = FFI()
ffi.cdef("""
    char *strchr(const char *s, int c);
    size_t strlen(const char *s);
    void *memchr(const void *s, int c, size_t n);
    int strncmp(const char *a, const char *b, size_t n);
""")
lib = ffi.dlopen(None)


def addr(p):
    return int(ffi.cast("uintptr_t", p))


def stats():
    # minipy's heap counters; CPython has none (the checks below print True there). Under the GC
    # stress modes (a collection at every allocation) a bytes is often old before C sees it, so
    # nothing is pinned: only the plain mode checks that pins were taken.
    s = gc.get_stats()[0]
    return s if "pinned_objects" in s else None


def plain():
    return stats() is not None and not os.environ.get("MINIPY_GC_STRESS")


def churn(n):
    keep = [[i, str(i)] for i in range(n)]
    for i in range(n):
        junk = [i] * 8
    return len(keep)


# strchr into a young bytes: the result stays valid (same address, same contents) while it lives
b = ("key-%d:value" % 12345).encode()
p = lib.strchr(b, ord(":"))
a0 = addr(p)
same = True
for r in range(6):
    churn(20000)
    if r % 2:
        gc.collect()
    same = same and addr(p) == a0 and ffi.string(p) == b":value"
print("strchr result valid:", same, ffi.string(p))
st = stats()
print("result holds a pin:", not plain() or st["pinned_objects"] >= 1)

# from_buffer of a young bytes: C reads through it across collections
data = b"abc" + b"-defgh" * 3
q = ffi.from_buffer(data)
a1 = addr(q)
ok = True
for r in range(4):
    churn(30000)
    gc.collect()
    ok = ok and addr(q) == a1 and lib.strlen(q) == len(data)
    ok = ok and ffi.string(ffi.cast("char *", lib.memchr(q, ord("g"), len(data)))) == b"gh-defgh-defgh"
print("from_buffer stable:", ok, ffi.string(q), len(q))
st = stats()
print("from_buffer pinned:", not plain() or st["pinned_objects"] >= 2)

# release and with-exit end the pin; the bytes keeps its value wherever it moves
ffi.release(q)
print(repr(q).endswith("RELEASED>"))
churn(20000)
gc.collect()
print(data)
with ffi.from_buffer(b"xyz" + b"w") as w:
    print(lib.strlen(w), ffi.string(w))
churn(20000)
gc.collect()

# many live from_buffer cdatas (more than the heap pins: the rest are copied) all read right
bufs = [("buf%03d" % i).encode() + b"!" for i in range(250)]
cds = [ffi.from_buffer(x) for x in bufs]
churn(20000)
gc.collect()
print(all(ffi.string(c) == x for c, x in zip(cds, bufs)), sum(lib.strlen(c) for c in cds))
st = stats()
print("pins bounded:", st is None or st["pinned_objects"] <= 100)
del cds
churn(20000)
gc.collect()
gc.collect()

# errors after a bytes argument was pinned: the pin does not leak
for i in range(300):
    try:
        lib.strncmp(b"abc" + b"d", b"abc" + b"e", "three")
    except TypeError as e:
        err = str(e)
    try:
        ffi.from_buffer("char[100]", b"short" + b"!")
    except ValueError as e:
        err2 = str(e)
print(err)
print(err2)
print(lib.strncmp(b"abc" + b"d", b"abc" + b"e", 3), lib.strncmp(b"abc" + b"d", b"abc" + b"e", 4) < 0)
del p, b
churn(20000)
gc.collect()
gc.collect()
st = stats()
print("no pin left:", st is None or st["pinned_objects"] == 0)
print("pins used:", not plain() or st["pins_total"] > 300)
