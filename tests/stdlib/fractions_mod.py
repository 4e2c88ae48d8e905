from fractions import Fraction as F
import math

def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)

for args in [(), (3,), (6, 4), (-6, 4), (6, -4), (0, 5), (F(1, 2), F(3, 4)), ('3/4',), (' -1.25e2 ',), ('1_000.5',),
             ('.5',), ('5.',), ('1e-3',), ('+7',), ('3/0',), ('1/2/3',), ('abc',), ('1.2.3',), ('',), ('1__0',), (0.1,), (-2.5,),
             (float('nan'),), (float('inf'),), (1, 0), (1.5, 2), ([1],), (True,), (F(7, 3),), ('2E+3',), ('  3  ',)]:
    show(lambda: F(*args))
a, b = F(1, 3), F(-5, 7)
for op in ['+', '-', '*', '/', '//', '%', '**', '<', '>', '<=', '>=', '==', '!=']:
    for x, y in [(a, b), (a, 2), (3, b), (a, 0.5), (1.5, b), (a, 1j), (F(4), 2), (F(9, 4), F(1, 2)), (F(-8, 27), F(1, 3)), (a, -2), (F(-2, 3), -3), (2, F(3))]:
        show(lambda: eval('x %s y' % op))
show(lambda: divmod(F(7, 2), F(2, 3)))
show(lambda: divmod(-7, F(2, 3)))
show(lambda: F(1, 2) / 0)
show(lambda: F(0) ** -1)
show(lambda: F(1, 2) + 'x')
for x in [F(7, 2), F(-7, 2), F(5, 2), F(-5, 2), F(1, 3), F(-10, 3)]:
    print(x, -x, +x, abs(x), int(x), float(x), math.floor(x), math.ceil(x), math.trunc(x), round(x), round(x, 1), round(x, -1), bool(x))
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(1, 3)), hash(F(-1, 3)), hash(F(10**30, 7)))
print(F(math.pi).limit_denominator(10), F(math.pi).limit_denominator(), F(3, 7).limit_denominator(100), F('3.14159').limit_denominator(1000))
show(lambda: F(1, 2).limit_denominator(0))
print(F.from_float(0.25), F.from_float(3), F(1, 3).as_integer_ratio(), F(5, 10).numerator, F(5, 10).denominator)
show(lambda: F.from_float('x'))
print(F(1, 2) == 0.5, F(1, 3) == 1 / 3, F(1, 2) < 1, F(1, 2) > 0.4, F(3) == 3, F(1, 2) == float('nan'), F(1) < float('inf'))
print(sorted([F(1, 2), F(1, 3), 0.4, 1, F(-1)]), sum([F(1, 3)] * 3), str(F(3, 1)), str(F(-3, 4)), repr(F(-3, 4)))
print({F(1, 2): 'a'}[0.5], F(2) ** F(1, 2), 4 ** F(1, 2), 8 ** F(2), F(1, 2) ** 2.0, (-8) ** F(2))
