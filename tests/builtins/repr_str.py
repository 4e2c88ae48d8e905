# repr and str on built-in values and user classes.
values = [0, -1, 2.5, 1e100, True, None, "s", "it's", 'q"', "a\nb\tc\\", "", b"b", b"\x00", [1, "x"], (1,), (), {}, {"a": [1]}, set(), range(3), 10 ** 20]
for v in values:
    print(repr(v), "|", str(v))
class A:
    def __repr__(self):
        return "A-repr"
class B(A):
    def __str__(self):
        return "B-str"
print(repr(A()), str(A()), repr(B()), str(B()), [A(), B()])
print(str(), repr(str), repr(int), str(list), type(1.0), type(None), type([]).__name__)
print(repr(repr("x")), str(str("y")), repr("\x07\x7f"), repr("é"), repr("\u200b"))
