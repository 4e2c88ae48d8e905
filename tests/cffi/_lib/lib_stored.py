# C keeps a handle, a callback and pointers to ffi.new memory across calls; collections
# (minor and major) run in between and during the callbacks
import gc
from cffi import FFI

ffi = FFI()
ffi.cdef("""
    typedef int (*tl_cb_t)(void *handle, int value);
    void tl_store_handle(void *h);
    void *tl_get_handle(void);
    void tl_register(tl_cb_t cb, void *h);
    int tl_fire(int value);
    int tl_fire_many(int n);
    void tl_store_ptr(int *p, int n);
    int tl_sum_stored(void);
    void tl_clear_stored(void);
""")
lib = ffi.dlopen("./libtestlib.so")


class Counter:
    def __init__(self, name):
        self.name = name
        self.seen = []


c = Counter("first")
h = ffi.new_handle(c)
lib.tl_store_handle(h)
junk = [{"k": i} for i in range(3000)]
gc.collect(0)
gc.collect()
back = lib.tl_get_handle()
print(back == h, ffi.from_handle(back) is c, ffi.from_handle(back).name)


@ffi.callback("tl_cb_t")
def on_event(handle, value):
    obj = ffi.from_handle(handle)
    obj.seen.append(value)
    tmp = [str(value)] * 10    # allocate inside the callback
    if value % 3 == 0:
        gc.collect(0)
    return value * 2


lib.tl_register(on_event, h)
gc.collect()
print(lib.tl_fire(5), c.seen)
print(lib.tl_fire_many(10), c.seen[-3:], len(c.seen))
gc.collect()
print(lib.tl_fire(7), len(c.seen))

arrays = []
for i in range(8):
    a = ffi.new("int[4]", [i, i, i, i])
    lib.tl_store_ptr(a, 4)
    arrays.append(a)
    junk = [[j] for j in range(500)]
gc.collect(0)
gc.collect()
print(lib.tl_sum_stored(), sum(4 * i for i in range(8)))
arrays[3][0] = 100
print(lib.tl_sum_stored())
lib.tl_clear_stored()
del arrays, junk
gc.collect()
print(lib.tl_sum_stored())
