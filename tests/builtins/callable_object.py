# callable and object.
class F:
    def __call__(self):
        return "called"
class N:
    pass
def fn():
    pass
print(callable(fn), callable(F()), callable(N()), callable(F), callable(len), callable(lambda: 0), callable(1), callable("s"), callable(print))
o = object()
print(type(o).__name__, isinstance(o, object), o == o, o != object(), str(o)[:8], callable(object))
try:
    o.x = 1
except AttributeError:
    print("AttributeError: cannot set attributes on object()")
class Sub(object):
    pass
print(Sub.__bases__[0] is object, issubclass(Sub, object), isinstance(Sub, object), isinstance(len, object))
sentinel = object()
d = {"k": None}
print(d.get("k", sentinel) is sentinel, d.get("z", sentinel) is sentinel)
print([c.__name__ for c in N.__mro__])
