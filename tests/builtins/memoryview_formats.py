# memoryview item formats: cast, typed indexing/tolist, slice-assignment structure rules, and
# objects that export a buffer with a format (array)
from array import array

ba = bytearray(range(8))
m = memoryview(ba).cast('h')
print(m.format, m.itemsize, m.nbytes, len(m), m.shape, m.strides)
print(m.tolist(), m[1], m[-1], list(m[1:3]))
m[0] = -2
print(ba[:2], m[0])
for bad in ['x', 1 << 15, 1.5]:
    try:
        m[0] = bad
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(memoryview(bytes(8)).cast('d').tolist(), memoryview(bytes(8)).cast('Q')[0])
print(memoryview(b'\xff' * 8).cast('Q')[0], memoryview(b'\xff' * 8).cast('q')[0])
print(memoryview(b'\x00\x01').cast('?').tolist(), memoryview(b'ab').cast('c').tolist())
for f in ['Z', 'hh', 3]:
    try:
        memoryview(b'ab').cast(f)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    memoryview(b'abc').cast('h')
except TypeError as e:
    print('TypeError', e)
try:
    memoryview(b'abcd')[::2].cast('B')
except TypeError as e:
    print('TypeError', e)

a = array('i', [1, 2, 3, 4])
v = memoryview(a)
print(v.format, v.itemsize, v.nbytes, v.tolist(), v[::2].tolist(), v[-1])
v[0] = 100
v[1:3] = memoryview(array('i', [7, 8]))
print(a, bytes(v[:1]))
for src in [b'12345678', memoryview(array('h', [1, 2, 3, 4]))[:2], array('I', [1, 2])]:
    try:
        v[0:2] = src
    except ValueError as e:
        print('ValueError', e)
v[2:4] = array('i', [5, 6])
print(a, a.tobytes() == bytes(a), bytearray(array('h', [1, -1])))
print(b'ab' + array('h', [0x6463]), bytearray(b'x') + array('b', [121]))
print(array('B', [98]) in b'abc', array('B', [120]) in bytearray(b'abc'))
print(memoryview(b'ab') == array('B', [97, 98]), memoryview(array('b', [97])).tobytes())
print(memoryview(array('f', [1.5])).tolist(), memoryview(array('d', [0.25]))[0])
print(memoryview(array('L', [2**64 - 1]))[0], memoryview(array('q', [-5])).hex())
print(memoryview(b'\x01\x02\x03').hex(), memoryview(b'\x01\x02\x03').hex(':'),
      memoryview(b'\x01\x02\x03\x04').hex(sep='-', bytes_per_sep=2),
      memoryview(b'abcdef')[::2].hex(' '))
try:
    memoryview(b'ab').hex('::')
except ValueError as e:
    print('ValueError', e)
