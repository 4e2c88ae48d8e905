# API mode: `import module; module.lib`, `from module.lib import name` (and *), dir(lib),
# lib.__name__/__dict__/__all__, global arrays
# with [...] lengths (also multi-dimensional), extern arrays of unknown size, flexible array
# members (also nested as a struct's last member); the module is built into _build/
import sys
from cffi import FFI

ffi = FFI()
ffi.cdef("""
    int add(int, int);
    extern int counter;
    #define FOO 42
    enum color { RED, GREEN=5 };
    extern int g[...][4];
    extern int h[...];
    extern int unk[];
    struct s { int n; int a[]; };
    struct t { int x; struct s inner; };
    int sum_s(struct s *);
    int sum_t(struct t *);
""")
ffi.set_source("_api_lib_import", """
    static int add(int a, int b) { return a + b; }
    int counter = 7;
    #define FOO 42
    enum color { RED, GREEN=5 };
    int g[3][4] = {{1,2,3,4},{5,6,7,8}};
    int h[6] = {1, 1, 2, 3, 5, 8};
    int unk[5] = {9,8,7};
    struct s { int n; int a[]; };
    struct t { int x; struct s inner; };
    static int sum_s(struct s *p) { int t=0; for (int i=0;i<p->n;i++) t+=p->a[i]; return t; }
    static int sum_t(struct t *p) { return p->x + sum_s(&p->inner); }
""")
ffi.compile(tmpdir="_build")

sys.path.insert(0, "_build")
import _api_lib_import
print(type(_api_lib_import.lib).__name__, type(_api_lib_import.ffi).__name__)
import _api_lib_import.lib
print(_api_lib_import.lib is sys.modules["_api_lib_import.lib"])
from _api_lib_import.lib import add, FOO, RED, GREEN
print(add(1, 2), FOO, RED, GREEN)
from _api_lib_import import ffi, lib
ns = {}
exec("from _api_lib_import.lib import *", ns)
print(sorted(k for k in ns if k != "__builtins__"))
print(sorted(dir(lib)))
print(ffi.typeof(lib.g), len(lib.g), list(lib.g[1]), list(lib.g[2]))
lib.g[2][3] = 9
print(lib.g[2][3], ffi.sizeof(lib.g))
print(ffi.typeof(lib.h), list(lib.h))
print(ffi.typeof(lib.unk), lib.unk[0], lib.unk[1], lib.unk[4])
lib.unk[4] = 11
print(lib.unk[4])
p = ffi.new("struct s *", [3, [1, 2, 3]])
print(p.n, p.a[2], lib.sum_s(p), ffi.sizeof(p[0]), ffi.sizeof("struct s"))
q = ffi.new("struct s *", [2, 5])
q.a[0] = 40
q.a[1] = 2
print(q.n, ffi.typeof(q.a), lib.sum_s(q))
t = ffi.new("struct t *", [10, [2, [3, 4]]])
print(ffi.sizeof("struct t"), ffi.sizeof(t[0]), t.inner.a[1], lib.sum_t(t))
print(lib.__name__, repr(lib), sorted(lib.__dict__))
print(sorted(lib.__all__))
try:
    lib.nope
except AttributeError as e:
    print("AttributeError", e)
try:
    from _api_lib_import.lib import nope
except ImportError as e:
    print("ImportError", e)
print(ffi.error.__name__, issubclass(ffi.error, Exception))
try:
    ffi.typeof("int(")
except ffi.error:
    print("caught ffi.error")
