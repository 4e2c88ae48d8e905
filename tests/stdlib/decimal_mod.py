from decimal import Decimal as D, getcontext, localcontext, InvalidOperation, DivisionByZero, ROUND_HALF_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP, DecimalException
import decimal
from fractions import Fraction

def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r), str(r) if isinstance(r, D) else '')
    except Exception as e:
        print(type(e).__name__, e)

for s in ['0', '-0', '1.50', '1e5', '1E-7', '-123.456e-10', '.5', '5.', '  7  ', '1_000', 'inf', '-Infinity', 'nan', 'sNaN', 'NaN12',
          '0.000001', '0.0000001', '123456789012345678901234567890', '1e100', '12e-3', '0e-10', '0E+3', 'abc', '1e', '1..2', '']:
    show(lambda: D(s))
for v in [0, -5, 10**30, 0.1, -2.5, 1e-7, float('inf'), (0, (1, 2, 3), -2), (1, (4,), 3), D('3.3')]:
    show(lambda: D(v))
a, b = D('1.1'), D('3')
for x, y in [(a, b), (D('10'), D('4')), (D('-7'), D('2')), (D('1'), D('3')), (D('2'), D('3')), (D('1.00'), D('0.5')), (D('100'), D('0.01')),
             (D('1e10'), D('1e-10')), (D('-0'), D('0')), (D('12.345'), 7), (5, D('0.25')), (D('0.1'), D('0.2')), (D('9.99'), D('-3.3'))]:
    for op in ['+', '-', '*', '/', '//', '%']:
        show(lambda: eval('x %s y' % op))
    show(lambda: divmod(x, y))
    print(x == y, x < y, x >= y, x != y)
for f in [lambda: D(1) / 0, lambda: D(0) / 0, lambda: D(1) // 0, lambda: D(1) % 0, lambda: D(1) + 1.5, lambda: 1.5 * D(1),
          lambda: D('nan') < 1, lambda: int(D('nan')), lambda: int(D('inf')), lambda: D('sNaN') + 1, lambda: hash(D('snan')),
          lambda: D([1]), lambda: D('1e5').quantize(D('1e-30')), lambda: D('inf') - D('inf'), lambda: D(2) ** 10, lambda: D(2) ** -2,
          lambda: D('1.5') ** 3, lambda: D(10) ** -3, lambda: D(0) ** 0, lambda: D('inf') + 1, lambda: D('nan') + 1, lambda: D('nan') == D('nan')]:
    show(f)
for s in ['1.2345', '-1.2345', '2.5', '3.5', '-2.5', '0.125', '1.005', '999.995']:
    d = D(s)
    print(s, d.quantize(D('0.01')), d.quantize(D('0.01'), rounding=ROUND_HALF_UP), d.quantize(D('1'), rounding=ROUND_DOWN),
          d.quantize(D('0.1'), rounding=ROUND_CEILING), d.quantize(D('0.1'), rounding=ROUND_FLOOR), d.quantize(D('0.1'), rounding=ROUND_UP),
          d.quantize(D('0.01'), rounding=ROUND_HALF_DOWN), d.quantize(D('0.001'), rounding=ROUND_05UP), round(d), round(d, 1), int(d), float(d),
          d.to_integral_value(), d.adjusted(), d.as_tuple(), d.as_integer_ratio(), -d, abs(d), +d, d.normalize())
print(D(2).sqrt(), D(16).sqrt(), D('0.25').sqrt(), D('1e-4').sqrt(), D(0).sqrt(), D(10).sqrt(), D('1.44').sqrt(), D(100).sqrt(), D('2.25e6').sqrt())
print(hash(D(5)) == hash(5), hash(D('0.5')) == hash(0.5), hash(D('1.10')) == hash(D('1.1')), hash(D('-1')), hash(D('inf')))
print(D('0.1') == 0.1, D('0.5') == 0.5, D(1) == 1, D('1.0') == Fraction(1), D('0.25') < Fraction(1, 3), D(3) > 2.5, sorted([D('1.5'), D(-1), D('0.1')]))
print(getcontext().prec, getcontext().rounding, repr(decimal.Context()), D(5).as_tuple().digits)
with localcontext() as ctx:
    ctx.prec = 5
    print(D(1) / D(7), D('123456789') + 0, D(2).sqrt())
print(D(1) / D(7), D(1) / D(3) * 3, sum([D('0.1')] * 10), D('1.30') + D('1.20'), D('1.3') * D('1.2'))
print(Fraction(D('1.25')), D.from_float(0.1), D(1).is_zero(), D('-0').is_signed(), D('nan').is_nan(), D('inf').is_infinite())
print(issubclass(DivisionByZero, ZeroDivisionError), issubclass(InvalidOperation, ArithmeticError), issubclass(DivisionByZero, DecimalException))
print(D('1.23E+5'), D('123E+5'), D('0.00012300'), D('-1E-10'), D('1234567E-2'), D('1e-7'), D('10e-8'), D(12345) * D('1e30'))
