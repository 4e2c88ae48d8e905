# pwuid_build.py
from cffi import FFI
ffi = FFI()
ffi.cdef("""
    typedef int... uid_t;
    struct passwd { uid_t pw_uid; ...; };
    struct passwd *getpwnam(const char *);
""")
ffi.set_source("_pwuid_cffi", """
    #include <sys/types.h>
    #include <pwd.h>
""")
ffi.compile()
