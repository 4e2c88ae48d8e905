# bytes and bytearray.
b = b"hello"
print(b, len(b), b[0], b[-1], b[1:3], b[::-1], type(b[0]).__name__)
print(b + b" world", b * 2, b"ell" in b, b.upper(), b.find(b"l"), b.count(b"l"))
print(b.split(b"l"), b"a,b".split(b","), b"-".join([b"a", b"b"]), b.replace(b"l", b"L"))
print(b.startswith(b"he"), b.endswith(b"lo"), b.strip(b"ho"), b"  x ".strip())
print(list(b), bytes([65, 66, 67]), bytes(3), bytes(b"copy"), b"\x00\xff", b"\n")
print(b.decode(), "é".encode(), "é".encode().decode(), b.hex(), bytes.fromhex("414243"))
print(b == b"hello", b < b"help", b != b"", bool(b""), hash(b"x") == hash(b"x"))
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba[0] = 65
print(ba, len(ba), ba[1], bytes(ba))
ba[1:3] = b"XYZ"
print(ba)
del ba[0]
print(ba, ba.pop(), ba)
ba.insert(0, 48)
print(ba, bytearray(3), bytearray([1, 2]), ba.decode())
ba2 = bytearray()
for i in range(5):
    ba2 += bytes([i + 97])
print(ba2, ba2 == b"abcde", b"abcde" == ba2)
ba2.reverse()
print(ba2, ba2.upper(), ba2.index(b"c"))
print(repr(b"it's"), repr(b'"'), repr(bytearray(b"q")))
print(b"%d-%s" % (5, b"x"))
