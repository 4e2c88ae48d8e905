# type introspection: typeof, sizeof, alignof, offsetof, getctype, list_types, ctype attributes
from cffi import FFI

ffi = FFI()
ffi.cdef("""
    typedef int myint;
    typedef struct { int b; double d; } t_t;
    struct s { char c; int a[3]; struct s *next; };
    union u { int x; char y[6]; };
    enum e { A, B = 4, C };
    typedef int (*fn_t)(int, char *);
    typedef ... opaque_t;
""")
print(ffi.list_types())
print(ffi.sizeof("int"), ffi.sizeof("long"), ffi.sizeof("t_t"), ffi.sizeof("struct s"), ffi.sizeof("union u"))
print(ffi.alignof("t_t"), ffi.alignof("struct s"), ffi.alignof("char"), ffi.alignof("double"))
print(ffi.offsetof("struct s", "a"), ffi.offsetof("struct s", "next"), ffi.offsetof("int *", 2), ffi.offsetof("struct s", "a", 2))
print(ffi.typeof("myint") is ffi.typeof("int"), ffi.typeof("myint"))
print(ffi.getctype("char[80]", "a"), "|", ffi.getctype("int *"), "|", ffi.getctype("int[5]", "*p"), "|", ffi.getctype("struct s", "x"))
t = ffi.typeof("struct s")
print(t.kind, t.cname, [(n, f.type, f.offset, f.bitshift, f.bitsize) for n, f in t.fields])
print(ffi.typeof("int *").kind, ffi.typeof("int *").item, ffi.typeof("int[3]").length, ffi.typeof("int[]").length)
f = ffi.typeof("fn_t")
print(f.kind, f.args, f.result, f.ellipsis, f.cname)
e = ffi.typeof("enum e")
print(e.kind, sorted(e.elements.items()), sorted(e.relements.items()))
print(ffi.typeof("union u").kind, ffi.typeof("int").kind, ffi.typeof("void").kind if False else "void")
print(ffi.sizeof(ffi.new("int[]", 5)), ffi.sizeof(ffi.new("int *")), ffi.sizeof(ffi.cast("short", 1)))
try:
    ffi.sizeof("opaque_t")
except Exception as ex:
    print(type(ex).__name__, ex)
try:
    ffi.new("opaque_t *")
except Exception as ex:
    print(type(ex).__name__, ex)
print(ffi.typeof("opaque_t *"))
