# __len__ and __bool__ hooks that allocate, reached from len(), truth tests and the builtins using them.
from _evil import churn, case


class Ln:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        churn()
        return self.n


class B:
    def __init__(self, b):
        self.b = b

    def __bool__(self):
        churn()
        return self.b

    def __repr__(self):
        return "B(%r)" % (self.b,)


case("len(Ln)", lambda: len(Ln(5)))
case("len(Ln) negative", lambda: len(Ln(-1)))
case("bool(Ln)", lambda: (bool(Ln(0)), bool(Ln(3))))
case("not Ln", lambda: not Ln(0))
case("bool(B)", lambda: (bool(B(True)), bool(B(False))))
case("not B", lambda: (not B(True), not B(False)))
case("if B", lambda: "yes" if B(True) else "no")
case("B and/or", lambda: (B(False) or "x", B(True) and "y", B(False) and "z"))

def while_b():
    n = 0
    flags = [B(True), B(True), B(False)]
    while flags[n]:
        n += 1
    return n
case("while B", while_b)

case("any(B...)", lambda: any([B(False), B(False), B(True)]))
case("all(B...)", lambda: all([B(True), B(False)]))
case("any(empty-ish Ln)", lambda: any([Ln(0), Ln(0)]))
case("filter(None, B...)", lambda: list(filter(None, [B(True), B(False), B(True)])))
case("filter(fn, ...)", lambda: list(filter(lambda x: B(x % 2 == 0), range(6))))
case("bool returning int", lambda: bool(type("X", (), {"__bool__": lambda s: 1})()))
case("len returning str", lambda: len(type("Y", (), {"__len__": lambda s: "3"})()))

def comp_if():
    return [i for i in range(5) if B(i > 2)]
case("comprehension if B", comp_if)

def assert_b():
    try:
        assert B(False), "asserted"
    except AssertionError as e:
        return str(e)
case("assert B", assert_b)

def ternary_in_loop():
    out = []
    for i in range(4):
        out.append("even" if B(i % 2 == 0) else "odd")
    return out
case("ternary over B in a loop", ternary_in_loop)

def list_of_lens():
    return [len(Ln(i)) for i in range(3)] + [len(x) for x in ([1], "ab", (1, 2, 3))]
case("len of mixed", list_of_lens)
