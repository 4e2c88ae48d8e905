# Natives of the system modules that reach Python code: the builtin open (which imports io and
# forwards its arguments, keywords included), os.fspath/__fspath__ under open/os.stat,
# OSError construction (errno subclass mapping, attributes) and _os errors carrying filenames,
# with hooks that allocate and mutate while the natives hold their arguments.
from _evil import churn, case
import os

d = '/tmp/minipy_evil_system_%d' % os.getpid()
os.mkdir(d)
target = os.path.join(d, 'f.txt')


class P:
    """A path-like whose __fspath__ allocates and changes what it returns next time."""

    def __init__(self, path):
        self.path = path
        self.calls = 0

    def __fspath__(self):
        churn()
        self.calls += 1
        return self.path


class Enc(str):
    pass


def write_kw():
    with open(P(target), mode='w', encoding='utf-8', newline=None) as f:
        return f.write('x' * 1000)


def read_kw():
    with open(file=P(target), mode='r') as f:
        return f.read()[:5]


case("open kw", write_kw)
case("open again", read_kw)
case("stat", lambda: os.stat(P(target)).st_size)
case("fspath", lambda: os.fspath(P('abc')))


class BadFs:
    def __fspath__(self):
        churn()
        return 42


case("bad fspath", lambda: os.fspath(BadFs()))
case("bad open", lambda: open(BadFs()))
def missing():
    try:
        open(P(os.path.join(d, 'missing' * 3)))
    except FileNotFoundError as e:
        churn()
        return (e.errno, os.path.basename(e.filename))


case("missing", missing)


def make_errors():
    out = []
    for i, no in enumerate((2, 13, 17, 21, 20, 1, 999)):
        if i % 3 == 0:
            churn()
        e = OSError(no, 'msg' * no if no < 30 else 'x', P('fn').path, None, 'f2')
        out.append((type(e).__name__, e.errno, e.filename, e.filename2, str(e)[:40]))
    return out


case("oserrors", make_errors)


def rename_missing():
    a = os.path.join(d, 'nope_a')
    b = os.path.join(d, 'nope_b')
    try:
        os.rename(P(a), P(b))
    except FileNotFoundError as e:
        churn()
        return (e.filename == a, e.filename2 == b)


case("rename", rename_missing)
case("open builtin is io.open", lambda: open is __import__('io').open)
os.unlink(target)
os.rmdir(d)
print(os.path.exists(d))
