def f(a, b=1, /, c=2, *args, d, e=5, **kw):
    "doc"
    x = 1
    def g():
        return x
    return g
c = f.__code__
for n in ['co_name','co_qualname','co_argcount','co_posonlyargcount','co_kwonlyargcount','co_varnames','co_names','co_firstlineno','co_flags', 'co_cellvars', 'co_freevars', 'co_nlocals']:
    print(n, getattr(c, n))
print(c.co_filename == __file__)
print(f.__defaults__, f.__kwdefaults__, f.__annotations__, f.__closure__, f.__qualname__, f.__module__, f.__dict__, f.__doc__)
g = f(1, d=1)
print(g.__closure__[0].cell_contents, g.__code__.co_freevars, g.__code__.co_flags, g.__qualname__)
print(f.__globals__ is globals(), f.__builtins__ is __builtins__.__dict__ if hasattr(__builtins__, '__dict__') else f.__builtins__ is __builtins__)
class K:
    def m(self): return self
k = K()
print(K.m.__get__(k)() is k, K.m.__get__(None, K) is K.m)
try: K.m.__get__(None)
except TypeError as e: print(e)
async def co(): pass
async def ag(): yield
def gen(): yield
print(co.__code__.co_flags, ag.__code__.co_flags, gen.__code__.co_flags, (lambda: 0).__code__.co_flags)
print(type(c).__name__, K.m.__code__.co_qualname)
