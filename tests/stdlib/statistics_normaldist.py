# statistics.NormalDist: construction, properties, pdf/cdf/inv_cdf (rounded: minipy's inverse is
# computed otherwise than CPython's, equal to ~1e-15), quantiles, overlap, zscore, samples,
# arithmetic, equality/hash/repr, errors.
from statistics import NormalDist, StatisticsError

r = lambda x: round(x, 12)
n = NormalDist(100, 15)
print(n, repr(NormalDist()), n.mean, n.median, n.mode, n.stdev, n.variance)
print(r(n.pdf(100)), r(n.pdf(130)), r(n.cdf(100)), r(n.cdf(130)), r(n.cdf(50)))
print([r(n.inv_cdf(p)) for p in (0.001, 0.025, 0.1, 0.5, 0.75, 0.975, 0.999999)])
print([r(x) for x in NormalDist().quantiles()], [r(x) for x in n.quantiles(10)])
for p in (1e-10, 0.3, 0.7, 1 - 1e-10):
    print(r(NormalDist().inv_cdf(p)), r(NormalDist().cdf(NormalDist().inv_cdf(p)) - p) == 0)
print(r(NormalDist(2.4, 1.6).overlap(NormalDist(3.2, 2.0))), r(n.overlap(n)),
      r(NormalDist(0, 1).overlap(NormalDist(1, 1))))
print(n.zscore(130), NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]))
s = NormalDist(0, 1).samples(5, seed=42)
print(len(s), [round(x, 9) for x in s])
print(n + 10, n - 10, n * 2, n / 2, 2 * n, 10 + n, 10 - n, -n, +n)
print(NormalDist(1, 3) + NormalDist(2, 4), NormalDist(1, 3) - NormalDist(2, 4))
print(n == NormalDist(100, 15), n == NormalDist(100, 16), n == 5, hash(n) == hash(NormalDist(100.0, 15.0)))
print({n: 1}[NormalDist(100, 15)], NormalDist(1, 0).mean)
for f in (lambda: NormalDist(0, -1), lambda: NormalDist(0, 0).pdf(1), lambda: NormalDist(0, 0).cdf(1),
          lambda: n.inv_cdf(0), lambda: n.inv_cdf(1.5), lambda: NormalDist(1, 0).inv_cdf(0.5),
          lambda: NormalDist(1, 0).zscore(1), lambda: n.overlap(3),
          lambda: NormalDist(0, 0).overlap(n), lambda: NormalDist.from_samples([1])):
    try:
        print(f())
    except (StatisticsError, TypeError) as e:
        print(type(e).__name__, e)
