# The talk's getpwnam example in ABI mode: look up the current user through `struct passwd`.
# (os.getlogin is not available: getuid() + getpwuid() give the name, getpwnam() looks it up.)
from cffi import FFI

ffi = FFI()
ffi.cdef("""
    typedef unsigned int uid_t;
    typedef unsigned int gid_t;
    struct passwd {
        char *pw_name;
        char *pw_passwd;
        uid_t pw_uid;
        gid_t pw_gid;
        char *pw_gecos;
        char *pw_dir;
        char *pw_shell;
    };
    uid_t getuid(void);
    struct passwd *getpwuid(uid_t uid);
    struct passwd *getpwnam(const char *name);
""")
lib = ffi.dlopen(None)

uid = lib.getuid()
me = lib.getpwuid(uid)
assert me != ffi.NULL
name = ffi.string(me.pw_name)
print("current user:", name.decode(), "uid", uid)

p = lib.getpwnam(name)
print(repr(p)[:25] + "...>")
assert repr(p).startswith("<cdata 'struct passwd *' 0x")
print("pw_uid:", p.pw_uid, "home:", ffi.string(p.pw_dir).decode(), "shell:", ffi.string(p.pw_shell).decode())
assert p.pw_uid == uid
assert lib.getpwnam(b"no-such-user-hopefully") == ffi.NULL
print("ok")
