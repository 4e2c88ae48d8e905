# Slices and ranges whose steps do not fit 64 bits (or a small int) give CPython's results, never a crash.
l = ['123', 'abc', 2, (2**100,)]
for st in [2**63, -2**63, 2**62, -2**62, 2**64 + 5, -(2**70), 2**63 - 1, -(2**63) + 1]:
    print(st, l[::st], l[1::st], l[-1::st], l[1:None:st], 'abcd'[::st], b'abcd'[1::st], tuple(l)[::st])
    print(slice(None, None, st).indices(10), slice(3, None, st).indices(10))
    m = list(range(8))
    del m[::st]
    print(m)
for r in [range(0, 10, 2**62), range(-2, 2**62, 2**62), range(5, -5, -2**62), range(0, 2**63 - 1, 2**62),
          range(-2**63, 2**63 - 1, 2**62)]:
    print(r, list(r), len(r), 2**62 in r, [x for x in r])
