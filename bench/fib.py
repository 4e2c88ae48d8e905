# fib.py - recursive function calls (call/return overhead, small-int arithmetic,
# comparisons, global function lookup).
import sys

N = 30          # fib(N) is computed REPEAT times
REPEAT = 6

if len(sys.argv) > 1:
    N = int(sys.argv[1])


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    total = 0
    for i in range(REPEAT):
        total += fib(N - i % 2)
    print(f"fib({N}) x{REPEAT} checksum {total}")


main()
