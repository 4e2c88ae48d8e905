# auto-generated file (minipy cffi, out-of-line ABI mode) for module _api_ool
import _cffi_backend

ffi = _cffi_backend.FFI()
ffi.cdef('\n    int abs(int);\n    size_t strlen(const char *);\n    struct pair { int a, b; };\n    #define SEVEN 7\n    enum mode { OFF, ON = 5 };\n', packed=False, pack=None, override=False)
ffi.cdef('typedef struct { char c; double d; } packed_t;', packed=True, pack=None, override=False)
