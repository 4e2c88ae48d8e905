from array import array, typecodes

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(typecodes)
for tc in 'bBhHiIlLqQ':
    for v in [2**64, 2**63, 2**32, 70000, 300, 127, -1, -129, -40000, -2**31 - 1, -2**63 - 1, 1.5, 'x', True]:
        show(lambda: array(tc, [v]))
for tc, v in [('f', 'x'), ('d', [1]), ('u', 5), ('u', 'ab'), ('f', 1e300), ('f', 0.1), ('d', 0.1), ('f', 3), ('d', True)]:
    show(lambda: array(tc, [v]))
for f in [lambda: array('z'), lambda: array(5), lambda: array('i', 'abc'), lambda: array('ii'),
          lambda: array('i', [1]).extend(array('d')), lambda: array('i', b'abc'), lambda: array('i').pop(),
          lambda: array('i', [1]).pop(5), lambda: array('i', [1]).index(7), lambda: array('i', [1]).remove(7),
          lambda: array('i', [1]) + [1], lambda: array('i', [1]) + array('d'), lambda: array('i', [1])[5],
          lambda: array('i').fromlist((1,)), lambda: array('i').fromunicode('x'), lambda: array('i').tounicode(),
          lambda: array('i', [1, 2]).__setitem__(slice(0, 1), [5]),
          lambda: array('i', [1, 2]).__setitem__(slice(0, 1), array('d', [5])), lambda: hash(array('i')),
          lambda: array('i', [1]) * 'x', lambda: array('i', [1, 2, 3]).__setitem__(slice(0, 3, 2), array('i', [1])),
          lambda: array('u', [1])]:
    show(f)
a = array('i', [1, 2, 3])
a.append(4); a.extend([5, 6]); a.extend(array('i', [7])); a.insert(0, 0); a.insert(-1, 99)
print(a, len(a), a[0], a[-1], a[2:5], a[::-2], 3 in a, 42 in a, a.count(99), a.index(99), a.index(2, 1, 5))
print(a.pop(), a.pop(0), a, a.remove(99), a)
a[1] = -5; a[2:4] = array('i', [10, 20, 30]); del a[0]; del a[-2:]
print(a, a.tolist(), list(a), a.typecode, a.itemsize)
a.reverse(); print(a, a + array('i', [8]), a * 2, 2 * a, array('i') * 3)
b = array('h', [1, 256, -2])
print(b.tobytes(), bytes(b), array('h', b.tobytes()), array('d', [1.5, -2.0]).tobytes(), array('f', [1.0]).tobytes())
b.byteswap(); print(b)
c = array('B'); c.frombytes(b'abc'); c.fromlist([1, 2]); print(c, c.tobytes())
u = array('u', 'hello'); u.append('!'); u.fromunicode(' w'); print(u, u.tounicode(), u.tobytes()[:8], array('u', u.tobytes()), array('u'))
q = array('Q', [2**64 - 1]); print(q, q.tobytes(), array('q', q.tobytes()), array('L', [2**63]), array('l', [-2**63]))
print(array('b', [1, 2]) == array('d', [1.0, 2.0]), array('i', [1, 2]) < array('i', [1, 3]), array('i', [1]) == [1], array('i') != array('i', [0]))
x = array('d', [1.0]); x += array('d', [2.5]); x *= 2; print(x, array('i', range(5)), array('i', array('b', [1, 2])), array('i', (i * i for i in range(4))))
print(array('f', [0.1, 1e40, -1e-50]), [repr(v) for v in array('f', [0.1, 1/3])])
