# memoryview over bytes and bytearray: indexing, slicing, assignment, attributes, release.
b = b'hello world'
m = memoryview(b)
print(len(m), m[0], m[-1], m[1:4].tobytes(), m[::2].tobytes(), m[::-1].tolist()[:3])
print(m.readonly, m.nbytes, m.itemsize, m.format, m.ndim, m.shape, m.strides, m.obj is b)
print(m == b, m == b'other', m[1:3] == b'el', m != b, m == bytearray(b), m == 5, m.hex())
print(bytes(m[6:]), list(m[:3]), hash(m) == hash(b), m[2:8][1:3].tobytes(), m[2:8:2].strides)
ba = bytearray(b'abcdef')
w = memoryview(ba)
w[0] = 65
w[1:3] = b'XY'
w[-1] = 0x5a
print(ba, w.readonly, w.tobytes(), memoryview(w).tobytes())
w[::2] = b'123'
print(ba, bytes(w[1::2]))
for src in ["m[0] = 1", "w[0] = 256", "w[0] = 'a'", "w[0:2] = b'abc'", "del w[0]", "m[20]",
            "w[-7]", "m['a']", "memoryview(5)", "memoryview('abc')", "hash(w)", "memoryview()",
            "m[1.5]", "w[1:2] = 5"]:
    try:
        exec(src)
        print(src, 'ok')
    except Exception as e:
        print(src, '!!', type(e).__name__, e)
with memoryview(b'xyz') as v:
    print(v.tobytes())
for src in ["v.tobytes()", "len(v)", "v[0]", "v.nbytes"]:
    try:
        print(eval(src))
    except ValueError as e:
        print(src, '!!', e)
print(repr(v).startswith('<released memory at 0x'), repr(m).startswith('<memory at 0x'))
v2 = memoryview(bytearray(b'12'))
v2.release()
v2.release()
print(v2 == v2, v2 == b'12')


class Idx:
    def __index__(self):
        junk = [bytearray(100) for _ in range(3000)]  # allocate: the view and its bytearray move
        return 2


big = bytearray(range(10))
mv = memoryview(big)
print(mv[Idx()], mv[Idx():5].tolist())
mv[Idx()] = 99
print(big[2], isinstance(mv, memoryview), type(mv).__name__)
