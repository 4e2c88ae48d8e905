# sort_objects.py - sorting lists of instances and tuples with key functions,
# lambdas, attrgetter-like keys and __lt__ (sort, key calls, rich comparisons).
import sys

N = 30000       # objects per list
REPEAT = 3

if len(sys.argv) > 1:
    N = int(sys.argv[1])


class Item:
    def __init__(self, key, name, weight):
        self.key = key
        self.name = name
        self.weight = weight

    def __lt__(self, other):
        return self.key < other.key


def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        yield seed


def main():
    check = 0
    gen = lcg(42)
    for r in range(REPEAT):
        items = [Item(next(gen) % 100000, "n%d" % i, next(gen) % 997) for i in range(N)]
        by_lt = sorted(items)
        by_weight = sorted(items, key=lambda it: it.weight)
        by_pair = sorted(items, key=lambda it: (it.weight, it.name))
        tuples = [(it.weight, it.key, it.name) for it in items]
        tuples.sort(reverse=True)
        names = sorted(it.name for it in items)
        check = (check + by_lt[0].key + by_lt[-1].key + by_weight[N // 2].weight
                 + len(by_pair[7].name) + tuples[0][1] + len(names[-1])) % 1000003
    print(f"sort_objects({N}) x{REPEAT} checksum {check}")


main()
