# In-place operators on subclasses of builtins that keep the builtin's layout (bytearray, list, set,
# dict, str): a user __iop__ is called (it allocates enough for collections and mutates the
# receiver), an inherited one is the builtin's own operation.
class B(bytearray):
    def __iadd__(self, o):
        print('iadd', o); [[0] * 50 for _ in range(300)]; self.__dict__["seen"] = 1
        self.extend(b'!' * 3)
        return self
class C(bytearray):
    pass
class L(list):
    def __iadd__(self, o):
        print('L iadd', o); [[0] * 50 for _ in range(300)]; self.__dict__["seen"] = 1
        return NotImplemented
class S(set):
    def __ior__(self, o):
        print('S ior', sorted(o)); [[0] * 50 for _ in range(300)]; self.__dict__["seen"] = 1
        return self
class D(dict):
    def __ior__(self, o):
        print('D ior'); [[0] * 50 for _ in range(300)]; self.__dict__["seen"] = 1
        return 5
class T(str):
    def __iadd__(self, o):
        return 'T' + o
b = B(b'x'); b += b'y'; print(b)
c = C(b'x'); d = c; c += b'y'; print(c, type(c).__name__, d is c)
l = L([1]); l += [2]; print(l, type(l).__name__)
s = S({1}); s |= {2}; print(sorted(s), type(s).__name__)
x = D(a=1); x |= {'b': 2}; print(x)
t = T('a'); t += 'b'; print(t)
class I(int):
    def __iadd__(self, o): return 'I'
i = I(3); i += 1; print(i)
print(b.seen, s.seen, type(l).__name__)
b2 = B(b'q'); b2 += bytes(100); print(len(b2))
