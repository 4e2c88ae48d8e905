# compile() of a try mixing except and except*: CPython's message and location (line, offset).
sources = [
    "try:\n    pass\nexcept ValueError:\n    pass\nexcept* TypeError:\n    pass\n",
    "try:\n    pass\nexcept* ValueError:\n    pass\nexcept TypeError:\n    pass\n",
    "def f():\n    try:\n        pass\n    except *E:\n        pass\n    except:\n        pass\n",
    "try:\n    x\nexcept* A:\n    y\nexcept* B:\n    z\nelse:\n    w\n",
    "try:\n    x\nexcept A:\n    y\nexcept B:\n    z\n",
]
for src in sources:
    try:
        compile(src, "f.py", "exec")
        print("compiled")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
