# Every builtin callable, and every method of every builtin type (unbound with wrong selves, and
# bound to sample instances), called with wrong argument counts and types. The contract is only that
# each call returns or raises a Python exception: no crash, no abort, no hang. (Which exception each
# call raises is checked by the per-type tests; the set of methods differs between implementations.)
import builtins

SKIP = {'input', 'breakpoint', 'help', 'exit', 'quit', 'open', 'print', 'copyright', 'credits',
        'license', '__import__', 'exec', 'eval', 'compile', 'iter', 'next'}
ARGS = [(), (1,), (1, 2), ('a',), ('a', 'b'), (None,), (None, None, None), ([],), ((1, 2),), (7,),
        (-1,), (1.5,), (b'x',), ({},), (1, 2, 3, 4)]
SAMPLES = {'int': [5, 2**80, True], 'float': [2.5], 'str': ['abc', ''], 'bytes': [b'abc'],
           'bytearray': [bytearray(b'ab')], 'list': [[3, 1, 2]], 'tuple': [(1, 2)], 'dict': [{1: 2}],
           'set': [{1, 2}], 'frozenset': [frozenset({1})], 'range': [range(5)],
           'slice': [slice(1, 5, 2)], 'object': [object()], 'type': [int],
           'property': [property()], 'BaseException': [ValueError('x')],
           'enumerate': [enumerate('ab')], 'zip': [zip('ab', 'cd')], 'map': [map(abs, [1])],
           'filter': [filter(None, [1])], 'reversed': [reversed([1, 2])],
           'staticmethod': [staticmethod(abs)], 'classmethod': [classmethod(abs)], 'bool': [True],
           'memoryview': [memoryview(b'ab'), memoryview(bytearray(b'xy'))],
           'complex': [1 + 2j, -0j]}
calls = 0


def attempt(f, args):
    global calls
    calls += 1
    try:
        f(*args)
    except Exception:
        pass


for n in sorted(dir(builtins)):
    if n in SKIP or (n.startswith('_') and n != '__build_class__'):
        continue
    f = getattr(builtins, n)
    if not callable(f):
        continue
    for a in ARGS:
        attempt(f, a)
    if not isinstance(f, type):
        continue
    for m in sorted(dir(f)):
        if m in ('__init_subclass__', '__subclasshook__', '__class__', '__del__'):
            continue
        try:
            meth = getattr(f, m)
        except Exception:
            continue
        if not callable(meth):
            continue
        for a in ARGS:
            attempt(meth, a)
        if m in ('__pow__', '__rpow__', '__lshift__', '__rlshift__'):
            continue  # 7 ** 2**80 would not finish on any implementation
        for sample in SAMPLES.get(n, ()):
            try:
                bm = getattr(sample, m)
            except Exception:
                continue
            for a in ARGS:
                attempt(bm, a)
print('done', calls > 1000)
