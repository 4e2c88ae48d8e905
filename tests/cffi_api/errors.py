# API mode errors: misuse of set_source / compile / emit_*, missing modules
# (compiler failures and stale files are minipy-specific: interp/tests/cffi_api.rs)
from cffi import FFI
import cffi

ffi = FFI()
try:
    ffi.compile(tmpdir="_build")
except Exception as e:
    print(type(e).__name__, e)
try:
    ffi.set_source(42, "")
except TypeError as e:
    print("TypeError", e)
ffi.set_source("_api_twice", "")
try:
    ffi.set_source("_api_twice2", "")
except ValueError as e:
    print("ValueError", e)
try:
    FFI().emit_c_code("x.c")
except ValueError as e:
    print("ValueError", e)
try:
    FFI().emit_python_code("x.py")
except ValueError as e:
    print("ValueError", e)
try:
    import _api_never_built_module
except ImportError as e:
    print(type(e).__name__, e)
