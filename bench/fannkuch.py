# fannkuch.py - the fannkuch-redux kernel: permutations of a list, prefix reversal
# by slice assignment, list indexing and copying.
import sys

N = 9
if len(sys.argv) > 1:
    N = int(sys.argv[1])


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    r = n
    nperm = 0
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if nperm % 2 == 0 else -flips
        nperm += 1
        while True:
            if r == n:
                return max_flips, checksum
            p0 = perm1[0]
            i = 0
            while i < r:
                perm1[i] = perm1[i + 1]
                i += 1
            perm1[r] = p0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main():
    flips, checksum = fannkuch(N)
    print(f"fannkuch({N}): max flips {flips}, checksum {checksum}")


main()
