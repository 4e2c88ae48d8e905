"""decimal (basics): Decimal with a context's precision and rounding, in pure Python.

A finite Decimal is (sign, coefficient digits as an int, exponent); specials are NaN, sNaN and
Infinity. Arithmetic (+ - * / // % divmod **int, abs, neg), comparisons with int/float/Fraction,
quantize, to_integral_value, sqrt via integer sqrt, str/repr in the to-sci-string form, hash equal
to equal ints/floats, as_tuple, as_integer_ratio, from_float. Results are rounded to the current
context's precision (default 28, ROUND_HALF_EVEN); traps raise with CPython's messages
('[<class 'decimal.DivisionByZero'>]'). Missing: flags, Emin/Emax overflow handling, most context
methods, logarithms and exp, formatting with format specs.
"""

import math as _math

__all__ = ['Decimal', 'Context', 'getcontext', 'setcontext', 'localcontext', 'DecimalException',
           'InvalidOperation', 'DivisionByZero', 'Inexact', 'Rounded', 'Overflow', 'Underflow',
           'ConversionSyntax', 'DivisionUndefined', 'ROUND_DOWN', 'ROUND_HALF_UP',
           'ROUND_HALF_EVEN', 'ROUND_CEILING', 'ROUND_FLOOR', 'ROUND_UP', 'ROUND_HALF_DOWN',
           'ROUND_05UP', 'DefaultContext', 'MAX_PREC']

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
MAX_PREC = 999999999999999999

_HASH_MODULUS = (1 << 61) - 1
_HASH_INF = 314159
_HASH_10INV = pow(10, _HASH_MODULUS - 2, _HASH_MODULUS)


class DecimalTuple:
    """(sign, digits, exponent), as Decimal.as_tuple() returns it: a read-only triple that
    compares equal to the plain tuple (minipy's tuple cannot be subclassed)."""

    __slots__ = ('_t',)

    def __init__(self, sign, digits, exponent):
        self._t = (sign, digits, exponent)

    sign = property(lambda self: self._t[0])
    digits = property(lambda self: self._t[1])
    exponent = property(lambda self: self._t[2])

    def __getitem__(self, i):
        return self._t[i]

    def __len__(self):
        return 3

    def __iter__(self):
        return iter(self._t)

    def __eq__(self, other):
        if isinstance(other, DecimalTuple):
            return self._t == other._t
        return self._t == other

    def __hash__(self):
        return hash(self._t)

    def __repr__(self):
        return 'DecimalTuple(sign=%r, digits=%r, exponent=%r)' % self._t


class DecimalException(ArithmeticError):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class Rounded(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded):
    pass


def _signal(cls, name=None):
    # CPython's C decimal raises the trap class with a list naming the condition.
    return (InvalidOperation if cls is ConversionSyntax or cls is DivisionUndefined else cls)(
        "[<class 'decimal.%s'>]" % (name or cls.__name__))


class Context:
    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                 clamp=None, flags=None, traps=None):
        self.prec = 28 if prec is None else prec
        self.rounding = ROUND_HALF_EVEN if rounding is None else rounding
        self.Emin = -999999 if Emin is None else Emin
        self.Emax = 999999 if Emax is None else Emax
        self.capitals = 1 if capitals is None else capitals
        self.clamp = 0 if clamp is None else clamp

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp)

    def __repr__(self):
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, '
                'flags=[], traps=[InvalidOperation, DivisionByZero, Overflow])'
                % (self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp))

    def create_decimal(self, num='0'):
        return Decimal(num)._round(self)


DefaultContext = Context()
_current = [Context()]


def getcontext():
    return _current[0]


def setcontext(context):
    _current[0] = context


class _LocalContext:
    def __init__(self, ctx):
        self.new = ctx.copy()

    def __enter__(self):
        self.saved = getcontext()
        setcontext(self.new)
        return self.new

    def __exit__(self, *exc):
        setcontext(self.saved)


def localcontext(ctx=None, **kwargs):
    lc = _LocalContext(ctx if ctx is not None else getcontext())
    for k, v in kwargs.items():
        setattr(lc.new, k, v)
    return lc


# ---- parsing ----

def _parse(s):
    """(sign, coefficient, exponent, special) of a numeric string, or None."""
    t = s.strip().replace('_', '') if '_' not in s.strip()[:1] else None
    if not t:
        return None
    sign = 0
    if t[0] in '+-':
        sign = 1 if t[0] == '-' else 0
        t = t[1:]
    low = t.lower()
    if low in ('inf', 'infinity'):
        return sign, 0, 0, 'F'
    for prefix, kind in (('snan', 'N'), ('nan', 'n')):
        if low.startswith(prefix):
            payload = low[len(prefix):]
            if payload and not payload.isdigit():
                return None
            return sign, int(payload or '0'), 0, kind
    exp = 0
    epos = low.find('e')
    if epos >= 0:
        e = low[epos + 1:]
        body = low[:epos]
        if e[:1] in '+-':
            digits = e[1:]
        else:
            digits = e
        if not digits or not digits.isdigit():
            return None
        exp = int(e)
    else:
        body = low
    if '.' in body:
        ip, _, fp = body.partition('.')
    else:
        ip, fp = body, ''
    if not (ip or fp) or (ip and not ip.isdigit()) or (fp and not fp.isdigit()):
        return None
    if not (ip + fp).isascii():
        return None
    return sign, int(ip + fp), exp - len(fp), ''


# ---- the number ----

class Decimal:
    """Decimal(value='0'): from int, str, float (exactly), tuple or Decimal."""

    __slots__ = ('_sign', '_int', '_exp', '_special')

    def __new__(cls, value='0', context=None):
        self = object.__new__(cls)
        if isinstance(value, Decimal):
            self._sign, self._int, self._exp, self._special = (
                value._sign, value._int, value._exp, value._special)
            return self
        if isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._int = abs(int(value))
            self._exp = 0
            self._special = ''
            return self
        if isinstance(value, float):
            if value != value:
                self._sign, self._int, self._exp, self._special = (
                    1 if _math.copysign(1.0, value) < 0 else 0, 0, 0, 'n')
                return self
            sign = 1 if _math.copysign(1.0, value) < 0 else 0
            if _math.isinf(value):
                self._sign, self._int, self._exp, self._special = sign, 0, 0, 'F'
                return self
            n, d = abs(value).as_integer_ratio()
            k = d.bit_length() - 1
            self._sign, self._int, self._exp, self._special = sign, n * 5 ** k, -k, ''
            return self
        if isinstance(value, str):
            r = _parse(value)
            if r is None:
                raise _signal(ConversionSyntax)
            self._sign, self._int, self._exp, self._special = r
            return self
        if isinstance(value, (tuple, list)):
            if len(value) != 3:
                raise ValueError('argument must be a sequence of length 3')
            sign, digits, exp = value
            if sign not in (0, 1):
                raise ValueError('sign must be an integer with the value 0 or 1')
            self._sign = sign
            self._int = int(''.join(str(d) for d in digits) or '0')
            if exp == 'F':
                self._special, self._exp, self._int = 'F', 0, 0
            elif exp in ('n', 'N'):
                self._special, self._exp = exp, 0
            else:
                self._special, self._exp = '', exp
            return self
        raise TypeError('conversion from %s to Decimal is not supported' % type(value).__name__)

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('argument must be int or float')
        return cls(f)

    @classmethod
    def _make(cls, sign, coeff, exp, special=''):
        d = object.__new__(cls)
        d._sign, d._int, d._exp, d._special = sign, coeff, exp, special
        return d

    # ---- predicates and parts ----

    def is_nan(self):
        return self._special in ('n', 'N')

    def is_snan(self):
        return self._special == 'N'

    def is_qnan(self):
        return self._special == 'n'

    def is_infinite(self):
        return self._special == 'F'

    def is_finite(self):
        return not self._special

    def is_zero(self):
        return not self._special and self._int == 0

    def is_signed(self):
        return self._sign == 1

    def adjusted(self):
        if self._special:
            return 0
        return self._exp + len(str(self._int)) - 1

    def as_tuple(self):
        digits = tuple(int(c) for c in str(self._int)) if (self._int or not self._special) else ()
        if self._special == 'F':
            return DecimalTuple(self._sign, (0,), 'F')
        if self._special:
            return DecimalTuple(self._sign, digits if self._int else (), self._special)
        return DecimalTuple(self._sign, digits, self._exp)

    def as_integer_ratio(self):
        if self._special == 'F':
            raise OverflowError('cannot convert Infinity to integer ratio')
        if self._special:
            raise ValueError('cannot convert NaN to integer ratio')
        n = self._int
        if self._exp >= 0:
            n *= 10 ** self._exp
            d = 1
        else:
            d = 10 ** -self._exp
        g = _math.gcd(n, d)
        n //= g
        d //= g
        return (-n if self._sign else n, d)

    def copy_sign(self, other):
        return Decimal._make(_dec(other)._sign, self._int, self._exp, self._special)

    def copy_abs(self):
        return Decimal._make(0, self._int, self._exp, self._special)

    def copy_negate(self):
        return Decimal._make(1 - self._sign, self._int, self._exp, self._special)

    # ---- text ----

    def __str__(self):
        sign = '-' if self._sign else ''
        if self._special == 'F':
            return sign + 'Infinity'
        if self._special:
            return sign + ('sNaN' if self._special == 'N' else 'NaN') + (
                str(self._int) if self._int else '')
        coeff = str(self._int)
        leftdigits = self._exp + len(coeff)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        else:
            dotplace = 1
        if dotplace <= 0:
            intpart = '0'
            fracpart = '.' + '0' * -dotplace + coeff
        elif dotplace >= len(coeff):
            intpart = coeff + '0' * (dotplace - len(coeff))
            fracpart = ''
        else:
            intpart = coeff[:dotplace]
            fracpart = '.' + coeff[dotplace:]
        if leftdigits == dotplace:
            exp = ''
        else:
            exp = 'E%+d' % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def __repr__(self):
        return "Decimal('%s')" % self

    def to_eng_string(self):
        return str(self)

    # ---- conversions ----

    def __int__(self):
        if self._special == 'F':
            raise OverflowError('cannot convert Infinity to integer')
        if self._special:
            raise ValueError('cannot convert NaN to integer')
        if self._exp >= 0:
            n = self._int * 10 ** self._exp
        else:
            n = self._int // 10 ** -self._exp
        return -n if self._sign else n

    __trunc__ = __int__

    def __float__(self):
        if self._special in ('n', 'N'):
            if self._special == 'N':
                raise ValueError('cannot convert signaling NaN to float')
            return -float('nan') if self._sign else float('nan')
        return float(str(self))

    def __bool__(self):
        return bool(self._special) or self._int != 0

    def __floor__(self):
        return int(self.to_integral_value(ROUND_FLOOR))

    def __ceil__(self):
        return int(self.to_integral_value(ROUND_CEILING))

    def __round__(self, n=None):
        if n is None:
            if self._special:
                raise (OverflowError if self._special == 'F' else ValueError)(
                    'cannot round an infinity' if self._special == 'F' else 'cannot round a NaN')
            return int(self.to_integral_value(ROUND_HALF_EVEN))
        return self.quantize(Decimal._make(0, 1, -n))

    def __hash__(self):
        if self._special:
            if self._special == 'N':
                raise TypeError('Cannot hash a signaling NaN value')
            if self._special == 'n':
                return object.__hash__(self)
            return -_HASH_INF if self._sign else _HASH_INF
        if self._exp >= 0:
            exp_hash = pow(10, self._exp, _HASH_MODULUS)
        else:
            exp_hash = pow(_HASH_10INV, -self._exp, _HASH_MODULUS)
        h = self._int * exp_hash % _HASH_MODULUS
        ans = -h if self._sign else h
        return -2 if ans == -1 else ans

    # ---- rounding ----

    def _round(self, ctx=None, rounding=None):
        """self rounded to the context's precision."""
        ctx = ctx or getcontext()
        if self._special:
            if self._special == 'N':
                raise _signal(InvalidOperation)
            return self
        digits = len(str(self._int))
        if digits <= ctx.prec:
            return self
        return self._rescale(self._exp + digits - ctx.prec, rounding or ctx.rounding,
                             ctx.prec)

    def _rescale(self, exp, rounding, prec=None):
        """self with exponent exp (digits dropped by rounding, or zeros appended)."""
        if exp <= self._exp:
            return Decimal._make(self._sign, self._int * 10 ** (self._exp - exp), exp)
        drop = exp - self._exp
        q, r = divmod(self._int, 10 ** drop)
        half = 5 * 10 ** (drop - 1)
        if _round_up(rounding, self._sign, q, r, half):
            q += 1
        if prec is not None and len(str(q)) > prec:
            # A carry made one digit too many: drop it (it is a zero).
            q //= 10
            exp += 1
        return Decimal._make(self._sign, q, exp)

    def quantize(self, exp, rounding=None, context=None):
        exp = _dec(exp)
        ctx = context or getcontext()
        if self._special or exp._special:
            if self.is_nan() or exp.is_nan():
                return self if self.is_nan() else exp
            if self._special == 'F' and exp._special == 'F':
                return self
            raise _signal(InvalidOperation)
        r = self._rescale(exp._exp, rounding or ctx.rounding)
        if len(str(r._int)) > ctx.prec:
            raise _signal(InvalidOperation)
        return r

    def to_integral_value(self, rounding=None, context=None):
        if self._special or self._exp >= 0:
            return self
        return self._rescale(0, rounding or getcontext().rounding)

    to_integral = to_integral_value

    def normalize(self, context=None):
        r = self._round(context)
        if r._special:
            return r
        if r._int == 0:
            return Decimal._make(r._sign, 0, 0)
        c, e = r._int, r._exp
        while c % 10 == 0:
            c //= 10
            e += 1
        return Decimal._make(r._sign, c, e)

    def sqrt(self, context=None):
        ctx = context or getcontext()
        if self._special:
            if self._special == 'F' and not self._sign:
                return self
            if self.is_nan():
                return self._round(ctx)
            raise _signal(InvalidOperation)
        if self._int == 0:
            return Decimal._make(self._sign, 0, self._exp // 2)
        if self._sign:
            raise _signal(InvalidOperation)
        # Enough digits for prec + 1, then round; exact squares keep their ideal exponent.
        ideal = self._exp // 2
        c, e = self._int, self._exp
        if e % 2:
            c *= 10
            e -= 1
        shift = max(0, ctx.prec + 2 - len(str(c)) // 2)
        c *= 100 ** shift
        e -= 2 * shift
        root = _math.isqrt(c)
        exact = root * root == c
        rexp = e // 2
        if not exact:
            root = root * 10 + 1  # a sticky digit: the result is not a tie
            rexp -= 1
        else:
            while rexp < ideal and root % 10 == 0:
                root //= 10
                rexp += 1
        return Decimal._make(0, root, rexp)._round(ctx, ROUND_HALF_EVEN)

    # ---- arithmetic ----

    def _binary(self, other, op, reflected=False):
        o = _operand(other, op, self, reflected)
        if o is NotImplemented:
            return NotImplemented
        a, b = (o, self) if reflected else (self, o)
        return op(a, b)

    def __add__(self, other):
        return self._binary(other, _add)

    def __radd__(self, other):
        return self._binary(other, _add, True)

    def __sub__(self, other):
        return self._binary(other, _sub)

    def __rsub__(self, other):
        return self._binary(other, _sub, True)

    def __mul__(self, other):
        return self._binary(other, _mul)

    def __rmul__(self, other):
        return self._binary(other, _mul, True)

    def __truediv__(self, other):
        return self._binary(other, _div)

    def __rtruediv__(self, other):
        return self._binary(other, _div, True)

    def __floordiv__(self, other):
        return self._binary(other, _floordiv)

    def __rfloordiv__(self, other):
        return self._binary(other, _floordiv, True)

    def __mod__(self, other):
        return self._binary(other, _mod)

    def __rmod__(self, other):
        return self._binary(other, _mod, True)

    def __divmod__(self, other):
        return self._binary(other, lambda a, b: (_floordiv(a, b), _mod(a, b)))

    def __rdivmod__(self, other):
        return self._binary(other, lambda a, b: (_floordiv(a, b), _mod(a, b)), True)

    def __pow__(self, other):
        return self._binary(other, _pow)

    def __rpow__(self, other):
        return self._binary(other, _pow, True)

    def __neg__(self):
        if self._special:
            return Decimal._make(1 - self._sign, self._int, self._exp, self._special)._round()
        sign = 0 if self._int == 0 else 1 - self._sign
        return Decimal._make(sign, self._int, self._exp)._round()

    def __pos__(self):
        if not self._special and self._int == 0:
            return Decimal._make(0, 0, self._exp)
        return self._round()

    def __abs__(self):
        return Decimal._make(0, self._int, self._exp, self._special)._round()

    # ---- comparisons (exact, through integer ratios) ----

    def _cmp(self, other):
        """-1, 0, 1, or None if unordered (a NaN)."""
        if isinstance(other, Decimal):
            o = other
        elif isinstance(other, int):
            o = Decimal(other)
        elif isinstance(other, float):
            o = Decimal(other)
        elif hasattr(other, 'as_integer_ratio') and hasattr(other, 'denominator'):
            n, d = other.as_integer_ratio()
            a = self._ratio_cmp_key()
            if a is None:
                return None
            x = a[0] * d
            y = n * a[1]
            return (x > y) - (x < y)
        else:
            return NotImplemented
        if self.is_nan() or o.is_nan():
            return None
        if self._special == 'F' or o._special == 'F':
            va = (-1 if self._sign else 1) * (self._special == 'F')
            vb = (-1 if o._sign else 1) * (o._special == 'F')
            if va or vb:
                return (va > vb) - (va < vb)
        n1, d1 = self.as_integer_ratio()
        n2, d2 = o.as_integer_ratio()
        x, y = n1 * d2, n2 * d1
        return (x > y) - (x < y)

    def _ratio_cmp_key(self):
        if self._special:
            return None
        return self.as_integer_ratio()

    def __eq__(self, other):
        c = self._cmp(other)
        if c is NotImplemented:
            return NotImplemented
        return c == 0

    def _order(self, other, test):
        c = self._cmp(other)
        if c is NotImplemented:
            return NotImplemented
        if c is None:
            raise _signal(InvalidOperation)
        return test(c)

    def __lt__(self, other):
        return self._order(other, lambda c: c < 0)

    def __le__(self, other):
        return self._order(other, lambda c: c <= 0)

    def __gt__(self, other):
        return self._order(other, lambda c: c > 0)

    def __ge__(self, other):
        return self._order(other, lambda c: c >= 0)

    def compare(self, other, context=None):
        c = self._cmp(_dec(other))
        if c is None:
            return Decimal('NaN')
        return Decimal(c)

    def max(self, other, context=None):
        other = _dec(other)
        return (other if self._cmp(other) == -1 else self)._round(context)

    def min(self, other, context=None):
        other = _dec(other)
        return (other if self._cmp(other) == 1 else self)._round(context)

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _round_up(rounding, sign, q, r, half):
    # Whether dropping remainder r (half = exactly one half) from quotient q rounds away from 0.
    if r == 0:
        return False
    if rounding == ROUND_HALF_EVEN:
        return r > half or (r == half and q % 2 == 1)
    if rounding == ROUND_HALF_UP:
        return r >= half
    if rounding == ROUND_HALF_DOWN:
        return r > half
    if rounding == ROUND_DOWN:
        return False
    if rounding == ROUND_UP:
        return True
    if rounding == ROUND_CEILING:
        return sign == 0
    if rounding == ROUND_FLOOR:
        return sign == 1
    if rounding == ROUND_05UP:
        return q % 5 == 0
    raise ValueError('invalid rounding mode')


_OPS = {}


def _dec(x):
    if isinstance(x, Decimal):
        return x
    if isinstance(x, int):
        return Decimal(x)
    raise TypeError('conversion from %s to Decimal is not supported' % type(x).__name__)


def _operand(other, op, self, reflected):
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(other)
    if isinstance(other, (float, complex, str, bytes, list, tuple, dict, type(None))) or \
            hasattr(other, 'denominator'):
        sym = _SYMBOLS.get(op, '?')
        names = (type(other).__name__, 'decimal.Decimal') if reflected else \
            ('decimal.Decimal', type(other).__name__)
        raise TypeError("unsupported operand type(s) for %s: '%s' and '%s'"
                        % (sym, names[0], names[1]))
    return NotImplemented


def _nan_result(a, b):
    # The NaN operand propagates (a signaling NaN traps).
    if a._special == 'N' or b._special == 'N':
        raise _signal(InvalidOperation)
    if a.is_nan():
        return a
    if b.is_nan():
        return b
    return None


def _add(a, b):
    n = _nan_result(a, b)
    if n is not None:
        return n
    if a._special == 'F' or b._special == 'F':
        if a._special == 'F' and b._special == 'F' and a._sign != b._sign:
            raise _signal(InvalidOperation)
        return a if a._special == 'F' else b
    exp = min(a._exp, b._exp)
    x = a._int * 10 ** (a._exp - exp) * (-1 if a._sign else 1)
    y = b._int * 10 ** (b._exp - exp) * (-1 if b._sign else 1)
    s = x + y
    if s == 0:
        ctx = getcontext()
        sign = 1 if (a._sign and b._sign) or (ctx.rounding == ROUND_FLOOR and a._sign != b._sign) \
            else 0
        return Decimal._make(sign, 0, exp)
    return Decimal._make(1 if s < 0 else 0, abs(s), exp)._round()


def _sub(a, b):
    n = _nan_result(a, b)
    if n is not None:
        return n
    return _add(a, Decimal._make(1 - b._sign, b._int, b._exp, b._special))


def _mul(a, b):
    n = _nan_result(a, b)
    if n is not None:
        return n
    sign = a._sign ^ b._sign
    if a._special == 'F' or b._special == 'F':
        if a.is_zero() or b.is_zero():
            raise _signal(InvalidOperation)
        return Decimal._make(sign, 0, 0, 'F')
    return Decimal._make(sign, a._int * b._int, a._exp + b._exp)._round()


def _div(a, b):
    n = _nan_result(a, b)
    if n is not None:
        return n
    sign = a._sign ^ b._sign
    if a._special == 'F':
        if b._special == 'F':
            raise _signal(InvalidOperation)
        return Decimal._make(sign, 0, 0, 'F')
    if b._special == 'F':
        return Decimal._make(sign, 0, -1000000027)
    if b._int == 0:
        if a._int == 0:
            raise _signal(DivisionUndefined)
        raise _signal(DivisionByZero)
    if a._int == 0:
        return Decimal._make(sign, 0, a._exp - b._exp)
    prec = getcontext().prec
    la, lb = len(str(a._int)), len(str(b._int))
    shift = lb - la + prec + 1
    exp = a._exp - b._exp - shift
    if shift >= 0:
        coeff, rem = divmod(a._int * 10 ** shift, b._int)
    else:
        coeff, rem = divmod(a._int, b._int * 10 ** -shift)
    if rem:
        if coeff % 5 == 0:
            coeff += 1
    else:
        ideal = a._exp - b._exp
        while exp < ideal and coeff % 10 == 0:
            coeff //= 10
            exp += 1
    return Decimal._make(sign, coeff, exp)._round()


def _divide_int(a, b):
    # The integer quotient (truncated toward zero) and remainder of finite a, b != 0.
    exp = min(a._exp, b._exp)
    x = a._int * 10 ** (a._exp - exp)
    y = b._int * 10 ** (b._exp - exp)
    q, r = divmod(x, y)
    return q, r, exp


def _floordiv(a, b):
    n = _nan_result(a, b)
    if n is not None:
        return n
    sign = a._sign ^ b._sign
    if a._special == 'F':
        if b._special == 'F':
            raise _signal(InvalidOperation)
        return Decimal._make(sign, 0, 0, 'F')
    if b._special == 'F':
        return Decimal._make(sign, 0, 0)
    if b._int == 0:
        if a._int == 0:
            raise _signal(DivisionUndefined)
        raise _signal(DivisionByZero)
    q, r, exp = _divide_int(a, b)
    if len(str(q)) > getcontext().prec:
        raise _signal(InvalidOperation, 'DivisionImpossible')
    return Decimal._make(sign, q, 0)


def _mod(a, b):
    n = _nan_result(a, b)
    if n is not None:
        return n
    if a._special == 'F':
        raise _signal(InvalidOperation)
    if b._special == 'F':
        return a._round()
    if b._int == 0:
        if a._int == 0:
            raise _signal(DivisionUndefined)
        raise _signal(InvalidOperation)
    q, r, exp = _divide_int(a, b)
    if len(str(q)) > getcontext().prec:
        raise _signal(InvalidOperation, 'DivisionImpossible')
    return Decimal._make(a._sign if r else a._sign, r, exp)._round()


def _pow(a, b):
    n = _nan_result(a, b)
    if n is not None:
        return n
    if b._special or b._exp < 0 and b._int % 10 ** -b._exp:
        # Non-integral powers need exp/ln, which this module lacks.
        return Decimal(str(float(a) ** float(b)))._round()
    e = int(b)
    if a._special == 'F':
        if e == 0:
            return Decimal(1)
        if e < 0:
            return Decimal._make(0, 0, 0)
        return Decimal._make(a._sign if e % 2 else 0, 0, 0, 'F')
    if e == 0:
        if a._int == 0:
            raise _signal(InvalidOperation)
        return Decimal(1)
    sign = a._sign if e % 2 else 0
    if e > 0:
        return Decimal._make(sign, a._int ** e, a._exp * e)._round()
    if a._int == 0:
        raise _signal(DivisionByZero)
    # A negative power: 1 / a**|e|, rounded once (extra digits keep the division exact enough).
    ctx = getcontext()
    with localcontext() as lc:
        lc.prec = ctx.prec + len(str(-e)) + 3
        p = Decimal._make(0, a._int ** -e, a._exp * -e)
        r = _div(Decimal(1), p)
    return Decimal._make(sign, r._int, r._exp)._round(ctx)


_SYMBOLS = {_add: '+', _sub: '-', _mul: '*', _div: '/', _floordiv: '//', _mod: '%', _pow: '** or pow()'}
