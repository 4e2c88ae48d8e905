# Prime sieve, factorisation, twin primes, Goldbach checks.
def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    i = 2
    while i * i <= n:
        if is_prime[i]:
            is_prime[i * i::i] = [False] * len(range(i * i, n + 1, i))
        i += 1
    return [i for i, p in enumerate(is_prime) if p]

primes = sieve(50000)
print(len(primes), primes[:15], primes[-3:])
prime_set = set(primes)
def factor(n):
    out = []
    for p in primes:
        if p * p > n:
            break
        while n % p == 0:
            out.append(p)
            n //= p
    if n > 1:
        out.append(n)
    return out
for n in (360, 97, 1001, 2 ** 16 + 1, 600851475143, 2 ** 31 - 1):
    print(n, factor(n))
twins = [(p, p + 2) for p in primes if p + 2 in prime_set]
print(len(twins), twins[:5], twins[-1])
def goldbach(n):
    for p in primes:
        if n - p in prime_set:
            return p, n - p
print([goldbach(n) for n in range(4, 40, 2)])
print(all(goldbach(n) for n in range(4, 5000, 2)))
gaps = {}
for a, b in zip(primes, primes[1:]):
    gaps[b - a] = gaps.get(b - a, 0) + 1
print(sorted(gaps.items())[:8], max(gaps))
