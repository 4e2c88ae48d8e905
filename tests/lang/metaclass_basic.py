class M(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("M.__new__", name, kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("M.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("M.__call__", a)
        return super().__call__(*a, **k)
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name)
        return {}
class A(metaclass=M, x=1):
    pass
print(type(A))
a = A()
print(type(a))
class B(A): pass
print(type(B))
class M(type):
    def __repr__(cls): return "<M %s>" % cls.__name__
    def __getitem__(cls, k): return k * 2
    def __contains__(cls, k): return k == 3
    def __iter__(cls): return iter([1, 2])
    def __len__(cls): return 7
    def __instancecheck__(cls, obj): return obj == 5
    def __subclasscheck__(cls, sub): return sub is int
class A(metaclass=M): pass
print(repr(A), A[4], 3 in A, 4 in A, list(A), len(A))
print(isinstance(5, A), isinstance(6, A), issubclass(int, A), issubclass(str, A), isinstance(A(), A))
class M1(type): pass
class M2(type): pass
class X(metaclass=M1): pass
class Y(metaclass=M2): pass
try:
    class Z(X, Y): pass
except TypeError as e: print(e)
class M3(M1): pass
class W(X, metaclass=M3): pass
print(type(W).__name__)
class V(W): pass
print(type(V).__name__)
T = type('T', (W,), {})
print(type(T).__name__)
class B:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
class C(B, metaclass=M1, flag=True): pass
class D(B, foo=1): pass
class E:
    def __mro_entries__(self, bases): return (B,)
class F(E()): pass
print(F.__mro__, F.__orig_bases__[0].__class__.__name__)
def metafn(name, bases, ns, **kw):
    print("metafn", name, bases, sorted(ns), kw)
    return 42
class G(metaclass=metafn, k=2):
    x = 1
print(G)
class Single(type):
    _inst = {}
    def __call__(cls, *a, **k):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]
class S(metaclass=Single):
    def __init__(self, v): self.v = v
print(S(1) is S(2), S(3).v)
class P(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        d = super().__prepare__(name, bases, **kw)
        d['injected'] = 9
        return d
class QB:
    def __init_subclass__(cls, **kw): print("QB init_subclass", kw)
class Q(QB, metaclass=P, z=1):
    pass
print(Q.injected)
class Bad(type):
    @classmethod
    def __prepare__(mcls, name, bases): return 5
try:
    class R(metaclass=Bad): pass
except TypeError as e: print(e)
class WithCell(metaclass=M1):
    def f(self): return __class__
print(WithCell().f() is WithCell)
print(type(type), type.__call__(int, "5"), isinstance(A, type), isinstance(A, M))
