# import of .py modules next to the script: import, from-import, as, module caching, module attributes.
import _helper
print(_helper.CONSTANT, _helper.greet("main"), _helper.__name__)
import _helper as h
print(h is _helper, h.bump(), h.bump(), _helper.counter)
from _helper import greet, Square, CONSTANT as C
print(greet("x"), Square().describe(), C)
import _helper2
print(_helper2.VALUE, _helper2.twice("y"))
print(_helper2._helper is _helper)
import sys
print("_helper" in sys.modules, sys.modules["_helper"] is _helper)
_helper.CONSTANT = 0
from _helper import CONSTANT
print(CONSTANT)
class Tri(_helper.Shape):
    sides = 3
print(Tri().describe(), isinstance(Tri(), _helper.Shape))
try:
    import _does_not_exist
except ImportError as e:
    print(type(e).__name__, e)
try:
    from _helper import nothing_here
except ImportError as e:
    print("ImportError", type(e).__name__)
print(__name__)
