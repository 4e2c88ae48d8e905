# loops.py - integer loops and arithmetic: nested for/while loops, range(),
# +, -, *, //, %, bit operations and comparisons on small ints, local variables.
import sys

N = 1500        # outer/inner loop size (work is ~N*N)

if len(sys.argv) > 1:
    N = int(sys.argv[1])


def nested(n):
    acc = 0
    for i in range(n):
        for j in range(n):
            acc += (i * j) % 7 - (i ^ j) & 15
    return acc


def collatz_steps(limit):
    best = 0
    best_n = 0
    total = 0
    k = 1
    while k < limit:
        x = k
        steps = 0
        while x != 1:
            if x % 2 == 0:
                x = x // 2
            else:
                x = 3 * x + 1
            steps += 1
        total += steps
        if steps > best:
            best = steps
            best_n = k
        k += 1
    return total, best_n, best


def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            j = i * i
            while j <= n:
                flags[j] = False
                j += i
        i += 1
    count = 0
    s = 0
    for i in range(n + 1):
        if flags[i]:
            count += 1
            s += i
    return count, s


def main():
    a = nested(N)
    total, best_n, best = collatz_steps(N * 20)
    count, s = sieve(N * 200)
    print(f"nested {a} collatz {total} {best_n} {best} primes {count} {s}")


main()
