# nqueens.py - all solutions of the N-queens problem by permutations filtered with
# generator expressions and sets (generators, set construction, tuple building).
import sys

N = 8           # board size
REPEAT = 6

if len(sys.argv) > 1:
    N = int(sys.argv[1])


def permutations(items):
    # Heap-free recursive permutations as tuples (no itertools: exercises generators).
    if len(items) <= 1:
        yield tuple(items)
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            yield (items[i],) + p


def n_queens(n):
    cols = list(range(n))
    for vec in permutations(cols):
        if (n == len(set(vec[i] + i for i in cols))
                == len(set(vec[i] - i for i in cols))):
            yield vec


def main():
    count = 0
    check = 0
    for _ in range(REPEAT):
        for sol in n_queens(N):
            count += 1
            check = (check * 31 + sum(c * (i + 1) for i, c in enumerate(sol))) % 1000003
    print(f"nqueens({N}) x{REPEAT}: {count} solutions, checksum {check}")


main()
