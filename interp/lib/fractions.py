"""fractions: Fraction, exact rational numbers.

A Fraction is a normalized pair (numerator, denominator > 0, coprime). It mixes with int (exact
result), float and complex (inexact result) like CPython's, hashes equal to equal ints and floats,
and parses 'n/d', decimals and exponents ('1.5e-3', underscores between digits).
"""

import math

__all__ = ['Fraction']

_HASH_MODULUS = (1 << 61) - 1
_HASH_INF = 314159


def _is_rational(x):
    return isinstance(x, (int, Fraction))


def _parse(s):
    """(numerator, denominator) of a Fraction literal, or None if it is not one."""
    t = s.strip()
    i = 0
    n = len(t)
    neg = False
    if i < n and t[i] in '+-':
        neg = t[i] == '-'
        i += 1

    def digits(i, allow_empty):
        # A run of digits with single underscores between digits; returns (text, end) or None.
        j = i
        out = []
        while j < n:
            c = t[j]
            if '0' <= c <= '9':
                out.append(c)
                j += 1
            elif c == '_' and out and j + 1 < n and '0' <= t[j + 1] <= '9':
                j += 1
            else:
                break
        if not out and not allow_empty:
            return None
        return ''.join(out), j

    r = digits(i, True)
    num, i = r
    if not num and not (i + 1 < n and t[i] == '.' and '0' <= t[i + 1] <= '9'):
        return None
    numerator = int(num or '0')
    denominator = 1
    if i < n and t[i] == '/':
        r = digits(i + 1, False)
        if r is None or r[1] != n:
            return None
        denominator = int(r[0])
    else:
        if i < n and t[i] == '.':
            r = digits(i + 1, True)
            dec, i = r
            if dec:
                scale = 10 ** len(dec)
                numerator = numerator * scale + int(dec)
                denominator *= scale
        if i < n and t[i] in 'eE':
            j = i + 1
            eneg = False
            if j < n and t[j] in '+-':
                eneg = t[j] == '-'
                j += 1
            r = digits(j, False)
            if r is None:
                return None
            exp, i = r
            exp = int(exp)
            if eneg:
                denominator *= 10 ** exp
            else:
                numerator *= 10 ** exp
        if i != n:
            return None
    if neg:
        numerator = -numerator
    return numerator, denominator


class Fraction:
    """A rational number: Fraction(3, 4), Fraction('3/4'), Fraction(0.75), Fraction(other)."""

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return self
            if isinstance(numerator, str):
                r = _parse(numerator)
                if r is None:
                    raise ValueError('Invalid literal for Fraction: %r' % numerator)
                numerator, denominator = r
            elif isinstance(numerator, float) or (
                    hasattr(numerator, 'as_integer_ratio') and not isinstance(numerator, complex)):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            else:
                raise TypeError('argument should be a string or a Rational instance')
        elif type(numerator) is int is type(denominator):
            pass
        elif _is_rational(numerator) and _is_rational(denominator):
            numerator, denominator = (
                numerator.numerator * denominator.denominator,
                denominator.numerator * numerator.denominator)
        else:
            raise TypeError('both arguments should be Rational instances')
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        if _normalize:
            g = math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = int(numerator)
        self._denominator = int(denominator)
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('%s.from_float() only takes floats, not %r (%s)'
                            % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        if isinstance(dec, int):
            return cls(dec)
        if not hasattr(dec, 'as_integer_ratio') or isinstance(dec, float):
            raise TypeError('%s.from_decimal() only takes Decimals, not %r (%s)'
                            % (cls.__name__, dec, type(dec).__name__))
        return cls(*dec.as_integer_ratio())

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        bound1 = Fraction(p0 + k * p1, q0 + k * q1)
        bound2 = Fraction(p1, q1)
        if abs(bound2 - self) <= abs(bound1 - self):
            return bound2
        return bound1

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        return '%s(%s, %s)' % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    # ---- arithmetic: exact with rationals, float with floats, complex with complex ----

    def _binop(a, b, exact, inexact):
        if isinstance(b, (int, Fraction)):
            return exact(a, Fraction(b))
        if isinstance(b, float):
            return inexact(float(a), b)
        if isinstance(b, complex):
            return inexact(complex(a), b)
        return NotImplemented

    def _rbinop(b, a, exact, inexact):
        if isinstance(a, (int, Fraction)):
            return exact(Fraction(a), b)
        if isinstance(a, float):
            return inexact(a, float(b))
        if isinstance(a, complex):
            return inexact(a, complex(b))
        return NotImplemented

    @staticmethod
    def _add(a, b):
        da, db = a._denominator, b._denominator
        return Fraction(a._numerator * db + b._numerator * da, da * db)

    @staticmethod
    def _sub(a, b):
        da, db = a._denominator, b._denominator
        return Fraction(a._numerator * db - b._numerator * da, da * db)

    @staticmethod
    def _mul(a, b):
        return Fraction(a._numerator * b._numerator, a._denominator * b._denominator)

    @staticmethod
    def _div(a, b):
        return Fraction(a._numerator * b._denominator, a._denominator * b._numerator)

    @staticmethod
    def _floordiv(a, b):
        return (a._numerator * b._denominator) // (a._denominator * b._numerator)

    @staticmethod
    def _divmod(a, b):
        da, db = a._denominator, b._denominator
        div, n_mod = divmod(a._numerator * db, da * b._numerator)
        return div, Fraction(n_mod, da * db)

    @staticmethod
    def _mod(a, b):
        da, db = a._denominator, b._denominator
        return Fraction((a._numerator * db) % (b._numerator * da), da * db)

    def __add__(a, b):
        return a._binop(b, Fraction._add, lambda x, y: x + y)

    def __radd__(b, a):
        return b._rbinop(a, Fraction._add, lambda x, y: x + y)

    def __sub__(a, b):
        return a._binop(b, Fraction._sub, lambda x, y: x - y)

    def __rsub__(b, a):
        return b._rbinop(a, Fraction._sub, lambda x, y: x - y)

    def __mul__(a, b):
        return a._binop(b, Fraction._mul, lambda x, y: x * y)

    def __rmul__(b, a):
        return b._rbinop(a, Fraction._mul, lambda x, y: x * y)

    def __truediv__(a, b):
        return a._binop(b, Fraction._div, lambda x, y: x / y)

    def __rtruediv__(b, a):
        return b._rbinop(a, Fraction._div, lambda x, y: x / y)

    def __floordiv__(a, b):
        return a._binop(b, Fraction._floordiv, lambda x, y: x // y)

    def __rfloordiv__(b, a):
        return b._rbinop(a, Fraction._floordiv, lambda x, y: x // y)

    def __divmod__(a, b):
        return a._binop(b, Fraction._divmod, divmod)

    def __rdivmod__(b, a):
        return b._rbinop(a, Fraction._divmod, divmod)

    def __mod__(a, b):
        return a._binop(b, Fraction._mod, lambda x, y: x % y)

    def __rmod__(b, a):
        return b._rbinop(a, Fraction._mod, lambda x, y: x % y)

    def __pow__(a, b):
        if isinstance(b, (int, Fraction)):
            if b.denominator == 1:
                power = b.numerator
                if power >= 0:
                    return Fraction(a._numerator ** power, a._denominator ** power,
                                    _normalize=False)
                if a._numerator >= 0:
                    return Fraction(a._denominator ** -power, a._numerator ** -power,
                                    _normalize=False)
                return Fraction((-a._denominator) ** -power, (-a._numerator) ** -power,
                                _normalize=False)
            return float(a) ** float(b)
        if isinstance(b, (float, complex)):
            return float(a) ** b
        return NotImplemented

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, (int, Fraction)):
            return Fraction(a.numerator, a.denominator) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __trunc__(a):
        return a.__int__()

    def __float__(a):
        return a._numerator / a._denominator

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            d = self._denominator
            floor, remainder = divmod(self._numerator, d)
            if remainder * 2 < d:
                return floor
            if remainder * 2 > d:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        try:
            dinv = pow(self._denominator, -1, _HASH_MODULUS)
        except ValueError:
            h = _HASH_INF
        else:
            h = hash(hash(abs(self._numerator)) * dinv)
        result = h if self._numerator >= 0 else -h
        return -2 if result == -1 else result

    # ---- comparisons ----

    def __eq__(a, b):
        if type(b) is int or isinstance(b, int):
            return a._numerator == b and a._denominator == 1
        if isinstance(b, Fraction):
            return a._numerator == b._numerator and a._denominator == b._denominator
        if isinstance(b, complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if isinstance(other, (int, Fraction)):
            return op(self._numerator * other.denominator, self._denominator * other.numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        return a._richcmp(b, lambda x, y: x < y)

    def __gt__(a, b):
        return a._richcmp(b, lambda x, y: x > y)

    def __le__(a, b):
        return a._richcmp(b, lambda x, y: x <= y)

    def __ge__(a, b):
        return a._richcmp(b, lambda x, y: x >= y)

    def __bool__(a):
        return bool(a._numerator)

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        return self.__copy__()
