# __doc__ of builtin functions, types, methods, classes and instances
print(len.__doc__)
print(int.__doc__.splitlines()[0])
print(list.__doc__.splitlines()[0], "|", dict.__doc__.splitlines()[0])
print([].append.__doc__)
print(list.append.__doc__)
print(str.join.__doc__.splitlines()[0])
print(ValueError.__doc__)
print(print.__doc__.splitlines()[0])
print((5).__doc__.splitlines()[0])


class A:
    """A's doc."""


class B(A):
    pass


def f():
    """f doc"""


print(A.__doc__, B.__doc__, A().__doc__, B().__doc__, f.__doc__)
a = A()
a.__doc__ = "own"
print(a.__doc__)
import sys
print(type(sys.modules["__main__"].__doc__))
