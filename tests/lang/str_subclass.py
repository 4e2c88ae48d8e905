# Subclasses of str: methods, super().__repr__, reprs inside containers, use as dict keys.
class Tag(str):
    def wrap(self):
        return "<" + self + ">"
    def __repr__(self):
        return "Tag(" + super().__repr__() + ")"
t = Tag("b")
print(t, repr(t), t.wrap(), t == "b", {t: 1}["b"], isinstance(t, str), type(t).__name__, len(t), t.upper(), t + "x")
print([Tag(i) for i in range(3)], Tag(), Tag(b"ab", "ascii").wrap())
