# ffi.new("char[]", ...), ffi.cast and ffi.string, as in the talk.
from cffi import FFI

ffi = FFI()
ffi.cdef("size_t strlen(const char *); char *strchr(const char *, int);")
lib = ffi.dlopen(None)

x = ffi.new("char[]", b"Some string")
print(x)
assert repr(x) == "<cdata 'char[]' owning 12 bytes>"
print(len(x), lib.strlen(x), ffi.string(x))
assert (len(x), lib.strlen(x), ffi.string(x)) == (12, 11, b"Some string")

p = lib.strchr(x, ord("s"))
print(ffi.string(p), p - ffi.cast("char *", x))
assert ffi.string(p) == b"string" and p - ffi.cast("char *", x) == 5

n = ffi.cast("int", 42)
print(n, int(n))
assert repr(n) == "<cdata 'int' 42>" and int(n) == 42
print(ffi.cast("unsigned char", 300), ffi.cast("char", 65), ffi.cast("double", 1.5))
assert int(ffi.cast("unsigned char", 300)) == 44
addr = ffi.cast("intptr_t", x)
assert ffi.cast("char *", addr) == x
print(ffi.string(ffi.cast("char *", addr), 4))
print("ok")
