"""The numeric tower Number > Complex > Real > Rational > Integral (CPython's numbers module,
written for minipy from its documentation and PEP 3141).

minipy has no metaclasses, so these are plain classes rather than ABCs: a class that inherits
from one gets its mixin methods (Real.__complex__, Integral.__index__, ...) and isinstance works
for it, but `register` only records the class (in `_registry`) and isinstance(1, Number) is
False: the builtin int, float and complex are recorded as registered and are not instances.
The operators a subclass must provide raise NotImplementedError here.
"""

__all__ = ["Number", "Complex", "Real", "Rational", "Integral"]


def _abstract(name):
    def method(self, *args):
        raise NotImplementedError("%s.%s" % (type(self).__name__, name))
    method.__name__ = name
    method.__isabstractmethod__ = True
    return method


class Number:
    """All numbers inherit from this class."""

    __slots__ = ()
    __hash__ = None

    @classmethod
    def register(cls, subclass):
        """Record subclass as a virtual subclass (see the module docstring)."""
        if "_registry" not in cls.__dict__:
            cls._registry = []
        cls._registry.append(subclass)
        return subclass


class Complex(Number):
    """complex's operations: + - * / ** abs conjugate == and the real and imag parts."""

    __slots__ = ()

    __complex__ = _abstract("__complex__")

    def __bool__(self):
        return self != 0

    @property
    def real(self):
        raise NotImplementedError

    @property
    def imag(self):
        raise NotImplementedError

    __add__ = _abstract("__add__")
    __radd__ = _abstract("__radd__")
    __neg__ = _abstract("__neg__")
    __pos__ = _abstract("__pos__")

    def __sub__(self, other):
        return self + -other

    def __rsub__(self, other):
        return -self + other

    __mul__ = _abstract("__mul__")
    __rmul__ = _abstract("__rmul__")
    __truediv__ = _abstract("__truediv__")
    __rtruediv__ = _abstract("__rtruediv__")
    __pow__ = _abstract("__pow__")
    __rpow__ = _abstract("__rpow__")
    __abs__ = _abstract("__abs__")
    conjugate = _abstract("conjugate")
    __eq__ = _abstract("__eq__")


Complex.register(complex)


class Real(Complex):
    """float's operations: Complex's plus ordering, floor division, rounding, divmod."""

    __slots__ = ()

    __float__ = _abstract("__float__")
    __trunc__ = _abstract("__trunc__")
    __floor__ = _abstract("__floor__")
    __ceil__ = _abstract("__ceil__")
    __round__ = _abstract("__round__")

    def __divmod__(self, other):
        return (self // other, self % other)

    def __rdivmod__(self, other):
        return (other // self, other % self)

    __floordiv__ = _abstract("__floordiv__")
    __rfloordiv__ = _abstract("__rfloordiv__")
    __mod__ = _abstract("__mod__")
    __rmod__ = _abstract("__rmod__")
    __lt__ = _abstract("__lt__")
    __le__ = _abstract("__le__")

    def __complex__(self):
        return complex(float(self))

    @property
    def real(self):
        return +self

    @property
    def imag(self):
        return 0

    def conjugate(self):
        return +self


Real.register(float)


class Rational(Real):
    """A Real with numerator and denominator properties, in lowest terms."""

    __slots__ = ()

    @property
    def numerator(self):
        raise NotImplementedError

    @property
    def denominator(self):
        raise NotImplementedError

    def __float__(self):
        return int(self.numerator) / int(self.denominator)


class Integral(Rational):
    """int's operations: Rational's plus the bitwise ones, __index__ and 3-argument pow."""

    __slots__ = ()

    __int__ = _abstract("__int__")

    def __index__(self):
        return int(self)

    __pow__ = _abstract("__pow__")
    __lshift__ = _abstract("__lshift__")
    __rlshift__ = _abstract("__rlshift__")
    __rshift__ = _abstract("__rshift__")
    __rrshift__ = _abstract("__rrshift__")
    __and__ = _abstract("__and__")
    __rand__ = _abstract("__rand__")
    __xor__ = _abstract("__xor__")
    __rxor__ = _abstract("__rxor__")
    __or__ = _abstract("__or__")
    __ror__ = _abstract("__ror__")
    __invert__ = _abstract("__invert__")

    def __float__(self):
        return float(int(self))

    @property
    def numerator(self):
        return +self

    @property
    def denominator(self):
        return 1


Integral.register(int)
