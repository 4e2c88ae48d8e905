# Builds libplugin.so: a shared library whose exported C functions run Python code
# (CFFI's embedding). The same script works with CPython + cffi (the library then starts
# CPython) and with minipy (it starts minipy, from libminipy.so next to the minipy binary).
#
#   minipy plugin_build.py && cc main.c -o main -L. -lplugin -Wl,-rpath,"$PWD" && ./main
import cffi

ffibuilder = cffi.FFI()

# The functions the library exports: each one is an extern "Python" function.
ffibuilder.embedding_api("""
    struct point { int x; int y; };
    int add(int a, int b);
    double scale(double x, double factor);
    int count_char(const char *s, char c);
    int greet(const char *name, char *out, int size);
    long norm1_and_flip(struct point *p);
    int fail(int x);
    int churn(int n);
    int calls(void);
""")

# C code compiled into the library: the struct must be known to the C compiler.
ffibuilder.set_source("_plugin", """
    struct point { int x; int y; };
""")

# Runs once, the first time any exported function is called.
ffibuilder.embedding_init_code("""
    from _plugin import ffi

    print("plugin: init code runs", flush=True)
    # allocate plenty (the GC collects and moves objects while the library starts)
    junk = {i: str(i) * 3 for i in range(20000)}
    assert len(junk) == 20000 and junk[12345] == "123451234512345"
    counter = [0]

    @ffi.def_extern()
    def add(a, b):
        counter[0] += 1
        return a + b

    @ffi.def_extern()
    def scale(x, factor):
        counter[0] += 1
        return x * factor

    @ffi.def_extern()
    def count_char(s, c):
        counter[0] += 1
        return ffi.string(s).count(c)

    @ffi.def_extern()
    def greet(name, out, size):
        counter[0] += 1
        text = ("hello, " + ffi.string(name).decode() + "!").encode()[:size - 1]
        ffi.memmove(out, text + b"\\0", len(text) + 1)
        print("plugin: greeted", ffi.string(name).decode(), flush=True)
        return len(text)

    @ffi.def_extern()
    def norm1_and_flip(p):
        counter[0] += 1
        n = abs(p.x) + abs(p.y)
        p.x, p.y = p.y, p.x
        return n

    @ffi.def_extern()
    def fail(x):
        counter[0] += 1
        return 100 // x        # fail(0) raises: the traceback goes to stderr, C gets 0

    @ffi.def_extern()
    def churn(n):
        counter[0] += 1
        items = [[i, str(i)] for i in range(n)]
        return sum(len(s) for _, s in items)

    @ffi.def_extern()
    def calls():
        return counter[0]
""")

ffibuilder.compile(target="libplugin.*", verbose=False)
