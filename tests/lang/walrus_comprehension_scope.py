# `:=` in a comprehension binds in the enclosing function (honouring its global/nonlocal
# declarations), and may not rebind any enclosing comprehension's iteration variable.
def f0():
    any((v0 := i) for i in range(3))
    return v0

def f1():
    v1 = 0
    print([v1 := i for i in [0, 1, 2] if i > v1], v1)

def f2():
    global g2
    print([g2 := i for i in range(2)])

def f3():
    n3 = "outer"
    def inner():
        nonlocal n3
        print([n3 := i * 2 for i in range(3)])
    inner()
    return n3

def f4():
    out = [[(last := (i, j)) for i in range(2)] for j in range(2)]
    return out, last

print(f0(), "v0" in globals())
f1()
f2()
print(g2, f3(), f4())
print([y := k for k in "ab"], y)

for src in ("[i := 0 for i in range(3)]",
            "[i := -1 for i, j in [(1, 2)]]",
            "[[(i := j) for i in range(2)] for j in range(2)]",
            "[[(j := i) for i in range(2)] for j in range(2)]",
            "[(*a, b) for *a, b in [(1, 2)] if (a := 1)]",
            "(x := 1) if 0 else [q for q in [(w := 2)]]"):
    try:
        print(eval(src))
    except SyntaxError as e:
        print("SyntaxError", e.msg)
