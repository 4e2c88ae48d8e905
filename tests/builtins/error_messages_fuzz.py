# Messages the differential fuzzer found different from CPython 3.11 (bytes/bytearray conversions,
# str indices, pow with three arguments, sort of mixed lists, bytes % args).
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: bytearray(b'a') % 'x')
t(lambda: bytearray(b'a%s') % 'x')
t(lambda: b'a' % 'x')
s = 'abc'
for k in (None, 'a', 1.5):
    t(lambda: s[k])
t(lambda: bytearray(1.5)); t(lambda: bytes(1.5))
t(lambda: bytearray().append(256)); t(lambda: bytearray(b'a').insert(0, -1)); t(lambda: bytes([256])); t(lambda: bytearray([256]))
b = bytearray(b'ab'); t(lambda: b.__setitem__(0, 300)); t(lambda: b.extend([300]))
t(lambda: int(bytearray(b'xyz'))); t(lambda: int(b'xyz')); t(lambda: float(bytearray(b'x')))
class H:
    def __index__(self): return 3
t(lambda: pow(H(), 2, 5)); t(lambda: pow(2, H(), 5)); t(lambda: pow(2.0, 2, 5)); t(lambda: pow(2, 2, 5.0))
t(lambda: [3, 'a', (1,)].sort()); t(lambda: sorted([1, 'a', 2.0, None])); t(lambda: sorted(['b', 1, (2,), 'a']))
t(lambda: bytearray(b'xyz') % ())
t(lambda: b'xyz' % 5)
t(lambda: bytearray(b'xyz') % bytearray(3))
t(lambda: b'xyz' % b'ab')
t(lambda: b'%s' % b'ab')
t(lambda: b'xyz' % {})
t(lambda: bytearray(b'x') % [])
t(lambda: 'abc' % b'x')
t(lambda: 'abc' % bytearray(b'x'))
