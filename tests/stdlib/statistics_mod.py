import statistics as st
from fractions import Fraction as F

def show(name, *a, **k):
    try:
        r = getattr(st, name)(*a, **k)
        print(name, type(r).__name__, repr(r))
    except Exception as e:
        print(name, type(e).__name__, e)

sets = [[1, 2, 3, 4], [1, 2, 3], [2.5, 3.25, 5.75], [1, 2.5], [F(1, 3), F(2, 3), 1], [F(1, 2), 0.25],
        [0.1] * 10, [1e308, 1e308], [7], [], [True, False, True], [1, 3, 3, 7, 7, 7, 2],
        range(10), [-5, 5, 10**20], [3, 1, 4, 1, 5, 9, 2, 6]]
for data in sets:
    print('data', data)
    for name in ['mean', 'fmean', 'median', 'median_low', 'median_high', 'median_grouped', 'mode',
                 'multimode', 'variance', 'pvariance', 'stdev', 'pstdev', 'geometric_mean', 'harmonic_mean']:
        show(name, data)
    show('quantiles', data)
    show('quantiles', data, n=10, method='inclusive')
show('mode', ['a', 'b', 'b', 'c', 'c'])
show('multimode', 'aabbbbccddddeeffffgg')
show('variance', [1, 2, 3, 4], 2.5)
show('pvariance', [1, 2, 3, 4], mu=2)
show('stdev', iter([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
show('fmean', [3.5, 4.0, 5.25], weights=[1, 2, 3])
show('quantiles', [1, 2, 3], n=0)
show('quantiles', [1, 2, 3], method='x')
show('mean', ['a'])
show('mean', [1, 'a'])
show('harmonic_mean', [40, 60], weights=[5, 30])
show('harmonic_mean', [-1, 2])
show('median_grouped', [52, 52, 53, 54], interval=2)
show('stdev', [F(1, 3), F(2, 3), F(5, 7)])
print(issubclass(st.StatisticsError, ValueError))
for data in [[float('nan'), 1.0], [float('inf'), 1.0]]:
    for name in ['mean', 'fmean', 'median', 'median_high', 'median_grouped', 'variance', 'pvariance']:
        show(name, data)
xs = [1, 2, 3, 4, 5, 6, 7, 8, 9]
ys = [1, 2, 3, 1, 2, 3, 1, 2, 3]
zs = [2.5, 3.1, 4.7, 5.2, 7.9, 8.1, 9.0, 11.3, 12.2]
show('covariance', xs, ys)
show('covariance', xs, zs)
show('correlation', xs, zs)
show('correlation', xs, [9, 8, 7, 6, 5, 4, 3, 2, 1])
show('correlation', xs, [1] * 9)
show('covariance', [1], [2])
show('covariance', [1, 2], [2])
show('linear_regression', xs, zs)
show('linear_regression', xs, zs, proportional=True)
show('linear_regression', [1, 1], [2, 3])
slope, intercept = st.linear_regression([1, 2, 3], [2, 4, 6.5])
print(slope, intercept)
