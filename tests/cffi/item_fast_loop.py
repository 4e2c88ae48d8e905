# cdata items read and written by the eval loop's fast path (the registered item hooks called
# from the loop itself): values, conversions that allocate (doubles, long longs past the small
# ints), and the errors, whose traceback lines must be the subscript's own.
import traceback
from cffi import FFI

ffi = FFI()
ffi.cdef("struct pt { int x, y; };")


def fill_and_sum(n):
    a = ffi.new("int[4]")
    total = 0
    for i in range(n):
        a[0] = i
        a[1] = i + 1
        a[2] = -i
        a[3] = 7
        total += a[0] + a[1] + a[3]
    return total


print(fill_and_sum(20000))

d = ffi.new("double[8]")
acc = []
for i in range(3000):
    d[i % 8] = i * 0.5
    acc.append(d[(i + 7) % 8])
print(sum(acc), acc[-3:])

big = ffi.new("long long[3]")
for i in range(2000):
    big[i % 3] = (1 << 62) + i
print(big[0], big[1], big[2], type(big[2]).__name__)

u = ffi.new("unsigned char[4]")
u[1] = 255
print(list(u), ffi.new("char[3]", b"ab")[1])

ps = ffi.new("struct pt[2]")
ps[1].x = 5
print(ps[1].x, ps[0].y)


def show(f):
    try:
        f()
    except Exception as e:
        # the source line of the failing frame (CPython 3.11 adds a caret line under it)
        tb = [ln.strip() for ln in traceback.format_exc().splitlines()]
        tb = [ln for ln in tb if ln and not set(ln) <= set("~^")]
        print(type(e).__name__, e, "|", tb[-2])


a = ffi.new("int[4]")


def bad_index():
    return a[4]


def bad_store():
    a[0] = "x"


def overflow():
    a[1] = 1 << 40


def neg_index():
    a[-1] = 3


def float_store():
    a[2] = 1.5


show(bad_index)
show(bad_store)
show(overflow)
show(neg_index)
show(float_store)
print(list(a))
