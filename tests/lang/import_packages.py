# Packages: __init__.py, submodules, relative imports, circular imports, __import__, importlib.
import sys


def clean(msg):
    # CPython appends the module's absolute path in parentheses: drop it.
    msg = str(msg)
    if msg.endswith(".py)"):
        msg = msg[: msg.rindex(" (")]
    return msg


import _imppkg
print(_imppkg.VALUE, _imppkg.A_VALUE, _imppkg.sub_a.who())
print("_imppkg" in sys.modules, "_imppkg.sub_a" in sys.modules, "_imppkg.sub_b" in sys.modules)
print(hasattr(_imppkg, "sub_b"))
import _imppkg.sub_b
print(hasattr(_imppkg, "sub_b"), _imppkg.sub_b.B_VALUE, sys.modules["_imppkg.sub_b"] is _imppkg.sub_b)
print(_imppkg.inner.deep.DEEP, _imppkg.inner.__package__, _imppkg.inner.deep.__package__)
import _imppkg.sub_b as sb
print(sb is _imppkg.sub_b, sb.__name__)
from _imppkg import plain
print(plain.X, plain.__name__, plain.__package__, "plain" in dir(_imppkg))
from _imppkg import star
from _imppkg.star import *
print(pub, _priv, "other" in globals())
import _imppkg.inner.deep as dp
print(dp.__name__, dp.DEEP)

# errors
for stmt in [
    "import _nope",
    "import _imppkg.nope",
    "import _imppkg.plain.x",
    "from _imppkg import nope",
    "from _imppkg.plain import nope",
    "from sys import nope",
    "import _imppkg.inner.toofar",
    "import _imppkg.circ_a",
    "import _imppkg.selfimp",
    "from . import x",
    "from .x import y",
]:
    try:
        exec(stmt)
    except ImportError as e:
        print(stmt, "->", type(e).__name__, clean(e), "| name:", e.name)
print("_imppkg.circ_a" in sys.modules, "_imppkg.circ_b" in sys.modules)

import _imppkg.circ_c
print(_imppkg.circ_c.f(), _imppkg.circ_d.c is _imppkg.circ_c)

for i in range(2):
    try:
        import _imppkg.broken
    except ValueError as e:
        print("broken:", e, "_imppkg.broken" in sys.modules, hasattr(_imppkg, "broken"))

# __import__
m = __import__("_imppkg.sub_a")
print(m.__name__)
m = __import__("_imppkg.sub_a", None, None, ["A_VALUE"])
print(m.__name__)
m = __import__("_imppkg.inner.deep", fromlist=("DEEP",))
print(m.__name__)
m = __import__("sub_a", {"__package__": "_imppkg"}, None, ["who"], 1)
print(m.__name__)
m = __import__("", {"__name__": "_imppkg.sub_b"}, None, ["sub_a"], 1)
print(m.__name__)
m = __import__("inner.deep", {"__name__": "_imppkg", "__path__": []}, None, None, 1)
print(m.__name__)
m = __import__("", {"__name__": "_imppkg.inner.deep"}, None, ["plain"], 2)
print(m.__name__, m.plain.X)
for args in [("x", {}, None, None, 1), ("", None, None, None, 0), ("x", None, None, None, -1),
             ("x", {"__package__": "a"}, None, None, 2)]:
    try:
        __import__(*args)
    except (ImportError, ValueError, KeyError) as e:
        print(args, type(e).__name__, e)
try:
    __import__(5)
except TypeError as e:
    print("TypeError", e)

# importlib
import importlib
print(importlib.import_module("_imppkg.sub_a").__name__)
print(importlib.import_module(".sub_a", "_imppkg").__name__)
print(importlib.import_module("..sub_a", "_imppkg.inner").__name__)
print(importlib.import_module(".inner.deep", package="_imppkg").__name__)
for args in [(".x",), ("...x", "_imppkg.inner"), ("_nope_mod",)]:
    try:
        importlib.import_module(*args)
    except (ImportError, TypeError) as e:
        print(args, type(e).__name__, e, getattr(e, "name", None))
import _imppkg.counter
print(_imppkg.counter.count)
r = importlib.reload(_imppkg.counter)
print(r is _imppkg.counter, _imppkg.counter.count)
importlib.reload(sys)
e = ImportError("m", name="n", path="p")
print(e.name, e.path, e.msg, e.args, ImportError().name)
print(__name__, __package__)

# namespace packages (directories without __init__.py) and sys.path changes
import _impns.sub.leaf
print(_impns.__file__, [p.split("/")[-1] for p in _impns.__path__], _impns.__package__)
print(_impns.sub.leaf.LEAF, _impns.sub.leaf.me is _impns.sub, "_impns.sub" in sys.modules)
from _impns.sub import leaf
print(leaf.LEAF)
try:
    import _extra_mod
except ModuleNotFoundError as e:
    print("not yet:", e)
sys.path.insert(0, "_imppath")
import _extra_mod
print(_extra_mod.EXTRA)
sys.modules["_blocked"] = None
try:
    import _blocked
except ImportError as e:
    print(type(e).__name__, e, e.name)
