# User-defined descriptors, __set_name__, __init_subclass__, with/__enter__ failures, PEP 479,
# zip(strict=True) and duplicate keywords through **.
class Typed:
    def __set_name__(self, owner, name):
        self.name = '_' + name
        print('set_name', owner.__name__, name)

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        junk = [[i] * 3 for i in range(2000)]  # allocates: the receiver must survive moves
        return getattr(obj, self.name, 'unset')

    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError('need int, got ' + type(value).__name__)
        junk = [str(i) for i in range(2000)]
        obj.__dict__[self.name] = value * 2

    def __delete__(self, obj):
        print('delete', self.name)
        del obj.__dict__[self.name]


class NonData:
    def __get__(self, obj, objtype=None):
        return ('nondata', None if obj is None else type(obj).__name__, objtype.__name__)


class P:
    x = Typed()
    y = Typed()
    nd = NonData()


p = P()
print(p.x, P.x.name, P.nd)
p.x = 5
print(p.x, p.__dict__)
try:
    p.y = 'no'
except TypeError as e:
    print('TypeError', e)
print(p.nd)
p.__dict__['nd'] = 'instance wins over non-data'
print(p.nd)
p.__dict__['_x'] = 1
p.__dict__['x'] = 'data descriptor wins'
print(p.x)
del p.x
print(p.x)


class Base:
    registry = []

    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.registry.append((cls.__name__, tag))


class A(Base, tag='a'):
    pass


class B(A):
    pass


class C(B, tag='c'):
    pass


print(Base.registry)
try:
    class Bad(tag='x'):
        pass
except TypeError as e:
    print('TypeError', e)


class CM:
    def __init__(self, fail):
        self.fail = fail

    def __enter__(self):
        if self.fail:
            raise ValueError('enter failed')
        return self

    def __exit__(self, *a):
        print('exit', a[0].__name__ if a[0] else None)
        return False


for fail in (False, True):
    try:
        with CM(fail):
            print('body')
    except ValueError as e:
        print('caught', e)


def gen():
    yield 1
    raise StopIteration('inner')


try:
    print(list(gen()))
except RuntimeError as e:
    print('RuntimeError', e, type(e.__cause__).__name__, e.__cause__)


def gen2():
    yield 1
    next(iter([]))


g = gen2()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print('RuntimeError', e)
print(list(zip([1, 2], 'ab', strict=True)))
for args in (([1, 2], [1]), ([1], [1, 2]), ([1], [1], [1, 2]), ([1, 2], [1, 2], [1])):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print('ValueError', e)


def f(*a, **kw):
    return a, kw


print(f(**{'a': 1}, **{'b': 2}))
for call in (lambda: f(**{'a': 1}, **{'a': 2}), lambda: f(a=1, **{'a': 2}),
             lambda: dict(**{'k': 1}, **{'k': 2}), lambda: f(1, **{'x': 1}, y=2, **{'y': 3})):
    try:
        print(call())
    except TypeError as e:
        print('TypeError', e)
