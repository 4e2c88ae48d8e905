# PEP 263 for compile/exec/eval of bytes and for imported modules.
code = compile(b"# coding: latin-1\ns = '\xe9'\n", "<b>", "exec")
ns = {}
exec(code, ns)
print(ascii(ns["s"]))
exec(b"t = '\xc3\xa9'\nprint(ascii(t))")
exec(b"\xef\xbb\xbfu = '\xc3\xa9'\nprint(ascii(u))")
print(eval(b"1 + 2"), eval(b"# coding: latin-1\nlen('\xe9\xe8')"))
for src in [b"# coding: xyz\n", b"x = '\xe9'\n", b"y = 1\ns = \"ab\xe9cd\"\n", b"z = '\xff'\n", b"# coding: ascii\nx = 1\n"]:
    try:
        exec(compile(src, "<b>", "exec"))
        print("ok", src)
    except SyntaxError as e:
        print("SyntaxError", e.args[0])
for mod in ["_coding_unknown_mod", "_coding_ascii_bad_mod"]:
    try:
        __import__(mod)
    except SyntaxError as e:
        print(mod, "SyntaxError", e.args[0])
