# Subclasses of int/tuple/bytes/float (boxed instances, vm/boxed.rs) built and used while hooks
# allocate: the builtin's __new__ runs __index__/__float__/iteration, then the box is made.
from _evil import churn, case


class I:
    def __index__(self):
        churn()
        return 7

    def __float__(self):
        churn()
        return 2.5


def gen():
    for k in range(3):
        if k == 1:
            churn()
        yield (k,) * 3


class MyInt(int):
    pass


class MyFloat(float):
    pass


class P(tuple):
    def __new__(cls, it):
        return super().__new__(cls, it)


class B(bytes):
    pass


case("int", lambda: MyInt(7) + MyInt(I().__index__()))
case("float", lambda: MyFloat(I()) * 2)
case("tuple", lambda: P(gen()) + P(gen()))
case("bytes", lambda: B([I(), I()]) + b"!")
case("hash", lambda: ({P(gen()): 1}[P(gen())], {P(gen())} == {tuple(gen())}))


class H(int):
    def __hash__(self):
        churn()
        return 1

    def __eq__(self, o):
        churn()
        return int(self) == int(o)


case("dict", lambda: sorted({H(1): "a", H(2): "b", 3: "c"}.values()))
p = P(gen())
p.attr = [churn(), p]
case("attr", lambda: (len(p.attr), p.attr[1] is p, p[2]))
