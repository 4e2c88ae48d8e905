# API mode: [...] lengths in struct members (multi-dimensional) and globals (char[], pointer arrays),
# flexible array members; the module is built into _build/
import sys
from cffi import FFI
ffi = FFI()
ffi.cdef("""
    struct q { int m[...][3]; char name[...]; ...; };
    struct r { int n; double v[]; };
    extern struct q gq;
    extern char msg[...];
    extern const char *names[...];
""")
ffi.set_source("_api_arrays_dots", """
    struct q { int x; int m[4][3]; char name[10]; };
    struct r { int n; double v[]; };
    struct q gq = {1, {{1,2,3},{4,5,6}}, "hi"};
    char msg[] = "hello there";
    const char *names[] = {"a", "bb", "ccc"};
""")
ffi.compile(tmpdir="_build")
sys.path.insert(0, "_build")
from _api_arrays_dots import ffi, lib
print(ffi.typeof("struct q").fields[0][1].type, ffi.sizeof("struct q"), ffi.offsetof("struct q", "m"))
print(list(lib.gq.m[1]), ffi.string(lib.gq.name), ffi.typeof(lib.gq.name))
print(ffi.typeof(lib.msg), ffi.string(lib.msg))
print(ffi.typeof(lib.names), [ffi.string(x) for x in lib.names])
r = ffi.new("struct r *", [2, [1.5, 2.5]])
print(r.v[1], ffi.sizeof(r[0]))
q = ffi.new("struct q *", {"m": [[1, 2, 3]] * 4})
print(list(q.m[3]))
