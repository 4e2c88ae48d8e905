# Builtin and module functions stored as class attributes do not bind self (they are no
# descriptors); Python functions, lambdas and builtin methods such as list.append do.
import math

class A:
    def __init__(self, v):
        self.v = v
    def __call__(self, x):
        return "call", self.v, x
    def meth(self, x):
        return "meth", self.v, x

class C(list):
    f_abs = abs
    f_len = len
    f_sqrt = math.sqrt
    f_int = int
    f_inst = A(1)
    f_bound = A(2).meth
    f_lambda = lambda self, x: ("lambda", type(self).__name__, x)
    f_append = list.append

c = C()
print(c.f_abs(-3), C.f_abs(-4))
print(c.f_len("abc"), c.f_sqrt(16.0), C.f_sqrt(9.0), c.f_int("7"))
print(c.f_inst(5), c.f_bound(6), c.f_lambda(7))
c.f_append(8)
print(c)
f = c.f_abs
print(f(-9), getattr(c, "f_len")([1, 2]))
try:
    c.f_abs()
except TypeError as e:
    print("TypeError", e)
