# CPython's messages for `in` over a non-iterable and for sequence * / + with a wrong operand type.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: 1 in 5)
t(lambda: 1 in 2.5)
t(lambda: 1 in None)
t(lambda: 1 in int)
t(lambda: 'a' * 2.5)
t(lambda: 2.5 * 'a')
t(lambda: [1] * 'a')
t(lambda: 'a' * [1])
t(lambda: {1} * 'a')
t(lambda: b'a' + 'x')
t(lambda: bytearray(b'a') + 1)
t(lambda: (1,) + [2])
t(lambda: (1,) * 2.0)
t(lambda: 3 in iter([1, 3]))
class G:
    def __getitem__(self, i):
        if i < 3: return i
        raise IndexError
t(lambda: 2 in G())
class O: pass
t(lambda: 2 in O())
t(lambda: 2 in range(5))
