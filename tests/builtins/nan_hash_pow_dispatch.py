# NaN hashes by identity (CPython 3.10+), huge left shifts fail as CPython (MemoryError below
# ~2**61 digits, OverflowError above), and pow(a, b, m) follows the ternary slot order.
n1, n2 = float('nan'), float('nan')
print(hash(n1) == hash(n1), hash(n1) != hash(n2), len({n1, n2, n1}), {n1: 1}.get(n1))
c = complex(float('nan'), 1)
print(hash(c) == hash(c), len({c, complex(float('nan'), 1)}))
print(hash(float('inf')), hash(-0.0), hash(1.5), hash(complex(1, 2)))
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
t(lambda: (-2**63) << (2**63)); t(lambda: 1 << (30 * 2**63)); t(lambda: 0 << 2**100); t(lambda: 0 << -1)
class H:
    def __index__(self): return 0
for args in ((-1.5-0.5j, -2.25, H()), (2.0, 1j, 5), (1j, 2.0, 5), (2, 2.0, 1j), (2, 2, 1j), (H(), 2, 5), (2, 2, 5.0)):
    t(lambda: pow(*args))
for e in ["(-1) >> (-(10**30))", "5 >> -1", "(2**70) >> -(2**70)", "(-1) >> 10**30", "7 >> 2**64"]:
    try: print(e, eval(e))
    except ValueError as x: print(e, x)
