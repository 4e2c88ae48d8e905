# bool and None: values, truthiness, identity, arithmetic.
print(True, False, None, not True, not None, not 0, not "", not [1])
print(True and 3, 0 and 3, 0 or "x", "" or [] or None, 5 or 6, None or 0)
print(bool(0), bool(1), bool(-1), bool(0.0), bool(""), bool("a"), bool([]), bool([0]), bool({}), bool(()), bool(None))
print(True == 1, False == 0, True is True, None is None, type(None).__name__, type(True).__name__)
print(isinstance(True, int), True + 1, True * 3.5, str(True), repr(None))
x = None
if x is None:
    print("x is None")
if x is not None:
    print("unreachable")
print([v for v in (0, 1, "", "s", None, [], [0]) if v])
def f():
    pass
print(f(), f() is None)
print(1 if True else 2, 1 if None else 2)
print(True & False, True | False, True ^ True, ~True)
print(sorted([True, False, True]), max(False, True), sum([True, True, False]))
print({True: "a", 1: "b"}, {0: "x", False: "y"})
