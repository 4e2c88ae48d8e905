import operator
from operator import itemgetter, attrgetter, methodcaller


def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)


print(operator.lt(1, 2), operator.le(2, 2), operator.eq(1, 1), operator.ne(1, 1),
      operator.ge(1, 2), operator.gt(3, 2))
print(operator.not_(0), operator.truth([]), operator.is_(None, None), operator.is_not(1, None))
print(operator.abs(-3), operator.add(1, 2), operator.and_(6, 3), operator.floordiv(7, 2),
      operator.index(5), operator.inv(5), operator.invert(0), operator.lshift(1, 4),
      operator.mod(7, 3), operator.mul(3, 4), operator.neg(2), operator.or_(4, 1),
      operator.pos(-1), operator.pow(2, 8), operator.rshift(32, 2), operator.sub(5, 7),
      operator.truediv(7, 2), operator.xor(5, 1))
print(operator.concat([1], [2]), operator.contains("abc", "b"), operator.countOf([1, 2, 1], 1),
      operator.getitem("abc", 1), operator.indexOf("abc", "c"))
l = [1, 2, 3]
operator.setitem(l, 0, 9); operator.delitem(l, 1); print(l)
print(operator.length_hint([1, 2]), operator.length_hint((1, 2, 3, 4)),
      operator.length_hint(x for x in []), operator.length_hint(object(), 7))
print(operator.call(max, 1, 5), operator.__add__(1, 1), operator.index(True))
a = [1]; b = operator.iadd(a, [2]); print(a, b is a)
print(operator.iadd(1, 2), operator.isub(5, 1), operator.imul("ab", 2), operator.itruediv(1, 2),
      operator.ifloordiv(7, 2), operator.imod(7, 2), operator.ipow(2, 3), operator.ilshift(1, 2),
      operator.irshift(8, 1), operator.iand(3, 1), operator.ior(1, 2), operator.ixor(3, 1),
      operator.iconcat([1], [2]))
s = {1}; operator.ior(s, {2}); print(s)

g = itemgetter(1)
print(g("abc"), itemgetter(0, 2)("abc"), itemgetter("k")({"k": 5}), itemgetter(slice(1, None))([1, 2, 3]))
print(repr(g), repr(itemgetter(0, "a")))
class O:
    pass
o = O(); o.a = O(); o.a.b = 5; o.c = 7
print(attrgetter("c")(o), attrgetter("a.b")(o), attrgetter("c", "a.b")(o))
print(repr(attrgetter("a.b")), repr(attrgetter("x", "y")))
m = methodcaller("split", ",", maxsplit=1)
print(m("a,b,c"), methodcaller("upper")("x"), repr(m), repr(methodcaller("f")))
print(sorted([(1, "b"), (0, "c"), (1, "a")], key=itemgetter(1)))
err(lambda: operator.index("a"))
err(lambda: operator.index(1.5))
err(lambda: operator.concat(1, 2))
err(lambda: operator.indexOf([1], 5))
err(lambda: attrgetter(1))
err(lambda: attrgetter("zz")(o))
err(lambda: methodcaller(1))
err(lambda: itemgetter(5)([1]))
err(lambda: operator.add(1, "a"))
err(lambda: operator.lt(1, "a"))
err(lambda: operator.length_hint([], "x"))
class H:
    def __length_hint__(self):
        return -1
err(lambda: operator.length_hint(H()))
class H2:
    def __length_hint__(self):
        return "x"
err(lambda: operator.length_hint(H2()))
class I:
    def __index__(self):
        return 42
print(operator.index(I()), [1, 2, 3][operator.index(I()) - 41])
