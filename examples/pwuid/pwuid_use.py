# pwuid_use.py
from _pwuid_cffi import ffi, lib
print(lib.getpwnam(b"root").pw_uid)
