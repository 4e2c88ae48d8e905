# helper for interp/tests/cffi_api.rs: builds _build/_api_orig.minipy.so (then copied elsewhere)
from cffi import FFI
ffi = FFI()
ffi.cdef("int one(void);")
ffi.set_source("_api_orig", "static int one(void) { return 1; }")
ffi.compile(tmpdir="_build")
