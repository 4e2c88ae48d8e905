# Assorted core semantics found by the MicroPython basics suite: super() argument checks and repr,
# immutable builtin types, deleting an empty cell, bound-method equality and hash, __bases__,
# next() propagating an iterator's own StopIteration, 0.0 ** -inf.
class A:
    def foo(self):
        return 1


class B(A):
    def show(self):
        return str(super())


print(B().show(), super(B, B()), super(B))
for bad in [lambda: super(str, 0), lambda: super(str, int), lambda: super(0, int)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
try:
    super(B, B()).foo = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    del super(B, B()).foo
except AttributeError as e:
    print("AttributeError", e)

for stmt in ["int.to_bytes = 1", "del int.to_bytes", "ValueError.x = 1", "object.y = 2"]:
    try:
        exec(stmt)
    except TypeError as e:
        print("TypeError", e)
A.z = 3
del A.z
print(hasattr(A, "z"))


def cells():
    x = 1

    def h():
        nonlocal x
        try:
            del x
        except NameError as e:
            print("NameError", e)

    del x
    h()
    try:
        del x
    except NameError as e:
        print("NameError", e)
    return h


cells()

a = A()
m1, m2 = a.foo, a.foo
print(m1 == m2, m1 != m2, m1 == A().foo, m1 == None, hash(m1) == hash(m2), len({m1, m2}))
print(A.__bases__, B.__bases__, object.__bases__, A.__base__, object.__base__, int.__bases__)


class It:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration(42)


try:
    next(It())
except StopIteration as e:
    print("StopIteration", e.args, e.value)
print(next(It(), "dflt"))
print(pow(0.0, float("-inf")), 0.0 ** float("-inf"), (-0.0) ** float("-inf"))
try:
    0.0 ** -1.0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
