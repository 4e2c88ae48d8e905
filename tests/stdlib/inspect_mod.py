import inspect


def f(a, b=1, *args, c, d=2, **kw):
    """Doc of f.

        indented
    """
    return a


def g(x, y=None, /, z=3):
    pass


def gen():
    yield 1


async def co():
    pass


async def agen():
    yield 1


class K:
    """K doc"""

    def __init__(self, p, q=5):
        self.p = p

    def meth(self, r, *, s):
        return r

    @staticmethod
    def st(u):
        return u

    @classmethod
    def cm(cls, v=1):
        return v

    def __call__(self, w):
        return w


for name, obj in [("f", f), ("g", g), ("gen", gen), ("co", co), ("agen", agen), ("K", K),
                  ("K().meth", K(1).meth), ("len", len), ("inspect", inspect),
                  ("K.st", K.st), ("K.cm", K.cm)]:
    preds = [p for p in ["isfunction", "ismethod", "isclass", "ismodule", "isbuiltin",
                         "isroutine", "isgeneratorfunction", "iscoroutinefunction",
                         "isasyncgenfunction"] if getattr(inspect, p)(obj)]
    print(name, preds)

g1 = gen()
c1 = co()
a1 = agen()
print(inspect.isgenerator(g1), inspect.iscoroutine(c1), inspect.isasyncgen(a1),
      inspect.isawaitable(c1), inspect.isawaitable(g1), inspect.iscode(f.__code__))
c1.close()

for obj in [f, g, K, K(1).meth, K.meth, K.st, K.cm, K(1), lambda: 0, lambda *a, **k: 0]:
    s = inspect.signature(obj)
    print(s, [(p.name, str(p.kind), p.default is p.empty) for p in s.parameters.values()])

s = inspect.signature(f)
print(repr(s), repr(s.parameters["a"]), repr(s.parameters["b"].kind))
print(s.parameters["d"].default, s.return_annotation is inspect.Signature.empty)
ba = s.bind(1, 2, 3, c=4, e=5)
print(ba.arguments, ba.args, ba.kwargs)
ba.apply_defaults()
print(ba.arguments)
try:
    s.bind()
except TypeError as e:
    print("TypeError", e)
try:
    inspect.signature(5)
except TypeError as e:
    print("TypeError", e)

P = inspect.Parameter
sig = inspect.Signature([P("a", P.POSITIONAL_ONLY), P("b", P.KEYWORD_ONLY, default=None)])
print(sig, P("x", P.VAR_KEYWORD), P.KEYWORD_ONLY.description)
try:
    inspect.Signature([P("a", P.KEYWORD_ONLY), P("b", P.POSITIONAL_ONLY)])
except ValueError as e:
    print("ValueError", e)

print(inspect.getdoc(f))
print(inspect.getdoc(K), inspect.cleandoc("  a\n    b\n  c"))
print([n for n, v in inspect.getmembers(K) if not n.startswith("__")])
print([n for n, v in inspect.getmembers(K, inspect.isfunction)])


def who():
    fr = inspect.currentframe()
    return fr.f_code.co_name, fr.f_back.f_code.co_name


print(who())


def st():
    return [(fi.function, fi.code_context[0].strip(), fi.index) for fi in inspect.stack()[:2]]


print(st())
print(inspect.getmodule(f) is inspect.getmodule(K), inspect.getfile(f) == __file__)


def deco(fn):
    def wrapper(*a, **k):
        return fn(*a, **k)
    wrapper.__wrapped__ = fn
    return wrapper


print(inspect.signature(deco(g)), inspect.unwrap(deco(g)) is g)


def src_example(a,
                b=2):
    # a comment

    return a + b


print(inspect.getsource(src_example))
lines, start = inspect.getsourcelines(src_example)
print(len(lines), start == src_example.__code__.co_firstlineno)
print(inspect.getsource(K.meth).strip().splitlines()[0])


@deco
@deco
def decorated(x):
    return x


print(inspect.getsource(inspect.unwrap(decorated)), inspect.unwrap(decorated).__code__.co_firstlineno)
