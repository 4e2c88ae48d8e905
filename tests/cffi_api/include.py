# API mode: ffi.include() shares types between two compiled modules
import sys
from cffi import FFI

base = FFI()
base.cdef("""
    typedef int... coord_t;
    typedef struct { coord_t x, y; ...; } point_t;
    #define ORIGIN_X ...
    point_t *make_point(coord_t x, coord_t y);
    void free_point(point_t *p);
""")
base.set_source("_api_base", r"""
    #include <stdlib.h>
    typedef short coord_t;
    typedef struct { char tag; coord_t y; coord_t x; } point_t;
    #define ORIGIN_X 3
    static point_t *make_point(coord_t x, coord_t y) {
        point_t *p = malloc(sizeof *p);
        p->tag = 'p'; p->x = x; p->y = y;
        return p;
    }
    static void free_point(point_t *p) { free(p); }
""")
base.compile(tmpdir="_build")

geo = FFI()
geo.include(base)
geo.cdef("""
    int manhattan(point_t *a, point_t *b);
    void shift(point_t *p, coord_t dx);
""")
geo.set_source("_api_geo", r"""
    #include <stdlib.h>
    typedef short coord_t;
    typedef struct { char tag; coord_t y; coord_t x; } point_t;
    static int manhattan(point_t *a, point_t *b) {
        return abs(a->x - b->x) + abs(a->y - b->y);
    }
    static void shift(point_t *p, coord_t dx) { p->x += dx; }
""")
geo.compile(tmpdir="_build")

sys.path.insert(0, "_build")
import _api_base
import _api_geo

bffi, blib = _api_base.ffi, _api_base.lib
gffi, glib = _api_geo.ffi, _api_geo.lib
print(bffi.typeof("coord_t"), gffi.typeof("coord_t"), gffi.typeof("point_t *"))
print(bffi.sizeof("point_t"), gffi.sizeof("point_t"), gffi.offsetof("point_t", "x"))
a = blib.make_point(1, 2)
b = blib.make_point(-4, 10)
print(glib.manhattan(a, b))
glib.shift(a, 5)
print(a.x, a.y, glib.manhattan(a, b))
c = gffi.new("point_t *", {"x": 7, "y": 8})
print(glib.manhattan(a, c), blib.ORIGIN_X)
blib.free_point(a)
blib.free_point(b)
