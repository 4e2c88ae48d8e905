# unpack_sequence.py - tuple and list packing/unpacking (BUILD_TUPLE, UNPACK_SEQUENCE,
# swaps, star-unpacking, returning tuples from functions).
import sys

N = 1200000     # loop iterations
if len(sys.argv) > 1:
    N = int(sys.argv[1])


def divmod_pair(a, b):
    return a // b, a % b


def main():
    a, b, c, d = 1, 2, 3, 4
    lst = [5, 6, 7, 8]
    total = 0
    for i in range(N):
        a, b = b, a
        c, d = d, c
        a, b, c, d = d, c, b, a
        w, x, y, z = lst
        q, r = divmod_pair(i + 7, 5)
        first, *rest = (i, w, x)
        (e, f), g = (y, z), q
        t = (a, b, c, d, e, f, g, r)
        h0, h1, h2, h3, h4, h5, h6, h7 = t
        total += h0 + h3 + h6 + h7 + first + len(rest)
    print(f"unpack_sequence({N}) checksum {total % 1000003}")


main()
