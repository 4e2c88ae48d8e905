# page_reuse.py - phases that free most of the old generation and then allocate objects of other
# sizes: the freed pages are reused by other size classes (and given back to the OS in between) while
# the survivors from earlier phases stay intact; big strings and lists (large objects, mapped one by
# one) are made and dropped in between.
import gc


def phase(seed, n, keep_every):
    small = [(seed, i) for i in range(n)]           # tuples of 2
    words = [str(i * seed) * 3 for i in range(n)]   # short strings of varied sizes
    kept = [(small[i], words[i]) for i in range(0, n, keep_every)]
    big = "x" * (300000 + seed)                     # a large object
    big_list = list(range(40000 + seed))            # another
    del small, words
    gc.collect()
    return kept, len(big) + len(big_list)


def check(kept, seed):
    s = 0
    for (a, b), w in kept:
        assert a == seed, (a, seed)
        assert w == str(b * seed) * 3, (w, b, seed)
        s = (s * 31 + b + len(w)) % 1000000007
    return s


survivors = []
total = 0
for round_ in range(4):
    seed = round_ + 2
    kept, n = phase(seed, 20000, 97)
    total += n
    survivors.append((seed, kept))
    # objects of other sizes on the freed pages
    other = [[seed] * (1 + i % 9) for i in range(15000)]
    assert sum(len(x) for x in other) == sum(1 + i % 9 for i in range(15000))
    del other
    print("round", round_, "kept", len(kept), "check", check(kept, seed))

gc.collect()
for seed, kept in survivors:
    print("seed", seed, "still", check(kept, seed))
print("large total", total)
