class A:
    def f(self): return 'A'
class B:
    def f(self): return 'B'
a = A(); a.x = 1
a.__class__ = B
print(a.f(), type(a).__name__, a.x, isinstance(a, B))
for bad in (5, 'x'):
    try: a.__class__ = bad
    except TypeError as e: print(e)
try: (1).__class__ = B
except TypeError as e: print(e)
try: [].__class__ = B
except TypeError as e: print(e)
class L(list): pass
class L2(list): pass
l = L(); l.__class__ = L2; print(type(l).__name__)
try: a.__class__ = L
except TypeError as e: print(e)
try: l.__class__ = A
except TypeError as e: print(e)
class S:
    __slots__ = ('a',)
try: a.__class__ = S
except TypeError as e: print(e)
try: a.__class__ = int
except TypeError as e: print(e)
try: del a.__class__
except TypeError as e: print(e)
class N(A): pass
a.__class__ = N; print(a.f(), type(a).__name__)
for bases in [(list, dict), (int, str), (list, tuple), (dict, set), (int, float), (object, list), (bytes, str)]:
    try:
        X = type('X', bases, {}); print('ok', [c.__name__ for c in bases])
    except TypeError as e: print(e)
try:
    class Y(list, dict): pass
except TypeError as e: print(e)
class P: pass
class Q(P): pass
class R(P): pass
class D(Q, R): pass
print(D.__mro__ is not None)
class K(L, list): pass
print(K.__mro__)
class New:
    def __new__(cls, *a):
        return 42
    def __init__(self, *a):
        print('init called!')
print(New())
class New2:
    def __new__(cls):
        return object.__new__(Sub2)
    def __init__(self): print('init2 called')
class Sub2(New2): pass
print(type(New2()).__name__)
class New3:
    def __new__(cls): return A()
    def __init__(self): print('init3 called')
print(type(New3()).__name__)
# __class__ through object.__setattr__ and a custom __setattr__
class H:
    def __setattr__(self, name, value):
        print('setattr', name)
        object.__setattr__(self, name, value)
class I(H):
    pass
h = H()
h.__class__ = I
print(type(h).__name__)
try:
    object.__setattr__(h, '__class__', 3)
except TypeError as e:
    print(e)
# exception instances keep their layout
class MyErr(Exception):
    pass
class MyErr2(Exception):
    pass
m = MyErr('x')
m.__class__ = MyErr2
print(type(m).__name__, m.args)
try:
    m.__class__ = A
except TypeError as e:
    print(e)
# diamond and compatible bases stay allowed
class V(ValueError, KeyError): pass
class W(Exception, P): pass
print([c.__name__ for c in V.__mro__], [c.__name__ for c in D.__mro__])
for bases in [(list, P), (dict, L), (Exception, list), (L, dict), (object, dict)]:
    try:
        type('Z', bases, {})
        print('ok', [c.__name__ for c in bases])
    except TypeError as e:
        print(e)
