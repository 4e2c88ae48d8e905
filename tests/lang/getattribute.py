class A:
    x = 1
    def __init__(self): self.y = 2
    def __getattribute__(self, name):
        print("ga", name)
        if name == 'boom': raise AttributeError(name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return 'fallback-' + name
    def m(self): return 'm'
a = A()
print(a.x, a.y, a.m(), a.boom, a.zzz if False else 0)
print(getattr(a, 'nope', 5), hasattr(a, 'boom'))
class B(A):
    def __getattribute__(self, name):
        if name == 'secret': return 42
        return super().__getattribute__(name)
b = B()
print(b.secret, b.y, b.m())
class C:
    def __getattribute__(self, name):
        raise AttributeError('no ' + name)
c = C()
try: c.q
except AttributeError as e: print('AE', e)
print(object.__getattribute__(c, '__class__').__name__)
try: object.__getattribute__(c, 'q')
except AttributeError as e: print('AE2', e)
# errors propagate; object.__getattribute__ checks the name
class D:
    def __getattribute__(self, name):
        if name == 'bad':
            raise ValueError('bad attr')
        return object.__getattribute__(self, name)
    def meth(self, x):
        return x * 2
d = D()
try:
    d.bad
except ValueError as e:
    print('VE', e)
print(d.meth(21), getattr(d, 'meth')(1), hasattr(d, 'nothing'))
try:
    object.__getattribute__(d, 5)
except TypeError as e:
    print(e)
# class attributes, properties, __class__ and methods all go through __getattribute__
log = []
class E:
    k = 'class-attr'
    @property
    def p(self):
        return 'prop'
    def __getattribute__(self, name):
        log.append(name)
        return super().__getattribute__(name)
e = E()
e.z = 3
print(e.k, e.p, e.z, e.__class__.__name__, log)
# a subclass inherits the hook; classes without it keep the plain lookup
class F(E):
    pass
F().k
print(log[-1])
class G:
    pass
g = G()
g.a = 1
print(g.a)
