# A class's __new__ is an implicit staticmethod: reached through an instance it is not bound.
class A:
    def __new__(cls, *args):
        print("A.__new__", cls.__name__, args)
        return super().__new__(cls)
    def meth(self):
        return "meth"

a = A()
b = a.__new__(A)
print(type(b).__name__, b.meth())
f = a.__new__
print(type(f(A, 1)).__name__)
print(getattr(a, "__new__") is A.__new__)

class B(A):
    pass
print(type(B().__new__(B)).__name__)
