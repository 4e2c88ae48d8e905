# Small differences the differential fuzzer found: the bytearray iterator type, bitwise int/float
# TypeErrors naming both operand types, a memoryview needle in bytes, exec() with a non-dict mapping
# as locals.
print(type(iter(bytearray(b'ab'))).__name__, type(iter(b'ab')).__name__)
for a, b in [(1, 2.0), (2.0, 1), (True, 2.0), (1.5, 2.5), (1, 'x'), ('x', 1)]:
    for op in ('&', '|', '^', '<<', '>>'):
        try: eval('a %s b' % op)
        except TypeError as e: print(e)
print(memoryview(b'bc') in b'abcd', memoryview(b'x') in bytearray(b'abc'), memoryview(b'') in b'')
class M:
    def __init__(self): self.d = {}
    def __getitem__(self, k):
        print('get', k); return self.d[k]
    def __setitem__(self, k, v):
        print('set', k); self.d[k] = v
    def __delitem__(self, k): del self.d[k]
m = M()
exec('x = 1\ny = x + 1\ndel x', {}, m)
print(m.d)
print(eval('y * 3', {}, m))
g = {'z': 5}
exec('w = z + 1', g, m)
print(m.d['w'])
try: exec('q', {}, m)
except NameError as e: print('NE', e)
ba = bytearray(b'abc')
out = []
for x in ba:
    out.append(x)
    if len(ba) < 5:
        ba.append(120)
print(out, list(iter(bytearray())), next(iter(bytearray(b'z'))))
it = iter(bytearray(b'xy'))
print(type(it).__name__, list(it), list(it))
try:
    eval('1.5 >> 2')
except TypeError as e:
    print(e)
try:
    exec('x = 1', {}, [1])
except TypeError as e:
    print(e)
