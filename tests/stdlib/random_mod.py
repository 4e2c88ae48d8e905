import random
for s in [0, 1, 42, -42, 2**100 + 7, -(2**64), 'hello', b'bytes', bytearray(b'ba'), '', 3.5]:
    r = random.Random(s)
    print(repr(s), r.random(), r.getrandbits(5), r.getrandbits(33), r.getrandbits(100), r.getrandbits(0))
r = random.Random(12345)
print([r.randint(1, 6) for _ in range(10)])
print([r.randrange(0, 100, 7) for _ in range(5)], r.randrange(10), r.randrange(-5, 5), r.randrange(10, 0, -3))
print(r.choice('abcdef'), r.choice([1, 2, 3]), r.choice(range(1000)))
l = list(range(20)); r.shuffle(l); print(l)
print(r.sample(range(100), 10), r.sample('abcdefg', 3), r.sample(range(10**6), 8))
print(r.sample(['a', 'b'], k=5, counts=[3, 2]))
print(r.choices('abc', k=5), r.choices('abc', [1, 0, 5], k=5), r.choices('abc', cum_weights=[1, 2, 10], k=4))
print(r.uniform(1, 5), r.gauss(), r.gauss(2, 3), r.normalvariate(), r.expovariate(1.5))
print(r.triangular(), r.triangular(0, 10, 7), r.betavariate(2, 3), r.betavariate(0.5, 0.5))
print(r.gammavariate(0.5, 1), r.gammavariate(1, 2), r.gammavariate(3, 2), r.lognormvariate(0, 1))
print(r.vonmisesvariate(1, 2), r.paretovariate(2), r.weibullvariate(1, 2), r.randbytes(5))
st = r.getstate(); a = [r.random() for _ in range(3)]; r.setstate(st); print(a == [r.random() for _ in range(3)], len(st[1]), st[0])
random.seed(7); print(random.random(), random.randint(0, 10**30))
for bad in [lambda: r.randrange(0), lambda: r.randrange(5, 5), lambda: r.randrange(0, 10, 0),
            lambda: r.choice([]), lambda: r.sample(range(3), 4), lambda: r.sample({1, 2}, 1),
            lambda: r.choices('ab', [1]), lambda: r.choices('ab', [1, 1], cum_weights=[1, 2]),
            lambda: r.getrandbits(-1), lambda: r.gammavariate(0, 1),
            lambda: r.setstate((9, (), None)), lambda: r.choices('ab', [0, 0])]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
sr = random.SystemRandom()
x = sr.random(); print(0 <= x < 1, 0 <= sr.randint(1, 6) - 1 < 6, len(sr.randbytes(4)), sr.getrandbits(10) < 1024)
try: sr.getstate()
except NotImplementedError as e: print('NotImplementedError', e)
class My(random.Random):
    def random(self): return 0.5
print(My(1).randrange(10), My(1).choice('abc'))
for s in ['hello', b'hello', '']:
    r = random.Random()
    r.seed(s, version=1)
    print('v1', repr(s), r.random())
