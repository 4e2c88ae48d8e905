# API mode with the project's own C library (libproj.so, built by interp/tests/cffi_api.rs):
# libraries= / library_dirs= / include_dirs= (relative to tmpdir, as in CFFI), partial struct, int... typedef, function-like
# macro, extern "Python" callback handed to the library with a handle as user data
import sys
from cffi import FFI

ffi = FFI()
ffi.cdef("""
    typedef int... proj_small;
    typedef struct proj_acc proj_acc;
    struct proj_stats { int max; proj_small flags; double mean; long count; ...; };
    typedef int (*proj_visit_fn)(void *userdata, int item);
    #define PROJ_VERSION ...
    int PROJ_CLAMP(int x, int lo, int hi);
    proj_acc *proj_new(void);
    void proj_add(proj_acc *acc, int value);
    void proj_stats(const proj_acc *acc, struct proj_stats *out);
    int proj_each(const proj_acc *acc, proj_visit_fn fn, void *userdata);
    void proj_free(proj_acc *acc);
    extern int proj_instances;
    extern "Python" int on_item(void *userdata, int item);
""")
ffi.set_source("_api_linked", """
    #include "proj.h"
    static int on_item(void *userdata, int item);
""", libraries=["proj"], library_dirs=[".."], include_dirs=[".."],
    extra_link_args=["-Wl,-rpath,$ORIGIN/.."])
ffi.compile(tmpdir="_build")

sys.path.insert(0, "_build")
from _api_linked import ffi, lib

print(lib.PROJ_VERSION, lib.PROJ_CLAMP(15, 0, 10), lib.PROJ_CLAMP(-3, 0, 10))
print(ffi.typeof("proj_small"), ffi.sizeof("struct proj_stats"))
print([(n, f.offset) for n, f in ffi.typeof("struct proj_stats").fields])
acc = lib.proj_new()
print(lib.proj_instances)
for v in [4, 9, -2, 7, 12]:
    lib.proj_add(acc, v)
st = ffi.new("struct proj_stats *")
lib.proj_stats(acc, st)
print(st.count, st.mean, st.max, hex(st.flags))


class Visitor:
    def __init__(self, scale):
        self.scale = scale
        self.items = []


@ffi.def_extern()
def on_item(userdata, item):
    v = ffi.from_handle(userdata)
    v.items.append(item)
    return item * v.scale


v1 = Visitor(1)
v10 = Visitor(10)
h1 = ffi.new_handle(v1)
h10 = ffi.new_handle(v10)
print(lib.proj_each(acc, lib.on_item, h1), v1.items)
print(lib.proj_each(acc, lib.on_item, h10), v10.items)
lib.proj_free(acc)
print(lib.proj_instances)
