# set_source(name, None): out-of-line ABI mode writes a Python module, imported from _build/
import sys
from cffi import FFI

ffi = FFI()
ffi.cdef("""
    int abs(int);
    size_t strlen(const char *);
    struct pair { int a, b; };
    #define SEVEN 7
    enum mode { OFF, ON = 5 };
""")
ffi.cdef("typedef struct { char c; double d; } packed_t;", packed=True)
ffi.set_source("_api_ool", None)
path = ffi.compile(tmpdir="_build")
print(path)

sys.path.insert(0, "_build")
from _api_ool import ffi as offi

lib = offi.dlopen(None)
print(lib.abs(-9), lib.strlen(b"four"), lib.SEVEN, lib.ON)
p = offi.new("struct pair *", [1, 2])
print(p.a + p.b, offi.sizeof("struct pair"), offi.sizeof("packed_t"))

try:
    ffi.emit_c_code("_build/never.c")
except TypeError as e:
    print("TypeError", e)
api = FFI()
api.set_source("_api_never", "")
try:
    api.emit_python_code("_build/never.py")
except TypeError as e:
    print("TypeError", e)
