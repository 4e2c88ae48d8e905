# Sizes, offsets and lengths that overflow: array types whose byte size does not fit a Py_ssize_t,
# huge ffi.new lengths, pointer arithmetic, slices, offsetof, unpack and buffer sizes. CFFI
# raises OverflowError / MemoryError / IndexError with these messages; nothing may wrap to a
# small size or crash.
from cffi import FFI

BIG = 9223372036854775807  # PY_SSIZE_T_MAX


def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(r))


def cdef_then(label, src, use):
    # CFFI checks a global's type when it is first used, minipy at cdef time: both in one try
    def run():
        ffi = FFI()
        ffi.cdef(src)
        return use(ffi)
    t(label, run)


cdef_then("char a[BIG][2]", "extern char a[9223372036854775807][2];",
          lambda ffi: ffi.dlopen(None).a)
cdef_then("int x[2**62]", "extern int x[4611686018427387904];",
          lambda ffi: ffi.dlopen(None).x)
cdef_then("typedef char T[BIG][2]", "typedef char T[9223372036854775807][2];",
          lambda ffi: ffi.sizeof("T"))
cdef_then("typedef T[BIG]; T[2]", "typedef char T[9223372036854775807];",
          lambda ffi: ffi.sizeof("T[2]"))
cdef_then("struct with int[2**62]", "struct s1 { int x[4611686018427387904]; };",
          lambda ffi: ffi.sizeof("struct s1"))
cdef_then("struct of largest fit", "struct s4 { char x[9223372036854775806]; char y; };",
          lambda ffi: ffi.sizeof("struct s4"))
cdef_then("struct with open int[]", "struct s9 { int a; int b[]; };",
          lambda ffi: ffi.sizeof(ffi.new("struct s9 *", [1, 3])[0]))

ffi = FFI()
ffi.cdef("struct v { int n; int data[]; }; struct vc { int n; char data[]; };")
for ty in ["char[9223372036854775807][2]", "int[4611686018427387904]",
           "int[2305843009213693952]", "char[4611686018427387904][2]",
           "char[4611686018427387904][3]", "char[9223372036854775808]",
           "char[18446744073709551616]"]:
    t("sizeof " + ty, lambda: ffi.sizeof(ty))
    t("typeof " + ty, lambda: ffi.typeof(ty))
for ty in ["char[9223372036854775807]", "int[2305843009213693951]",
           "char[9223372036854775807][0]", "char[0][9223372036854775807]",
           "char[9223372036854775807][1]"]:
    t("sizeof " + ty, lambda: ffi.sizeof(ty))

# ffi.new with huge lengths: OverflowError past Py_ssize_t, else MemoryError
for ty, n in [("int[]", 2**62), ("int[]", 2**61), ("int[]", 2**63), ("int[]", 2**64),
              ("int[]", -1), ("char[]", 2**62), ("char[]", BIG), ("int[][2]", 2**61),
              ("int[]", 2**61 - 1), ("int[]", 2**60)]:
    t("new %s %d" % (ty, n), lambda: ffi.new(ty, n))
t("new char[][0] BIG", lambda: ffi.new("char[][0]", BIG))
t("len new char[][0] 2**62", lambda: len(ffi.new("char[][0]", 2**62)))
t("new int[2**62]", lambda: ffi.new("int[4611686018427387904]"))
t("new char[BIG]", lambda: ffi.new("char[9223372036854775807]"))
t("new char[BIG][0]", lambda: ffi.new("char[9223372036854775807][0]"))
for n in [2**62, 2**61 - 1, 2**63]:
    t("new struct v %d" % n, lambda: ffi.new("struct v *", [1, n]))
t("new struct vc 2**62", lambda: ffi.new("struct vc *", [1, 2**62]))


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


t("new int[] Idx(2**64)", lambda: ffi.new("int[]", Idx(2**64)))

# pointer arithmetic wraps as C does; operands beyond 64 bits are OverflowErrors
q = ffi.cast("int *", 16)
t("q + 2**61", lambda: q + 2**61)
t("q - 2**61", lambda: q - 2**61)
t("q - (-2**63)", lambda: q - (-2**63))
t("q + (-2**63)", lambda: q + (-2**63))
t("q - 2**63", lambda: q - 2**63)
t("q + 2**63", lambda: q + 2**63)
t("q + Idx(2**64)", lambda: q + Idx(2**64))
t("q - Idx(2**64)", lambda: q - Idx(2**64))
t("q + 2.0", lambda: q + 2.0)
t("q + 'a'", lambda: q + "a")
t("q - 2.5", lambda: q - 2.5)
t("q + None", lambda: q + None)
t("2 + q", lambda: 2 + q)
t("q + True", lambda: q + True)
t("cast(void *) + 2**64", lambda: ffi.cast("void *", 16) + 2**64)
t("char(*)[BIG] + 1", lambda: ffi.cast("char(*)[9223372036854775807]", 0) + 1)
t("char(*)[BIG] + 2", lambda: ffi.cast("char(*)[9223372036854775807]", 0) + 2)
t("sizeof char(*)[BIG]", lambda: ffi.sizeof(ffi.cast("char(*)[9223372036854775807]", 0)))
t("char* max - 0", lambda: ffi.cast("char *", 2**64 - 1) - ffi.cast("char *", 0))
t("char* 0 - max", lambda: ffi.cast("char *", 0) - ffi.cast("char *", 2**64 - 1))
t("char* 2**63 - 0", lambda: ffi.cast("char *", 2**63) - ffi.cast("char *", 0))
t("int* 2**63 - 0", lambda: ffi.cast("int *", 2**63) - ffi.cast("int *", 0))
t("int* 1 - 0", lambda: ffi.cast("int *", 1) - ffi.cast("int *", 0))
t("int* 0 - 1", lambda: ffi.cast("int *", 0) - ffi.cast("int *", 1))
t("char(*)[BIG] 8 - 0", lambda: ffi.cast("char(*)[9223372036854775807]", 8)
  - ffi.cast("char(*)[9223372036854775807]", 0))
n0 = ffi.cast("int *", 0)
t("(NULL + 2**61) - NULL", lambda: (n0 + 2**61) - n0)

# indexing a NULL pointer is CFFI's RuntimeError, even when the item address wraps to 0
t("NULL[0]", lambda: n0[0])
t("NULL[1]", lambda: n0[1])
t("NULL[2**62]", lambda: n0[2**62])


def store():
    n0[3] = 1


t("NULL[3] = 1", store)
t("struct NULL[0]", lambda: ffi.cast("struct v *", 0)[0])
t("int** NULL[0]", lambda: ffi.cast("int **", 0)[0])

# indexes and slices
p = ffi.new("int[10]")
t("p[2**63]", lambda: p[2**63])
t("p[2**64]", lambda: p[2**64])
t("p[-2**64]", lambda: p[-2**64])
t("p[Idx(2**64)]", lambda: p[Idx(2**64)])
t("p[0:2**62]", lambda: p[0:2**62])
t("p[2**62:2**62+1]", lambda: p[2**62:2**62 + 1])
t("NULL[0:2**62]", lambda: n0[0:2**62])
t("NULL[2**62:2**62+1]", lambda: n0[2**62:2**62 + 1])
t("NULL[0:2**63]", lambda: n0[0:2**63])
t("NULL[2**63:2**63]", lambda: n0[2**63:2**63])
t("NULL[-5:-2]", lambda: n0[-5:-2])
t("len NULL[0:2**62]", lambda: len(n0[0:2**62]))

# offsetof
for args in [("int[10]", 2**61), ("int[10]", 2**62), ("int *", 2**63 - 1), ("int *", -2**63),
             ("char *", 2**63 - 1), ("int *", 2**63)]:
    t("offsetof %s %d" % args, lambda: ffi.offsetof(*args))

# unpack, buffer and memmove lengths
c4 = ffi.new("char[4]")
for n in [2**62, 2**63 - 1, 2**63]:
    for ty in ["char *", "int *", "wchar_t *"]:
        t("unpack %s %d" % (ty, n), lambda: ffi.unpack(ffi.cast(ty, c4), n))
t("unpack NULL 2**62", lambda: ffi.unpack(n0, 2**62))
t("unpack -1", lambda: ffi.unpack(n0, -1))
t("string NULL 2**63", lambda: ffi.string(n0, 2**63))
t("buffer 2**63", lambda: ffi.buffer(n0, 2**63))
t("buffer -1 len", lambda: len(ffi.buffer(p, -1)))
t("memmove 2**63", lambda: ffi.memmove(p, p, 2**63))
t("memmove -1", lambda: ffi.memmove(p, p, -1))
print("done")
