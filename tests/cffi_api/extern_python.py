# API mode: extern "Python" callbacks attached with @ffi.def_extern(), handles as void * user data
import sys
from cffi import FFI

ffi = FFI()
ffi.cdef("""
    extern "Python" int visit(void *userdata, int value);
    extern "Python" double combine(double, double);
    extern "Python" void report(const char *msg);
    extern "Python" int failing(int);
    int walk(int n, void *userdata);
    double fold(const double *xs, int n);
    void announce(int code);
    int try_failing(int x);
""")
ffi.set_source("_api_extern", r"""
    #include <stdio.h>
    static int visit(void *userdata, int value);
    static double combine(double, double);
    static void report(const char *msg);
    static int failing(int);
    static int walk(int n, void *userdata) {
        int i, total = 0;
        for (i = 0; i < n; i++)
            total += visit(userdata, i);
        return total;
    }
    static double fold(const double *xs, int n) {
        double acc = xs[0];
        int i;
        for (i = 1; i < n; i++)
            acc = combine(acc, xs[i]);
        return acc;
    }
    static void announce(int code) {
        char buf[64];
        snprintf(buf, sizeof buf, "code %d", code);
        report(buf);
    }
    static int try_failing(int x) { return failing(x) + 1000; }
""")
ffi.compile(tmpdir="_build")

sys.path.insert(0, "_build")
from _api_extern import ffi, lib


class Collector:
    def __init__(self, name):
        self.name = name
        self.seen = []


a = Collector("a")
b = Collector("b")
ha = ffi.new_handle(a)
hb = ffi.new_handle(b)
print(lib.walk(2, ha))  # nothing attached yet: 0 (and a message on stderr)


@ffi.def_extern()
def visit(userdata, value):
    c = ffi.from_handle(userdata)
    c.seen.append(value)
    return value * value


print(lib.walk(4, ha), lib.walk(3, hb), a.seen, b.seen)
print(ffi.from_handle(ha) is a)

@ffi.def_extern()
def combine(x, y):
    return x * 10 + y

print(lib.fold([1.0, 2.0, 3.0], 3))

messages = []

@ffi.def_extern()
def report(msg):
    messages.append(ffi.string(msg))

lib.announce(7)
lib.announce(-1)
print(messages)

# re-attaching replaces the code
@ffi.def_extern(name="combine")
def other_combine(x, y):
    return x + y

print(lib.fold([1.0, 2.0, 3.0], 3))

@ffi.def_extern(error=-1)
def failing(x):
    if x < 0:
        raise ValueError("negative")
    return x

print(lib.try_failing(5))
print(ffi.typeof(lib.visit), ffi.typeof(lib.walk))
try:
    @ffi.def_extern()
    def not_declared(x):
        return x
except Exception as e:
    print(type(e).__name__)
print(lib.walk(2, ha), a.seen)
