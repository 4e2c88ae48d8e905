# Exception chains with cycles (a.__context__ = b; b.__context__ = a), self-causes and long chains:
# the traceback printer stops at an exception already printed (CPython), never loops or overflows.
try:
    try:
        raise ValueError('a')
    except ValueError as a:
        try:
            raise TypeError('b')
        except TypeError as b:
            a.__context__ = b
            raise a
except ValueError as e:
    print('caught', e, type(e.__context__).__name__)
e = KeyError('k')
e.__cause__ = e
try:
    raise e
except KeyError as x:
    print('self cause', x.__cause__ is x)
def deep(n):
    try:
        raise ValueError(n)
    except ValueError:
        if n:
            deep(n - 1)
        else:
            raise
try:
    deep(50)
except ValueError as e:
    n = 0
    while e is not None:
        n += 1
        e = e.__context__
    print('chain', n)
x = []
for i in range(50000):
    x = [x]
try:
    repr(x)
except RecursionError:
    print('repr RecursionError')
try:
    x == x[0]
except RecursionError:
    print('eq RecursionError')
t = ()
for i in range(50000):
    t = (t,)
try:
    hash(t)
    print("hash done")
except RecursionError:
    print('hash done')
a = ValueError('top')
b = TypeError('mid')
a.__context__ = b
b.__context__ = a
raise a
