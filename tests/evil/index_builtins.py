# Builtins and methods converting an argument with an allocating __index__.
from _evil import churn, case, I

case("'ab' * I", lambda: ("a" + "b") * I(3))
case("I * 'ab'", lambda: I(2) * ("a" + "b"))
case("[x] * I", lambda: [1, "two"] * I(2))
case("I * (x,)", lambda: I(3) * (0,))
case("bytes * I", lambda: bytes(b"xy") * I(2))
case("bytearray * I", lambda: bytearray(b"xy") * I(3))

def imul_list():
    l = [1, 2]
    l *= I(3)
    return l
case("list *= I", imul_list)

def imul_clear():
    l = [1, 2]
    l *= I(2, l.clear)
    return l
case("list *= I clearing", imul_clear)

case("bytes(I)", lambda: bytes(I(3)))
case("bytearray(I)", lambda: bytearray(I(2)))
case("bytes([I, I])", lambda: bytes([I(104), I(105)]))
case("range(I)", lambda: list(range(I(4))))
case("range(I, I, I)", lambda: list(range(I(10), I(0), I(-3))))
case("range len with I", lambda: len(range(I(0), I(100), I(7))))
case("chr(I)", lambda: chr(I(0x263A)))
case("hex(I)", lambda: hex(I(255)))
case("oct(I)", lambda: oct(I(8)))
case("bin(I)", lambda: bin(I(5)))
case("int.to_bytes(I)", lambda: (1024).to_bytes(I(4), "big"))
case("round(x, I)", lambda: round(3.14159, I(2)))
case("str.ljust(I)", lambda: "ab".ljust(I(5), "*"))
case("str.center(I)", lambda: "ab".center(I(6), "-"))
case("str.zfill(I)", lambda: "42".zfill(I(5)))
case("str.split(maxsplit=I)", lambda: "a b c d".split(" ", I(2)))
case("str.expandtabs(I)", lambda: "a\tb".expandtabs(I(4)))
case("str.replace(count=I)", lambda: "aaaa".replace("a", "b", I(2)))

def ba_append():
    b = bytearray(b"ab")
    b.append(I(67))
    return b
case("bytearray.append(I)", ba_append)

def ba_insert():
    b = bytearray(b"ac")
    b.insert(I(1), I(98))
    return b
case("bytearray.insert(I, I)", ba_insert)

case("bytes([I]) out of range", lambda: bytes([I(300)]))
case("chr(I) out of range", lambda: chr(I(-1)))
case("int(I) via __index__", lambda: int(I(7)))
case("list(I) not iterable", lambda: list(I(3)))
case("'%c' % I", lambda: "%c" % I(65))
case("list.__getitem__(I)", lambda: [10, 20, 30].__getitem__(I(2)))
