# Python subclasses of bytearray: construction (own __init__ or bytearray's), extra attributes and
# methods, type/isinstance, repr, operators and methods returning bytearray, buffer uses.
import struct


class B(bytearray):
    pass


b = B(b"abc")
print(type(b), b, repr(b), B(), B(3), B([65, 66]), B("hé", "utf-8"), isinstance(b, bytearray))
print(len(b), b[0], b[1:], type(b[1:]).__name__, b"b" in b, 99 in b, list(b))
b.append(100)
b.extend(b"ef")
b[0] = 90
del b[1]
print(b, type(b).__name__)
for r in (b + b"!", b"!" + b, b * 2, b.upper(), b.replace(b"c", b"C"), b.copy(), b[::-1],
          b.strip(b"Z"), b.split(b"d")[0]):
    print(type(r).__name__, r)
print(b == b"Zcdef", b"Zcdef" == b, b < b"Zz", b.decode(), b.hex(), bytes(b), str(b))
print(b.find(b"d"), b.startswith(b"Z"), b"-".join([b, B(b"x")]), memoryview(b).tobytes())
print(struct.unpack("<H", B(b"\x01\x02")), int.from_bytes(B(b"\x01\x00"), "little"))
print(hash(bytes(B(b"k"))) == hash(b"k"), "%s" % B(b"p"), b"%s" % B(b"q"))

# in-place operators keep the object
c = B(b"xy")
ident = id(c)
c += b"z"
c *= 2
print(c, type(c).__name__, id(c) == ident)


class Packet(bytearray):
    header = b"PK"

    def __init__(self, payload, kind=0):
        super().__init__(self.header + bytes([kind]) + payload)
        self.kind = kind

    def payload(self):
        return bytes(self[3:])

    def __repr__(self):
        return f"Packet(kind={self.kind}, {bytes(self)!r})"


p = Packet(b"data", kind=7)
p.seen = True
print(p, len(p), p.payload(), p.kind, p.seen, sorted(vars(p)), isinstance(p, bytearray))
print([p], str(p), bytearray(p), type(p.copy()).__name__)


class Upper(bytearray):
    def append(self, x):
        super().append(x - 32 if 97 <= x <= 122 else x)

    def __len__(self):
        return 100

    def __getitem__(self, i):
        return "item"

    def __contains__(self, x):
        return True

    def __iter__(self):
        return iter([1, 2])


u = Upper(b"ab")
u.append(ord("c"))
print(bytes(u), len(u), u[0], 5 in u, list(u), bytearray.__len__(u), bytearray.__getitem__(u, 0))

# bytearray.__init__ refills
bytearray.__init__(u, b"zz")
print(bytes(u))
bytearray.__init__(u)
print(bytes(u))

# __class__ assignment, copy
class B2(bytearray):
    pass


x = B(b"q")
x.__class__ = B2
print(type(x).__name__, x)
import copy
x.tag = 1
cx = copy.copy(x)
print(type(cx).__name__, cx, cx.tag, copy.deepcopy(B(b"dd")))

for f in (lambda: B(1, 2, 3, 4), lambda: B("x"), lambda: B(x=1), lambda: hash(B()),
          lambda: bytearray.__new__(int), lambda: B(-1), lambda: B([300]), lambda: B().pop(),
          lambda: bytearray.__init__(b"", b"")):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
