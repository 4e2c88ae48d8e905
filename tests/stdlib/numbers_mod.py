# The tower's classes and mixin methods; isinstance(1, numbers.Number) needs metaclass
# __instancecheck__ support, which minipy lacks, so it is not tested here.
import numbers
from numbers import Number, Complex, Real, Rational, Integral

print(issubclass(Integral, Rational), issubclass(Rational, Real), issubclass(Real, Complex),
      issubclass(Complex, Number), issubclass(Number, Integral))
print([c.__name__ for c in Integral.__mro__])


_STUBS = ("__abs__ __and__ __ceil__ __floor__ __invert__ __le__ __lshift__ __lt__ __mul__ __or__ "
          "__pow__ __radd__ __rand__ __rfloordiv__ __rlshift__ __rmod__ __rmul__ __ror__ "
          "__round__ __rpow__ __rrshift__ __rshift__ __rtruediv__ __rxor__ __truediv__ "
          "__trunc__ __xor__ __float__ __complex__ __add__ __neg__ __pos__ __floordiv__ __mod__ "
          "__eq__ __int__ conjugate").split()


def stubs():
    def stub(self, *a):
        return NotImplemented
    return {n: stub for n in _STUBS}


class _MyInt(Integral):
    def __init__(self, v):
        self.v = v

    def __int__(self):
        return self.v

    def __add__(self, o):
        return MyInt(self.v + int(o))

    def __neg__(self):
        return MyInt(-self.v)

    def __pos__(self):
        return self

    def __floordiv__(self, o):
        return MyInt(self.v // int(o))

    def __mod__(self, o):
        return MyInt(self.v % int(o))

    def __eq__(self, o):
        return self.v == int(o)

    def __repr__(self):
        return "MyInt(%d)" % self.v
ns = stubs()
for k, v in _MyInt.__dict__.items():
    if k in _STUBS or k in ("__init__", "__repr__"):
        ns[k] = v
for k in ("__float__", "__complex__", "conjugate"):
    del ns[k]  # the tower's mixins provide these
MyInt = type("MyInt", (Integral,), ns)
m = MyInt(7)
print(isinstance(m, Number), isinstance(m, Real), isinstance(m, Integral), isinstance(m, complex))
print([10, 20, 30][MyInt(1)], m.__index__(), float(m), complex(m), m.numerator, m.denominator)
print(m.real, m.imag, m.conjugate(), divmod(m, 2), m - 2, bool(m), bool(MyInt(0)))


ns = stubs()
del ns["__float__"], ns["__complex__"], ns["conjugate"]
class _Half:
    @property
    def numerator(self):
        return 1

    @property
    def denominator(self):
        return 2
ns["numerator"] = _Half.__dict__["numerator"]
ns["denominator"] = _Half.__dict__["denominator"]
Half = type("Half", (Rational,), ns)
print(float(Half()), Half().numerator, isinstance(Half(), Real))


try:
    Real.__float__(Half())
except NotImplementedError:
    print("NotImplementedError")
print(numbers.__all__)
