# Importing a module with a syntax error raises SyntaxError naming the file and line.
try:
    import _bad_syntax
except SyntaxError as e:
    print(type(e).__name__, e.filename.replace("\\", "/").split("/")[-1], e.lineno)
print("still running")
