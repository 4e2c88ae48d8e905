# The Python part of the stdlib is shipped in the binary; a script's own module shadows it.
import keyword
print(keyword.iskeyword('for'), keyword.iskeyword('x'), len(keyword.kwlist), keyword.softkwlist)
print(keyword.__name__, keyword.issoftkeyword('match'), keyword.issoftkeyword('for'))
import sys
print('keyword' in sys.modules, sys.modules['keyword'] is keyword)
from keyword import kwlist as k2
print(k2 is keyword.kwlist)
try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print(e)
