# code objects' bytecode views: co_code is bytes, co_lines() covers 0..len(co_code) with contiguous
# ranges, co_lnotab decodes to the same lines, co_positions() has one entry per code unit. Offsets
# are implementation-specific, so only their invariants are printed.


def f(x, y):
    a = x + y

    b = x - y
    if a:
        b += 1
    return a * b


def big():
    x = 1
    # a gap of more than 127 lines splits the lnotab line delta
    # 1
    # 2
    # 3
    # 4
    # 5
    # 6
    # 7
    # 8
    # 9
    # 10
    # 11
    # 12
    # 13
    # 14
    # 15
    # 16
    # 17
    # 18
    # 19
    # 20
    # 21
    # 22
    # 23
    # 24
    # 25
    # 26
    # 27
    # 28
    # 29
    # 30
    # 31
    # 32
    # 33
    # 34
    # 35
    # 36
    # 37
    # 38
    # 39
    # 40
    # 41
    # 42
    # 43
    # 44
    # 45
    # 46
    # 47
    # 48
    # 49
    # 50
    # 51
    # 52
    # 53
    # 54
    # 55
    # 56
    # 57
    # 58
    # 59
    # 60
    # 61
    # 62
    # 63
    # 64
    # 65
    # 66
    # 67
    # 68
    # 69
    # 70
    # 71
    # 72
    # 73
    # 74
    # 75
    # 76
    # 77
    # 78
    # 79
    # 80
    # 81
    # 82
    # 83
    # 84
    # 85
    # 86
    # 87
    # 88
    # 89
    # 90
    # 91
    # 92
    # 93
    # 94
    # 95
    # 96
    # 97
    # 98
    # 99
    # 100
    # 101
    # 102
    # 103
    # 104
    # 105
    # 106
    # 107
    # 108
    # 109
    # 110
    # 111
    # 112
    # 113
    # 114
    # 115
    # 116
    # 117
    # 118
    # 119
    # 120
    # 121
    # 122
    # 123
    # 124
    # 125
    # 126
    # 127
    # 128
    # 129
    # 130
    return x


def check(fn):
    c = fn.__code__
    first = c.co_firstlineno
    print(fn.__name__, type(c.co_code).__name__, len(c.co_code) % 2)
    ranges = list(c.co_lines())
    print("starts at", ranges[0][0], "ends at end", ranges[-1][1] == len(c.co_code))
    print("contiguous", all(a[1] == b[0] for a, b in zip(ranges, ranges[1:])))
    print("non-empty", all(s < e for s, e, _ in ranges))
    lines = sorted({l - first for _, _, l in ranges if l is not None} - {0})
    print("lines", lines)
    tab = c.co_lnotab
    print("lnotab", type(tab).__name__, len(tab) % 2)
    line, seen = first, set()
    for i in range(0, len(tab), 2):
        d = tab[i + 1]
        line += d - 256 if d >= 128 else d
        seen.add(line - first)
    print("lnotab lines", sorted(seen - {0}) == lines or sorted(seen - {0}))
    pos = list(c.co_positions())
    print("positions", len(pos) == len(c.co_code) // 2, all(len(p) == 4 for p in pos))


check(f)
check(big)
check(lambda: 0)
try:
    f.__code__.co_lines(1)
except TypeError as e:
    print("TypeError")
print(type(iter(f.__code__.co_lines())) is type(f.__code__.co_lines()))
