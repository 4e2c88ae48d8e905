# Embedding, builder side: ffi.embedding_api() declarations and embedding_init_code() checks
# (building and calling a library from C: interp/tests/embed.rs and examples/embedding/)
import cffi

ffi = cffi.FFI()
ffi.embedding_init_code("""

        x = 1
          # comment
        if x:
            y = 2
""")
try:
    ffi.embedding_init_code("x = 2")
except ValueError as e:
    print("ValueError:", e)

ffi2 = cffi.FFI()
try:
    ffi2.embedding_init_code("def f(:\n  pass\n")
except SyntaxError as e:
    print("SyntaxError:", e.filename, e.lineno)
# a failed call records nothing: the next one is accepted
ffi2.embedding_init_code("pass")
print("accepted after a SyntaxError")

ffi3 = cffi.FFI()
ffi3.embedding_api("""
    struct s { int a; char b; };
    typedef struct s s_t;
    int f(int);
    double g(s_t *, const char *);
""")
ffi3.embedding_init_code("pass")
try:
    ffi3.embedding_init_code("pass")
except ValueError as e:
    print("ValueError:", e)
print(ffi3.typeof("int(*)(int)"), ffi3.sizeof("struct s"), ffi3.sizeof("s_t"))

ffi4 = cffi.FFI()
ffi4.embedding_api("struct p { short x, y; };", packed=True)
print(ffi4.sizeof("struct p"))
try:
    ffi4.embedding_api("int broken(;")
except cffi.CDefError as e:
    print("CDefError")

# wrong arguments
for call in ["ffi.embedding_init_code()", "ffi.embedding_init_code(5)",
             "ffi.embedding_init_code(pysource='x=1')", "ffi.embedding_init_code(b'x=1')",
             "ffi.embedding_api(5)", "ffi.embedding_api()", "ffi.embedding_api(csource='int q(int);')",
             "ffi.embedding_api('int r(int);', pack=2)", "ffi.compile(target=5)"]:
    ffi = cffi.FFI()
    try:
        eval(call)
        print(call, "ok")
    except Exception as e:
        print(call, type(e).__name__, e)
ffi = cffi.FFI()
try:
    ffi.embedding_init_code("x = 1\n  y = 2\n")
except SyntaxError as e:
    print(type(e).__name__, e.filename, e.lineno)
