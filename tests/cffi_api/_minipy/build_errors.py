# minipy-only: compiler errors are VerificationErrors carrying the compiler's message; a module
# whose C does not link fails at import with an ImportError naming the symbol; emit_c_code
import sys
import cffi
from cffi import FFI

ffi = FFI()
ffi.cdef("#define NOT_DEFINED_ANYWHERE ...")
ffi.set_source("_api_broken", "/* NOT_DEFINED_ANYWHERE is missing */")
try:
    ffi.compile(tmpdir="_build")
    raise AssertionError("compiled")
except cffi.VerificationError as e:
    assert "NOT_DEFINED_ANYWHERE" in str(e) and "CompileError" in str(e), str(e)

ffi = FFI()
ffi.cdef("int no_such_function_xyz(int);")
ffi.set_source("_api_unlinked", "int no_such_function_xyz(int);")
ffi.compile(tmpdir="_build")
sys.path.insert(0, "_build")
try:
    import _api_unlinked
    raise AssertionError("imported")
except ImportError as e:
    assert "no_such_function_xyz" in str(e), str(e)

ffi = FFI()
ffi.cdef("int forty_two(void); struct s { int a; ...; };")
ffi.set_source("_api_emit", "struct s { long x; int a; };\nstatic int forty_two(void) { return 42; }")
ffi.emit_c_code("_build/_api_emit_copy.c")
ffi.emit_c_code("_build/_api_emit_copy.c")
path = ffi.compile(tmpdir="_build")
assert path.endswith("_build/_api_emit.minipy.so"), path
from _api_emit import ffi as effi, lib as elib
assert elib.forty_two() == 42 and effi.offsetof("struct s", "a") == 8
assert repr(elib) == "<Lib object for '_api_emit'>", repr(elib)

# dotted module names build into subdirectories
ffi = FFI()
ffi.cdef("int seven(void);")
ffi.set_source("pkgdir._api_sub", "static int seven(void) { return 7; }")
path = ffi.compile(tmpdir="_build")
assert path.endswith("_build/pkgdir/_api_sub.minipy.so"), path
print("ok")
