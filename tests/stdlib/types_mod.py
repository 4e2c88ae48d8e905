import types
import sys


def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)


def f():
    pass
def g():
    yield 1
class C:
    def m(self):
        return self
print(isinstance(f, types.FunctionType), isinstance(lambda: 0, types.LambdaType),
      isinstance(g(), types.GeneratorType), isinstance(C().m, types.MethodType),
      isinstance(len, types.BuiltinFunctionType), isinstance(sys, types.ModuleType),
      isinstance(None, types.NoneType), isinstance(f.__code__, types.CodeType),
      isinstance(..., types.EllipsisType), isinstance(NotImplemented, types.NotImplementedType))
print(isinstance(C, types.FunctionType), isinstance(f, types.MethodType), types.NoneType is type(None))
bm = types.MethodType(lambda self, x: (self, x), "obj")
print(bm(1))

ns = types.SimpleNamespace(a=1, b="x")
print(ns, ns.a, ns.b)
ns.c = [1]; del ns.a; print(ns, repr(types.SimpleNamespace()))
print(ns == types.SimpleNamespace(b="x", c=[1]), ns == types.SimpleNamespace(), ns != 5)
print(sorted(vars(ns)))
rec = types.SimpleNamespace(); rec.me = rec; print(rec)
err(lambda: types.SimpleNamespace(1))
for bad in (lambda: hash(ns), lambda: ns.missing):
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__)

d = {"k": 1}
mp = types.MappingProxyType(d)
print(mp, mp["k"], len(mp), list(mp), "k" in mp, mp.get("z", 0), list(mp.items()), mp.copy())
d["n"] = 2; print(mp["n"], mp == {"k": 1, "n": 2}, mp | {"q": 3})
def setk():
    mp["k"] = 2
err(setk)
err(lambda: types.MappingProxyType([1]))
err(lambda: mp["zz"])

m = types.ModuleType("mymod")
print(m, m.__name__, m.__doc__, types.ModuleType("x", "the doc").__doc__)
m.val = 5; print(m.val)
err(lambda: types.ModuleType())
err(lambda: types.ModuleType(1))

def body(ns):
    ns["x"] = 42
    ns["hello"] = lambda self: "hi " + type(self).__name__
K = types.new_class("K", (C,), exec_body=body)
print(K.__name__, K.x, K().hello(), isinstance(K().m(), C), K.__mro__[1] is C)
E = types.new_class("E")
print(E.__name__, E.__mro__)
print(types.resolve_bases((C, int)) == (C, int))
class Entry:
    def __mro_entries__(self, bases):
        return (C,)
print(types.resolve_bases((Entry(),)) == (C,))
print(types.prepare_class("Z", (), {"x": 1})[1:], types.prepare_class("Z")[0] is type)
