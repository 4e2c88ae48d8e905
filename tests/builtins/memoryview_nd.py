def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
ba = bytearray(range(12))
m = memoryview(ba).cast('B', (3, 4))
print(m.shape, m.strides, m.ndim, len(m), m.nbytes, m.itemsize, m.format, m.contiguous, m.c_contiguous, m.f_contiguous)
print(m.tolist())
t(lambda: m[1, 2])
t(lambda: m[-1, -1])
t(lambda: m[3, 0])
t(lambda: m[0, 4])
t(lambda: m[0])
t(lambda: m[0:1].shape)
t(lambda: m[1:3].tolist())
t(lambda: m[::2].tolist())
t(lambda: m[::-1].strides)
t(lambda: m[::2].c_contiguous)
t(lambda: m[::2].cast("B"))
t(lambda: m[1:].tobytes())
t(lambda: m[0:0].tolist())
t(lambda: m[0, 1:2])
t(lambda: m[0, 0, 0])
t(lambda: m[()])
m[1, 2] = 99
print(ba[6])
t(lambda: m.__setitem__((0, 0), 300))
t(lambda: m.__setitem__(0, 3))
print(m.tobytes())
print(list(m.cast('B')) == list(ba))
t(lambda: list(m))
t(lambda: iter(m))
t(lambda: m == memoryview(ba).cast('B', (3, 4)))
t(lambda: m == ba)
t(lambda: m.hex())
m2 = memoryview(bytearray(24)).cast('i', (2, 3))
print(m2.shape, m2.strides, m2.itemsize, m2.tolist())
m2[1, 1] = -5
print(m2.tolist(), m2[1, 1])
t(lambda: memoryview(bytearray(24)).cast('i', (5,)))
t(lambda: memoryview(bytearray(24)).cast('i', [2, 3]).shape)
t(lambda: memoryview(bytearray(24)).cast('i', 6))
t(lambda: memoryview(bytearray(24)).cast('i', (2, -3)))
t(lambda: memoryview(bytearray(24)).cast('i', (2, 0)))
t(lambda: memoryview(bytearray(24)).cast('i', ()))
t(lambda: memoryview(bytearray(4)).cast('i', ()).shape)
t(lambda: memoryview(bytearray(4)).cast('i', ())[()])
t(lambda: memoryview(bytearray(4)).cast('i', ()).tolist())
t(lambda: len(memoryview(bytearray(4)).cast('i', ())))
t(lambda: memoryview(bytearray(24)).cast('i').cast('d'))
t(lambda: memoryview(bytearray(24)).cast('i').cast('B').cast('d', (3,)).shape)
t(lambda: m2.cast('B').shape)
t(lambda: m2.cast('B', (4, 6)))
t(lambda: m2.cast('i'))
t(lambda: memoryview(bytearray(64)).cast('B', (2,)*65))
t(lambda: memoryview(bytearray(64)).cast('B', (2,)*6).ndim)
t(lambda: memoryview(bytearray(64)).cast('B', (2,)*6).tolist()[1][0][1])
t(lambda: memoryview(bytearray(64)).cast('B', (2,)*6)[1,1,1,1,1,1])
t(lambda: memoryview(b'abcdef').cast('c', (2, 3)).tolist())
t(lambda: memoryview(b'abcdef')[0, 0])
t(lambda: memoryview(b'abcdef')[::2].cast('B', (1, 3)))
t(lambda: memoryview(b'abcdef').cast('B', (2, 3)).cast('B', (3, 2)))
t(lambda: memoryview(b'abcdef').cast('B', (2, 3))[1, 'a'])
t(lambda: memoryview(b'abcdef').cast('B', (2, 3))[1.0, 1])
t(lambda: hash(memoryview(b'abcdef').cast('B', (2, 3))) == hash(b'abcdef'))
t(lambda: bytes(memoryview(b'abcdef').cast('B', (2, 3))))
t(lambda: memoryview(memoryview(b'abcdef').cast('B', (2, 3))).shape)
with memoryview(b'abcdef').cast('B', (2, 3)) as mm:
    print(mm.shape)
t(lambda: mm.shape)
t(lambda: memoryview(b'abcdef').cast(shape=(2, 3), format='B').shape)
t(lambda: memoryview(b'abcdef').cast())
t(lambda: memoryview(b'abcdef').cast('B', (2, 3), 1))
t(lambda: memoryview(b'abcdef').cast('B', (2, 3)) == memoryview(b'abcdef').cast('B', (3, 2)))
t(lambda: memoryview(b'abcdef').cast('B', (2, 3))[1:] == memoryview(b'def').cast('B', (1, 3)))
t(lambda: memoryview(b'abcdef')[0:0].cast('B', (1,)))


class Idx:
    def __init__(self, i):
        self.i = i

    def __index__(self):
        # evil: allocates enough for collections while the view is being indexed
        junk = [[j] * 10 for j in range(2000)]
        return self.i + len(junk) - 2000


m3 = memoryview(bytearray(range(24))).cast('B', (2, 3, 4))
print(m3[Idx(1), Idx(2), Idx(3)], m3[1, -1, -1])
m3[Idx(0), Idx(1), Idx(2)] = 200
print(m3.tolist())
