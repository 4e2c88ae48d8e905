import struct

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for fmt in 'bBhHiIlLqQnNP':
    for mode in '@<>=!':
        if mode != '@' and fmt in 'nNP':
            continue
        for v in [2**70, 2**64, 2**63, 2**32, 2**31, 255, 0, -1, -2**31 - 1, -2**63 - 1, 1.5, 'a']:
            try:
                b = struct.pack(mode + fmt, v)
                print(mode + fmt, v, b, struct.unpack(mode + fmt, b))
            except Exception as e:
                print(mode + fmt, v, type(e).__name__, e)
for f, v in [('c', b'ab'), ('c', 1), ('c', b'z'), ('s', 'a'), ('p', 1), ('f', 1e300), ('<f', 1e300),
             ('e', 1e10), ('d', 'x'), ('?', []), ('?', 'x'), ('<f', float('inf')), ('<e', float('-inf')),
             ('<e', 65520.0), ('<e', 65519.0), ('f', float('nan')), ('<e', float('nan')),
             ('<e', -float('nan')), ('<d', -float('nan')), ('<f', 3.4028235677973366e+38),
             ('<e', 2.9802322387695312e-08), ('<e', 3.039836883544922e-08), ('>d', 1), ('e', True),
             ('<f', 0.1), ('<f', -0.0), ('<e', 0.1), ('>e', 1.5e-5), ('<f', 1e-40), ('<d', 5e-324),
             ('>d', -2.5), ('<f', 16777217.0), ('<e', 2049.0), ('<e', 2051.0)]:
    try:
        b = struct.pack(f, v)
        print(f, v, b, struct.unpack(f, b))
    except Exception as e:
        print(f, v, type(e).__name__, e)

class I:
    def __index__(self):
        return 7
show(lambda: struct.pack('i?P', I(), I(), I()))
show(lambda: struct.pack('5p2p0s0p3s', b'ab', b'abc', b'x', b'x', bytearray(b'a')))
show(lambda: struct.unpack('5p3s', b'\x09abcdxyz'))
for f in ['bi', '=bi', 'ib', 'b0i', 'bd', 'be', 'bP', '!bq', '3', 'z', '<n', 'ii', '2x3', 'i i', '10s2h',
          '', 'xxcx', '@hq', '<hq', b'>ih', '2c3?', '0q']:
    show(lambda: struct.calcsize(f))
show(lambda: struct.pack('i'))
show(lambda: struct.pack('i', 1, 2))
show(lambda: struct.unpack('i', b'abc'))
show(lambda: struct.unpack('i', 'abcd'))
show(lambda: struct.unpack_from('i', b'abcdef', 4))
show(lambda: struct.unpack_from('i', b'abcdef', 2))
show(lambda: struct.unpack_from('<h', b'abcdef', offset=-2))
show(lambda: struct.unpack_from('i', b'abcdef', -9))
show(lambda: struct.unpack_from('i', b'abcdef', -2))
ba = bytearray(8)
show(lambda: struct.pack_into('<hh', ba, 2, 1, -2))
print(ba)
show(lambda: struct.pack_into('<h', ba, -2, 0x4142))
print(ba)
show(lambda: struct.pack_into('i', bytearray(3), 1, 5))
show(lambda: struct.pack_into('i', bytearray(3), -9, 5))
show(lambda: struct.pack_into('i', b'abcd', 0, 5))
show(lambda: list(struct.iter_unpack('<hb', b'\x01\x00\x02\x03\x00\x04')))
show(lambda: struct.iter_unpack('i', b'abcde'))
show(lambda: struct.iter_unpack('', b''))
s = struct.Struct('<3sIx?d')
print(s.format, s.size, s.pack(b'xy', 7, True, 2.5), s.unpack(s.pack(b'xyz', 2**32 - 1, 0, -1e-300)))
print(struct.Struct(b'>Q').format, struct.Struct('I').unpack_from(memoryview(b'\x01\x00\x00\x00\x02')))
show(lambda: struct.Struct(5))
print(struct.unpack('<qQ', struct.pack('<qQ', -2**63, 2**64 - 1)))
print(struct.unpack('@bqb', struct.pack('@bqb', 1, 2, 3)), len(struct.pack('@bqb', 1, 2, 3)))
print(isinstance(struct.error('x'), Exception), struct.error.__name__)
ba = bytearray(8)
mv = memoryview(ba)
struct.pack_into('<i', mv, 2, -1)
print(ba, struct.unpack_from('<h', memoryview(b'\x01\x02\x03'), 1), struct.Struct('>hd').size)
