# bigint.py - big integer arithmetic: factorials, powers, Fibonacci numbers,
# Machin's formula for pi in fixed point, integer square roots, modular
# exponentiation and digit sums (multiply, add, floor-divide, mod, shifts,
# comparison and str() of multi-thousand-digit ints).
# Note: str() is only used on ints below 4300 digits (CPython's default limit).
import sys

N = 6000        # size parameter: factorial argument, digits of pi, ...

if len(sys.argv) > 1:
    N = int(sys.argv[1])


def digit_sum(n):
    # chunked so that str() never sees a huge int
    s = 0
    chunk = 10 ** 18
    while n > 0:
        q = n // chunk
        r = n - q * chunk
        for ch in str(r):
            s += ord(ch) - 48
        n = q
    return s


def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def fib(n):
    a = 0
    b = 1
    for i in range(n):
        t = a + b
        a = b
        b = t
    return a


def arctan_inv(x, unity):
    # arctan(1/x) * unity
    total = unity // x
    term = total
    x2 = x * x
    k = 3
    sign = -1
    while term != 0:
        term = term // x2
        total += sign * (term // k)
        sign = -sign
        k += 2
    return total


def pi_digits(digits):
    unity = 10 ** (digits + 10)
    pi = 4 * (4 * arctan_inv(5, unity) - arctan_inv(239, unity))
    return pi // 10 ** 10


def isqrt(n):
    if n < 2:
        return n
    x = 1 << ((n.bit_length() + 1) // 2)
    while True:
        y = (x + n // x) >> 1
        if y >= x:
            return x
        x = y


def modpow(base, exp, mod):
    result = 1
    base = base % mod
    while exp > 0:
        if exp & 1:
            result = result * base % mod
        base = base * base % mod
        exp >>= 1
    return result


def count_probable_primes(start, count):
    # Fermat test (base 2) on medium-sized ints: many small bigint ops
    found = 0
    last = 0
    n = start | 1
    for i in range(count):
        if modpow(2, n - 1, n) == 1:
            found += 1
            last = n
        n += 2
    return found, last


def main():
    f = factorial(N)
    fs = digit_sum(f)
    fb = fib(N * 10)
    fbs = digit_sum(fb)
    p = pi_digits(N)
    r = isqrt(2 * 10 ** (2 * N))
    m = (1 << 521) - 1                       # a Mersenne prime
    mp = modpow(3, m - 1, m)                 # Fermat: must be 1
    m2 = modpow(f + 1, fb, m)
    np, last = count_probable_primes(2 ** 200 + N, N // 2)
    pw = 0
    for k in range(1, N // 10):
        pw = (pw + 7 ** (k * 13) + 3 ** (k * 17)) % (10 ** 40 + 7)
    print(f"fact {fs} {f.bit_length()} fib {fbs} {fb % 1000000007}")
    print(f"pi {str(p // 10 ** (N - 20))} sum {digit_sum(p)} mod {p % 1000000007}")
    print(f"sqrt2 {digit_sum(r)} {r % 1000000007} fermat {mp} m2 {m2 % 1000000007}")
    print(f"primes {np} last {last % 1000000007} pw {pw}")


main()
