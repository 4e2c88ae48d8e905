# isinstance (incl. tuples of types), issubclass, type.
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, B), isinstance(b, A), isinstance(b, C), isinstance(b, (C, A)), isinstance(b, (C, (int, B))), isinstance(b, object))
print(isinstance(1, int), isinstance(True, int), isinstance(1, float), isinstance(1.0, (int, float)), isinstance("s", str), isinstance(None, type(None)))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(set(), set), isinstance(frozenset(), set), isinstance(b"", bytes))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, A)), issubclass(bool, int), issubclass(int, object), issubclass(A, A))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, (IndexError, LookupError)))
print(type(1), type("a"), type(b), type(B), type(type), type(len).__name__ in ("builtin_function_or_method", "function"))
print(type(b) is B, type(b) == A, type(1) is int, type(2.0).__name__, type([]).__name__, type(()).__name__, type({}).__name__)
T = type(b)
print(T.__name__, isinstance(T(), A))
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError")
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError")
