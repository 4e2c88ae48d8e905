# Operator and subscript dunders defined as staticmethod/classmethod are called without self, or
# with the class, as CPython's slot lookup binds them through the descriptor.
class C:
    @staticmethod
    def __sub__(rhs):
        return ("static sub", rhs)
    @classmethod
    def __add__(cls, rhs):
        return ("class add", cls.__name__, rhs)
    @classmethod
    def __radd__(cls, lhs):
        return ("class radd", cls.__name__, lhs)
    @staticmethod
    def __getitem__(k):
        return ("static get", k)
    @staticmethod
    def __setitem__(k, v):
        print("static set", k, v)
    @classmethod
    def __delitem__(cls, k):
        print("class del", cls.__name__, k)

class D(C):
    pass

c, d = C(), D()
print(c - 1, c + 2, 3 + d, d + 4)
print(c[5], d["k"])
c[1] = 2
del d[3]
