# Generators: yield, yield from, sent values, a generator's return value, and a generator used in
# a for loop with an else clause.
def count(n):
    i = 0
    while i < n:
        got = yield i
        if got:
            i += got
        i += 1
    return "end"


def chain(*gens):
    results = []
    for g in gens:
        r = yield from g
        results.append(r)
    return results


def pairs(xs):
    for a in xs:
        for b in xs:
            if a < b:
                yield a, b
    else:
        yield None


print(list(chain(count(3), count(2))), list(pairs([1, 2, 3])))
