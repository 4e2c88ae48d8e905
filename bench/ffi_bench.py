# ffi_bench.py - CFFI call/allocation overhead, reported in ns per operation.
# Runs on CPython + cffi, PyPy (cffi built in) and minipy (native cffi module).
# Lines of the form "<name> <float> ns/op" are timings; every other line is a
# deterministic checksum that must be identical across interpreters.
import sys
import time
from cffi import FFI

N = 1000000     # iterations per measured loop (allocation loops use N // 4)

if len(sys.argv) > 1:
    N = int(sys.argv[1])

ffi = FFI()
ffi.cdef("""
    int abs(int);
    size_t strlen(const char *);
    struct pt { int x, y; };
""")
lib = ffi.dlopen(None)


class Obj:
    def __init__(self, v):
        self.v = v


def now():
    return time.perf_counter()


def report(name, t, n):
    print(f"{name} {t * 1e9 / n:.1f} ns/op")


def bench_empty(n):
    t0 = now()
    s = 0
    for i in range(n):
        s += i
    t = now() - t0
    return t, s


def bench_abs(n):
    f = lib.abs
    t0 = now()
    s = 0
    for i in range(n):
        s += f(-i)
    t = now() - t0
    return t, s


def bench_abs_attr(n):
    t0 = now()
    s = 0
    for i in range(n):
        s += lib.abs(i)
    t = now() - t0
    return t, s


def bench_strlen(n):
    f = lib.strlen
    b = b"hello, minipy ffi benchmark"
    t0 = now()
    s = 0
    for i in range(n):
        s += f(b)
    t = now() - t0
    return t, s


def bench_strlen_young(n):
    # a fresh (nursery) bytes per call: minipy pins it for the call (or copies it, if pinning is off)
    f = lib.strlen
    tail = b"ffi benchmark"
    t0 = now()
    s = 0
    for i in range(n):
        s += f(b"hello, minipy " + tail)
    t = now() - t0
    return t, s


def bench_from_buffer_young(n):
    tail = b"ffi benchmark"
    t0 = now()
    s = 0
    for i in range(n):
        p = ffi.from_buffer(b"hello, minipy " + tail)
        s += ord(p[3])
    t = now() - t0
    return t, s


def bench_new_array(n):
    t0 = now()
    s = 0
    for i in range(n):
        a = ffi.new("int[10]")
        a[3] = i
        s += a[3] + a[4]
    t = now() - t0
    return t, s


def bench_new_int4_roundtrip(n):
    # the small-array round trip: allocate, fill, read back (memory owned by the cdata)
    t0 = now()
    s = 0
    for i in range(n):
        a = ffi.new("int[4]")
        a[0] = i
        a[1] = 1
        a[2] = 2
        a[3] = 3
        s += a[0] + a[2] + a[3]
    t = now() - t0
    return t, s


def bench_struct_read(n):
    p = ffi.new("struct pt *")
    p.x = 3
    p.y = 4
    t0 = now()
    s = 0
    for i in range(n):
        s += p.x + p.y
    t = now() - t0
    return t, s


def bench_struct_write(n):
    p = ffi.new("struct pt *")
    t0 = now()
    for i in range(n):
        p.x = i
        p.y = i
    t = now() - t0
    return t, p.x + p.y


def bench_handle(n):
    o = Obj(7)
    t0 = now()
    s = 0
    for i in range(n):
        h = ffi.new_handle(o)
        s += ffi.from_handle(h).v
    t = now() - t0
    return t, s


def main():
    n = N
    na = N // 4
    results = []
    checks = []
    cases = [
        ("empty_loop", bench_empty, n, 1),
        ("abs_call", bench_abs, n, 1),
        ("abs_via_lib_attr", bench_abs_attr, n, 1),
        ("strlen_bytes", bench_strlen, n, 1),
        ("strlen_young_bytes", bench_strlen_young, n, 1),
        ("from_buffer_young", bench_from_buffer_young, na, 1),
        ("new_int10", bench_new_array, na, 1),
        ("new_int4_roundtrip", bench_new_int4_roundtrip, na, 1),
        ("struct_field_read", bench_struct_read, n, 2),
        ("struct_field_write", bench_struct_write, n, 2),
        ("handle_roundtrip", bench_handle, na, 1),
    ]
    for name, fn, count, per in cases:
        fn(count // 10 + 1)            # warm-up (lets PyPy's JIT compile)
        t, s = fn(count)
        results.append((name, t, count * per))
        checks.append(f"{name}={s}")
    print("checks " + " ".join(checks))
    for name, t, ops in results:
        report(name, t, ops)


main()
