# evil hooks while young bytes are pinned for C (minipy pins a nursery bytes passed as `char *` or to
# from_buffer): the hooks of later arguments allocate enough for collections and drop the caller's
# references to the bytes; the pointer C got, and the one it returns, must stay right
# stress: 10
import gc
from cffi import FFI
from _evil import *

ffi = FFI()
ffi.cdef("""
    void *memchr(const void *s, int c, size_t n);
    char *strchr(const char *s, int c);
    int strncmp(const char *a, const char *b, size_t n);
    int memcmp(const void *a, const void *b, size_t n);
""")
lib = ffi.dlopen(None)


class DropIdx:
    """__int__ (what cffi converts int arguments with) that churns and replaces the items of the
    list holding the bytes being passed (the caller keeps the original alive: on CPython a pointer
    into a dead bytes is garbage)."""

    def __init__(self, v, holder):
        self.v = v
        self.holder = holder

    def __int__(self):
        self.holder[:] = [fresh("replaced") for x in self.holder]
        churn()
        return self.v


class EvilBool:
    """require_writable=: an int to cffi (__index__), here one that churns and drops the bytes."""

    def __init__(self, holder):
        self.holder = holder

    def __index__(self):
        self.holder[:] = [fresh("replaced") for x in self.holder]
        churn()
        return 0


def fresh(s):
    return (s + "-" * 3).encode()  # young bytes


def memchr_case():
    holder = [fresh("alpha:beta")]
    orig = holder[0]
    p = lib.memchr(holder[0], DropIdx(ord(":"), holder), DropIdx(13, holder))
    churn()
    gc.collect()
    return ffi.string(ffi.cast("char *", p)), holder, orig


show("memchr evil n", memchr_case)


def strchr_case():
    holder = [fresh("gamma=delta")]
    orig = holder[0]
    p = lib.strchr(holder[0], DropIdx(ord("="), holder))
    for i in range(3):
        churn()
    return ffi.string(p)


show("strchr evil c", strchr_case)


def two_pins():
    h = [fresh("same-prefix-x")]
    k = [fresh("same-prefix-y")]
    r = lib.strncmp(h[0], k[0], DropIdx(12, h))
    r2 = lib.memcmp(k[0], fresh("same-prefix-y"), DropIdx(13, k))
    return r, r2


show("strncmp/memcmp evil n", two_pins)


def from_buffer_case():
    holder = [fresh("epsilon")]
    orig = holder[0]
    q = ffi.from_buffer(holder[0], require_writable=EvilBool(holder))
    for i in range(3):
        churn()
        gc.collect()
    return ffi.string(q), len(q)


show("from_buffer evil require_writable", from_buffer_case)


def from_buffer_cdecl_case():
    holder = [fresh("zeta-eta")]
    orig = holder[0]
    q = ffi.from_buffer("char[]", holder[0], EvilBool(holder))
    p = lib.memchr(q, DropIdx(ord("e"), holder), DropIdx(len(q), holder))
    churn()
    gc.collect()
    return ffi.string(ffi.cast("char *", p)), ffi.string(q)


show("from_buffer + memchr evil", from_buffer_cdecl_case)


def bad_after_pin():
    holder = [fresh("theta")]
    return lib.memchr(holder[0], ord("t"), BadInt())


show("memchr bad n after pin", bad_after_pin)
show("memchr raising n after pin", lambda: lib.memchr(fresh("kappa"), ord("a"), RaiseInt()))
show("from_buffer require_writable=None", lambda: ffi.from_buffer(fresh("lambda"), require_writable=None))
show("from_buffer require_writable=2.5", lambda: ffi.from_buffer(fresh("mu"), require_writable=2.5))

churn()
gc.collect()
s = gc.get_stats()[0]
print("pins left:", s.get("pinned_objects", 0) == 0)
