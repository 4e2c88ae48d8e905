# Big ints meeting floats and huge results: correctly rounded true division, OverflowError instead
# of inf/nan, MemoryError instead of an abort, precisions beyond 64k digits.
print(10**400 / (3 * 10**399), (10**400 + 1) / 10**400, -10**300 / 7, 2**1100 / 2**1090)
print((2**53 + 1) / 1, (3**200) / (7**150), 1 / 3**700, 10**400 // 3 / 10**390)
print((-1) ** (2**100), (-1) ** (2**100 + 1), 1 ** (2**100), 0 ** (2**100), 2 ** 10 ** 1)
print(1e15 + 0.25, 0.1 + 0.2, 1e16, 1.5e-7, 123456789012345678.0)
for src in ["10**400 + 1.0", "10**400 * 1.5", "1.5 - 10**400", "10**400 / 1e-5",
            "10**400 < 1.5", "10**400 > 1e308", "-10**400 < -1e308", "10**400 == float('inf')",
            "2**2000 / 3", "1 << 10**12", "(2**100) << 10**12", "0 << 10**12",
            "(5).to_bytes(10**12, 'big')", "len('%.65536f' % 1.0)",
            "len(format(1.0, '.70000f'))", "('%.70000e' % 2.5)[-5:]", "len(f'{1.0:.66000g}')",
            "(1 << 64) >> 10**12", "-(1 << 64) >> 10**20"]:
    try:
        print(src, '->', eval(src))
    except Exception as e:
        print(src, '!!', type(e).__name__, e)
print('still running')
