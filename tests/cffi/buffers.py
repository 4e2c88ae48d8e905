# ffi.buffer, ffi.from_buffer, ffi.memmove, ffi.unpack
from cffi import FFI

ffi = FFI()
ffi.cdef("size_t strlen(const char *);")
lib = ffi.dlopen(None)
p = ffi.new("char[]", b"hello world")
b = ffi.buffer(p)
print(len(b), b[0], b[0:5], b[:], bytes(b[6:]))
b[0:5] = b"HELLO"
print(ffi.string(p), b[-1])
b[0] = b"J"
print(ffi.string(p))
b2 = ffi.buffer(p, 4)
print(len(b2), b2[:])
ip = ffi.new("int[3]", [1, 2, 3])
print(len(ffi.buffer(ip)), ffi.buffer(ip)[0:4])

ba = bytearray(b"abcdef")
c = ffi.from_buffer(ba)
print(repr(c), len(c), c[0], lib.strlen(ffi.from_buffer(bytearray(b"xyz\0"))))
c[0] = b"Z"
print(ba)
bb = b"immutable"
cb = ffi.from_buffer(bb)
print(len(cb), cb[2], repr(cb))
ci = ffi.from_buffer("int[]", bytearray(8))
print(repr(ci), len(ci))
try:
    ffi.from_buffer(bb, require_writable=True)
except BufferError:
    print("BufferError")
with ffi.from_buffer(bytearray(b"tmp")) as r:
    print(r[1])
print(repr(r))

dst = ffi.new("char[10]")
ffi.memmove(dst, b"abcdef", 6)
print(ffi.string(dst))
ffi.memmove(dst + 1, dst, 5)
print(ffi.string(dst))
target = bytearray(4)
ffi.memmove(target, ffi.new("char[]", b"wxyz"), 4)
print(target)
arr = ffi.new("int[]", [5, 6, 7])
print(ffi.unpack(arr, 3), ffi.unpack(ffi.new("char[]", b"a\0b"), 3))
print(ffi.unpack(ffi.cast("int *", arr), 2), ffi.unpack(arr, 0))
