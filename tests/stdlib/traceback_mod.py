import sys, traceback
def inner(n):
    raise ValueError("boom %d" % n)
def outer():
    inner(1)
def clean(l):
    # CPython's __main__ path is absolute, minipy's as given: keep the base name
    if l.startswith('  File "'):
        head, path, rest = l.split('"', 2)
        l = head + '"' + path.split("/")[-1] + '"' + rest
    return l
class Out:
    def write(self, s):
        for l in s.splitlines(True):
            sys.stdout.write(clean(l))
out = Out()
def show(lines):
    for l in lines:
        out.write(l)
try:
    outer()
except ValueError as e:
    show(traceback.format_exception(e))
    show(traceback.format_exception(type(e), e, e.__traceback__))
    show(traceback.format_exc().splitlines(True))
    show(traceback.format_tb(e.__traceback__))
    show(traceback.format_tb(e.__traceback__, limit=1))
    show(traceback.format_tb(e.__traceback__, limit=-1))
    for fs in traceback.extract_tb(e.__traceback__):
        print(fs.name, fs.lineno, fs.line, repr(fs)[:14], fs == (fs.filename, fs.lineno, fs.name, fs.line))
    print(traceback.format_exception_only(e))
    print([ln for f, ln in traceback.walk_tb(e.__traceback__)])
    traceback.print_exc(file=out)
    traceback.print_exception(e, file=out)
class MyErr(Exception):
    pass
try:
    try:
        {}.pop("k")
    except KeyError as k:
        raise MyErr("wrapped") from k
except MyErr as e:
    show(traceback.format_exception(e))
    show(traceback.format_exception(e, chain=False))
try:
    try:
        divmod(1, 0)
    except ZeroDivisionError:
        raise TypeError("during")
except TypeError as e:
    show(traceback.format_exception(e))
print(traceback.format_exception_only(ValueError()))
print(traceback.format_exception_only(KeyError("x")))
def f3():
    return traceback.extract_stack()
st = f3()
print([(s.name, s.line) for s in st])
def f4():
    traceback.print_stack(file=out)
f4()
def rec(n):
    if n == 0:
        raise RuntimeError("deep")
    rec(n - 1)
try:
    rec(6)
except RuntimeError:
    traceback.print_exc(file=out)
show(traceback.format_list([("a.py", 1, "f", "x = 1"), ("b.py", 2, "g", None)]))
try:
    raise ValueError("x").with_traceback(None)
except ValueError as e:
    print(len(traceback.extract_tb(e.__traceback__)))
