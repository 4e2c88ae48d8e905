# Slices whose start/stop/step have an allocating (or mutating) __index__.
from _evil import churn, case, I

base = list(range(10))
case("list[I:I]", lambda: list(base)[I(2):I(7)])
case("list[I:I:I]", lambda: list(base)[I(1):I(9):I(3)])
case("list[::-I]", lambda: list(base)[::I(-2)])
case("tuple[I:I]", lambda: tuple(base)[I(3):I(-2)])
case("str[I:I:I]", lambda: ("abcdef" * 2)[I(1):I(11):I(2)])
case("bytes[I:]", lambda: bytes(range(65, 75))[I(4):])
case("bytearray[:I]", lambda: bytearray(b"hello world")[:I(5)])
case("range[I:I:I]", lambda: range(0, 100, 3)[I(2):I(20):I(4)])
case("step zero", lambda: [1, 2, 3][::I(0)])

def slice_clear():
    l = list(range(10))
    return l[I(1):I(8, l.clear)]
case("list slice, list cleared", slice_clear)

def slice_set():
    l = list(range(6))
    l[I(1):I(3)] = ["a", "b", "c"]
    return l
case("list[I:I] = seq", slice_set)

def slice_set_ext():
    l = list(range(6))
    l[I(0):I(6):I(2)] = "xyz"
    return l
case("list[I:I:I] = seq", slice_set_ext)

def slice_set_ext_bad():
    l = list(range(6))
    l[I(0):I(6):I(2)] = "xy"
    return l
case("extended slice size mismatch", slice_set_ext_bad)

def slice_set_clear():
    l = list(range(6))
    l[I(1):I(4, l.clear)] = [7, 8]
    return l
case("list slice assign, list cleared", slice_set_clear)

def slice_del():
    l = list(range(10))
    del l[I(2):I(8):I(3)]
    return l
case("del list[I:I:I]", slice_del)

def slice_del_grow():
    l = list(range(4))
    del l[I(1):I(3, lambda: l.extend("abc"))]
    return l
case("del list slice, list grown", slice_del_grow)

def ba_slice_set():
    b = bytearray(b"0123456789")
    b[I(2):I(5)] = b"XY"
    return b
case("bytearray[I:I] = bytes", ba_slice_set)

def ba_slice_del():
    b = bytearray(b"0123456789")
    del b[I(1)::I(2)]
    return b
case("del bytearray[I::I]", ba_slice_del)

case("slice(I,I,I).indices(I)", lambda: slice(I(1), I(-1), I(2)).indices(I(10)))
case("list[slice(I, I)]", lambda: list(base)[slice(I(7), I(2), I(-1))])
case("str[-I:]", lambda: ("hel" + "lo")[I(-3):])
