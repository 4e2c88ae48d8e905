# minipy-only (run by interp/tests/cffi_api.rs, which first creates the files used here):
# stale or foreign files under a module's name give a clear ImportError
import sys
sys.path.insert(0, "_build")



def check(msg, *parts):
    assert msg is not None, "imported"
    for p in parts:
        assert p in msg, msg


msg = None
try:  # garbage under the minipy module name
    import _junk
except ImportError as e:
    msg = str(e)
check(msg, "_junk.minipy.so")
msg = None
try:  # a CPython build (and no minipy build)
    import _foreign
except ImportError as e:
    msg = str(e)
check(msg, "_foreign.cpython-311-x86_64-linux-gnu.so", "not a minipy module")
msg = None
try:  # a module compiled for another name, copied under this one
    import _renamed
except ImportError as e:
    msg = str(e)
check(msg, "compiled for module '_api_orig'")
msg = None
try:  # a shared library that is not a cffi module at all
    import _plain
except ImportError as e:
    msg = str(e)
check(msg, "not a module compiled by minipy")
msg = None
try:  # nothing at all
    import _api_absent_module
except ImportError as e:
    msg = str(e)
check(msg, "No module named '_api_absent_module'")
print("ok")
