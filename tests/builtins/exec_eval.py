# exec, eval and compile: modes, namespaces, errors.
import builtins
print(eval('1 + 2'), eval('  [x * 2 for x in range(3)]'), eval(b'"bytes"'))
x = 10
print(eval('x + 1'))
g = {'y': 5}
print(eval('y * 2', g), sorted(g))
exec('z = y + 1\ndef f(a):\n    return a + z\nw = f(1)', g)
print(g['z'], g['w'], sorted(k for k in g if k != '__builtins__'))
loc = {}
exec('q = 3\nr = q * 2', {}, loc)
print(sorted(loc.items()))
print(eval('a + b', {'a': 1}, {'b': 2}))
exec('x = 99')
print(x)


def inner():
    v = 7
    print(eval('v * 6'))
    exec('print(v + 1)')


inner()
c = compile('3 ** 2', '<expr>', 'eval')
print(type(c).__name__, eval(c), exec(c))
c = compile('for i in range(2): print("loop", i)', 'file.py', 'exec')
exec(c)
print(eval(compile('1 if True else 2', 's', 'eval')))
compile('a = 1', 'f', 'single')
print(builtins.len('abc'), builtins.__name__)
builtins.my_global = 42
print(my_global)
del builtins.my_global
for src in ["exec(1)", "eval(1)", "compile(1, 'f', 'exec')", "exec('x', 1)", "eval('x', 1)",
            "eval('x', {}, 1)", "exec('x', {}, 1)", "compile('1', 'f', 'bad')", "eval('a\\0b')",
            "compile('x=1', 'f', 'eval')", "eval('x=1')", "exec('1+', {})", "compile('1')", "eval()",
            "eval('undefined_name')", "exec('raise ValueError(5)')",
            "compile('if 1:\\n\\tx=1\\n        y=2\\n', 'f', 'exec')",
            "compile('def f():\\n  x\\n y', 'g', 'exec')", "exec('1/0', {})"]:
    try:
        print(src, '->', exec(src))
    except BaseException as e:
        print(src, '!!', type(e).__name__, e.args[0] if e.args else '')
try:
    exec('def g():\n    return 1/0\ng()')
except ZeroDivisionError as e:
    print('traceback through exec:', e)
