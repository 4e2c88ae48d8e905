# Conversion edge cases of CFFI's character and _Bool types: casts to _Bool of floats, bytes and
# str; casts to wchar_t/char16_t/char32_t that wrap without a range check (reading such a value
# back as a character is what fails); char16_t arrays holding astral characters as surrogate
# pairs; CFFI's messages for bad initializers.
from cffi import FFI

ffi = FFI()


def t(label, f):
    try:
        r = repr(f())
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", r)


for v in [0.1, 0.0, -0.0, 2, -1, 1, 0, True, 1.0, 2.5, float("nan"), float("inf"),
          float("-inf"), 1e-300, b"\x01", b"\x00", "a", "\x00", None, [], "ab", "", b"ab",
          b"", 2**64, 10**30, -2**70, 256]:
    t("cast _Bool %r" % (v,), lambda: ffi.cast("_Bool", v))
    t("int(cast _Bool %r)" % (v,), lambda: int(ffi.cast("_Bool", v)))
t("cast _Bool double 0.5", lambda: ffi.cast("_Bool", ffi.cast("double", 0.5)))
t("cast _Bool int 2", lambda: ffi.cast("_Bool", ffi.cast("int", 2)))
t("cast _Bool int 256", lambda: ffi.cast("_Bool", ffi.cast("int", 256)))
t("cast _Bool wchar 2", lambda: ffi.cast("_Bool", ffi.cast("wchar_t", 2)))
t("cast _Bool char 2", lambda: ffi.cast("_Bool", ffi.cast("char", b"\x02")))
t("cast _Bool ptr", lambda: ffi.cast("_Bool", ffi.cast("void *", 2)))
t("bool(cast _Bool 0.1)", lambda: bool(ffi.cast("_Bool", 0.1)))
t("float(cast _Bool 1)", lambda: float(ffi.cast("_Bool", 1)))
t("new _Bool* 2", lambda: ffi.new("_Bool *", 2))
t("new _Bool* 0.1", lambda: ffi.new("_Bool *", 0.1))
t("new _Bool* -1", lambda: ffi.new("_Bool *", -1))
t("new _Bool* 2**64", lambda: ffi.new("_Bool *", 2**64))
t("new _Bool* True", lambda: ffi.new("_Bool *", True)[0])
t("new _Bool* 1.0", lambda: ffi.new("_Bool *", 1.0)[0])
bb = ffi.new("char[]", b"\x02\x01")
t("read _Bool 2", lambda: ffi.cast("_Bool *", bb)[0])
t("read _Bool 1", lambda: ffi.cast("_Bool *", bb)[1])

for ty in ["int", "unsigned int", "char", "double", "wchar_t", "int8_t", "char16_t"]:
    for v in [None, "ab", "", b"ab", b"", [], "a", b"a"]:
        t("cast %s %r" % (ty, v), lambda: ffi.cast(ty, v))
for ty in ["int", "wchar_t", "void *"]:
    t("cast %s nan" % ty, lambda: ffi.cast(ty, float("nan")))
    t("cast %s inf" % ty, lambda: ffi.cast(ty, float("inf")))
t("cast char euro", lambda: ffi.cast("char", "\u20ac"))

for ty in ["wchar_t", "char16_t", "char32_t"]:
    for v in [-1, 0, 65, 0xFFFF, 0x10000, 0x10FFFF, 0x110000, 2**31, 2**32 - 1, 2**32,
              2**32 + 65, 2**64, -2**31, 10**30, 1.5, -1.5, 65.7, "a", "\U0001F600"]:
        t("cast %s %r" % (ty, v), lambda: ffi.cast(ty, v))
        t("int(cast %s %r)" % (ty, v), lambda: int(ffi.cast(ty, v)))
        t("str(cast %s %r)" % (ty, v), lambda: ffi.string(ffi.cast(ty, v)))
t("int(cast int wchar -1)", lambda: int(ffi.cast("int", ffi.cast("wchar_t", -1))))
t("int(cast uint char32 -1)",
  lambda: int(ffi.cast("unsigned int", ffi.cast("char32_t", -1))))
t("cast char16 wchar 0x1F600", lambda: ffi.cast("char16_t", ffi.cast("wchar_t", 0x1F600)))
t("cast char32 char16", lambda: ffi.cast("char32_t", ffi.cast("char16_t", 0x41)))
t("cast wchar double", lambda: ffi.cast("wchar_t", ffi.cast("double", 65.0)))
t("cast char wchar 0x1F600", lambda: ffi.cast("char", ffi.cast("wchar_t", 0x1F600)))
t("float(cast double wchar)", lambda: float(ffi.cast("double", ffi.cast("wchar_t", 65))))

for ty in ["wchar_t", "char16_t", "char32_t"]:
    for s in ["\U0001F600", "a\U0001F600b", "\uffff", "\U0010FFFF", "abc", ""]:
        t("new %s[] %r" % (ty, s), lambda: ffi.new(ty + "[]", s))
        t("len new %s[] %r" % (ty, s), lambda: len(ffi.new(ty + "[]", s)))
        t("string new %s[] %r" % (ty, s), lambda: ffi.string(ffi.new(ty + "[]", s)))
        t("unpack new %s[] %r" % (ty, s),
          lambda: ffi.unpack(ffi.new(ty + "[]", s), len(ffi.new(ty + "[]", s))))
        t("new %s* %r" % (ty, s), lambda: ffi.new(ty + "*", s))
        t("new %s[1] %r" % (ty, s), lambda: ffi.new(ty + "[1]", s))
        t("new %s[2] %r" % (ty, s), lambda: ffi.new(ty + "[2]", s))
        t("string new %s[3] %r" % (ty, s), lambda: ffi.string(ffi.new(ty + "[3]", s)))
    a = ffi.new(ty + "[4]")

    def st(v):
        a[0] = v
        return a[0]

    for v in ["\U0001F600", "ab", 65, b"a", None, ffi.cast(ty, 66), ffi.cast("int", 66)]:
        t("store %s %r" % (ty, v), lambda: st(v))

    def sl(v):
        a[0:2] = v
        return ffi.string(a)

    t("slice store %s astral" % ty, lambda: sl("\U0001F600"))
    t("slice store %s x+astral" % ty, lambda: sl("x\U0001F600"))
    t("new %s[] list" % ty, lambda: ffi.string(ffi.new(ty + "[]", ["a", "\U0001F600"])))
    t("new %s[] list2" % ty, lambda: ffi.new(ty + "[]", ["a", "bc"]))
    t("new %s[] ints" % ty, lambda: ffi.new(ty + "[]", [65, 0]))

# surrogate pairs written by C into char16_t memory read back as one character
u = ffi.new("uint16_t[]", [0xD83D, 0xDE00, 0x41, 0])
b = ffi.cast("char16_t *", u)
t("pair string", lambda: ffi.string(b))
t("pair string 2", lambda: ffi.string(b, 2))
t("pair unpack 2", lambda: ffi.unpack(b, 2))
t("pair unpack 3", lambda: ffi.unpack(b, 3))
t("char16 pair in array", lambda: ffi.string(ffi.cast("char16_t[4]", b) if False else b, 3))

# values out of the Unicode range in C memory: items fail as on CPython
w = ffi.new("int32_t[]", [0x41, 0x110000, -1, 0])
for ty in ["wchar_t", "char32_t"]:
    p = ffi.cast(ty + " *", w)
    t(ty + " item 0x110000", lambda: p[1])
    t(ty + " item -1", lambda: p[2])
    t(ty + " item ok", lambda: p[0])
t("new wchar_t* cast", lambda: ffi.new("wchar_t *", ffi.cast("wchar_t", 66))[0])
t("new char16_t* cast", lambda: ffi.new("char16_t *", ffi.cast("char16_t", 66))[0])
t("new char16_t* cast wchar", lambda: ffi.new("char16_t *", ffi.cast("wchar_t", 66))[0])
print("done")
