# A generator expression without its own parentheses must be a call's only argument.
y = [1, 2, 3]
print(sum(x for x in y), list(x * 2 for x in y if x > 1))
print(sorted((x for x in y), reverse=True), max((a) for a in (y)))
print(list(((x, x) for x in y)), dict(((x, -x) for x in y)))
print(sum((x for x in y), 10), "".join(str(x) for x in y))
def f(*a, **k):
    return a, k
print(f((x for x in y), 1)[1], len(f(((x for x in y)))[0]))
for src in [
    "f(x for x in y, 1)",
    "f(1, x for x in y)",
    "f(x for x in y,)",
    "f((a) for a in (y), 1)",
    "f(x for x in y, k=1)",
    "class C(x for x in y, object): pass",
    "f(1,\n  x for x in y)",
]:
    try:
        compile(src, "<s>", "exec")
        print("compiled", repr(src))
    except SyntaxError as e:
        print(repr(src), "->", e.msg, e.lineno, e.filename)
