# calls into the project's own C library: globals, struct by value, callbacks, stored pointers
import gc
from cffi import FFI

ffi = FFI()
ffi.cdef("""
    typedef int (*tl_cb_t)(void *handle, int value);
    struct tl_point { int x, y; };
    struct tl_node { int value; struct tl_node *next; };
    extern int tl_counter;
    extern const char *tl_name;
    extern int tl_array[4];
    struct tl_point tl_make_point(int x, int y);
    int tl_point_sum(struct tl_point p);
    void tl_point_scale(struct tl_point *p, int k);
    int tl_apply(int (*f)(int), int v);
    double tl_avg(const double *xs, int n);
    void tl_fill(int *out, int n, int start);
    int tl_list_sum(struct tl_node *n);
    char *tl_upper(char *s);
    int tl_missing_function(int);
""")
lib = ffi.dlopen("./libtestlib.so")
print(lib.tl_counter, ffi.string(lib.tl_name), list(lib.tl_array))
lib.tl_counter = 41
print(lib.tl_counter)
lib.tl_array[2] = 30
print(lib.tl_array[2], len(lib.tl_array))
p = lib.tl_make_point(3, 4)
print(repr(p).startswith("<cdata 'struct tl_point' owning 8 bytes"), p.x, p.y)
print(lib.tl_point_sum(p), lib.tl_point_sum([5, 6]), lib.tl_point_sum({"x": 1, "y": 2}))
pp = ffi.new("struct tl_point *", [2, 3])
lib.tl_point_scale(pp, 10)
print(pp.x, pp.y)
print(lib.tl_apply(ffi.callback("int(int)", lambda v: v * 3), 14))
print(lib.tl_avg([1.0, 2.0, 4.5], 3), lib.tl_avg(ffi.new("double[]", [2, 4]), 2))
out = ffi.new("int[5]")
lib.tl_fill(out, 5, 100)
print(list(out))
nodes = ffi.new("struct tl_node[3]")
for i in range(3):
    nodes[i].value = i + 1
    nodes[i].next = nodes + i + 1 if i < 2 else ffi.NULL
print(lib.tl_list_sum(nodes))
s = ffi.new("char[]", b"shout")
print(ffi.string(lib.tl_upper(s)), ffi.string(s))
try:
    lib.tl_missing_function(1)
except AttributeError as e:
    print("AttributeError", "tl_missing_function" in str(e))
try:
    lib.not_declared
except AttributeError:
    print("AttributeError")
print(ffi.addressof(lib, "tl_counter")[0], ffi.addressof(lib, "tl_point_sum")([1, 1]))
ffi.dlclose(lib)
try:
    lib.tl_fill
except Exception as e:
    print(type(e).__name__, e)
try:
    ffi.dlclose(lib)
except Exception as e:
    print(type(e).__name__, e)
