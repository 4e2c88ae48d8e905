# The FFI lifetime checker (MINIPY_FFI_CHECK=1) catching C code that keeps a pointer too long.
#
# Run it plainly: it re-runs itself three times as a child with MINIPY_FFI_CHECK=1 and shows
# what each child printed, its stderr (the checker's report) and how it ended:
#   uaf       a struct field keeps the char* of an ffi.new() temporary; after gc.collect() libc's
#             strlen reads it: the report names 'char[]', its size, the ffi.new line, the GC
#             collection it died in, and the child dies by SIGSEGV (not silently reading garbage);
#   overflow  memset writes one byte past a char[8] into the guard page: SIGSEGV, reported;
#   handle    ffi.from_handle() of a handle whose cdata died: a RuntimeError naming the
#             ffi.new_handle() line.
import gc
import os
import subprocess
import sys

from cffi import FFI

ffi = FFI()
ffi.cdef("""
    size_t strlen(const char *);
    void *memset(void *, int, size_t);
    struct person { char *name; int age; };
""")
libc = ffi.dlopen(None)


def set_name(person, name):
    # BUG (cffi's classic footgun): the char[] cdata is owned by this local only; the struct field
    # keeps a raw pointer to its memory, which dies when the function returns.
    person.name = ffi.new("char[]", name)


def uaf():
    p = ffi.new("struct person *")
    set_name(p, b"Ada Lovelace")
    print("name set; collecting")
    gc.collect()
    print("strlen:", libc.strlen(p.name))  # reads freed memory


def overflow():
    buf = ffi.new("char[8]")
    libc.memset(buf, ord("A"), 8)
    print("8 bytes written")
    libc.memset(buf, ord("A"), 9)  # one byte too many
    print("9 bytes written")


class Session:
    pass


def handle():
    h = ffi.new_handle(Session())
    token = ffi.cast("void *", h)  # what C would store
    print("from_handle:", type(ffi.from_handle(token)).__name__)
    del h  # BUG: C still holds `token`
    gc.collect()
    try:
        ffi.from_handle(token)
    except RuntimeError as e:
        print("RuntimeError:", e)


def main():
    for case in ["uaf", "overflow", "handle"]:
        env = dict(os.environ, MINIPY_FFI_CHECK="1")
        r = subprocess.run([sys.executable, __file__, case], capture_output=True, env=env)
        print(f"---- {case}: stdout")
        print(r.stdout.decode(), end="")
        print(f"---- {case}: stderr")
        print(r.stderr.decode(), end="")
        if r.returncode < 0:
            print(f"---- {case}: killed by signal {-r.returncode} (11 = SIGSEGV)")
        else:
            print(f"---- {case}: exit status {r.returncode}")


if len(sys.argv) > 1:
    {"uaf": uaf, "overflow": overflow, "handle": handle}[sys.argv[1]]()
else:
    main()
