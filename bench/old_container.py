# old_container.py - minor-collection cost while a big OLD container is written (issue 12, cards).
#
# Builds a list of N slots (default 5,000,000) and a dict of N // 5 int keys, makes them old with
# gc.collect(), then runs phases of W writes each (default 1,000,000):
#   seq_int   lst[i] = i          + one garbage list per write (drives minor collections)
#   rand_int  lst[random] = i     + one garbage list per write
#   seq_obj   lst[i] = [i]        (a young object stored into the old list, survives)
#   rand_obj  lst[random] = [i]
#   dict_obj  d[random key] = [i] (update of an existing key: old entries array)
# stdout: a deterministic checksum (the same on CPython 3.11 and minipy).
# stderr (minipy only, from gc.get_stats()): per phase, minor collections, ms per minor collection,
# and the dirty cards scanned (and the time spent on them) when the heap reports them. The ms come
# from `total_minor_ns` when the heap has that counter, else from `total_pause_ns` (which then
# includes any major collection of the phase).
#
#   target/release/minipy bench/old_container.py [N] [W]
import gc
import sys

N = 5000000
W = 1000000
if len(sys.argv) > 1:
    N = int(sys.argv[1])
if len(sys.argv) > 2:
    W = int(sys.argv[2])


def stats():
    # CPython: a list of per-generation dicts; PyPy: a GcStats object; minipy: a dict in a list.
    try:
        s = gc.get_stats()[0]
    except (AttributeError, TypeError, IndexError, KeyError):
        return None
    return s if isinstance(s, dict) and "minor_collections" in s else None


def report(name, before, after):
    if before is None:
        return
    minors = after["minor_collections"] - before["minor_collections"]
    majors = after["major_collections"] - before["major_collections"]
    if "total_minor_ns" in after:
        ns = after["total_minor_ns"] - before["total_minor_ns"]
        src = "total_minor_ns"
    else:
        ns = after["total_pause_ns"] - before["total_pause_ns"]
        src = "total_pause_ns"
    per = ns / minors / 1e6 if minors else 0.0
    extra = ""
    if "cards_scanned" in after:
        extra = " cards_scanned=%d card_scan_ms/minor=%.3f" % (
            after["cards_scanned"] - before["cards_scanned"],
            (after["total_card_scan_ns"] - before["total_card_scan_ns"]) / max(minors, 1) / 1e6)
    # minor collections #first..#last belong to this phase (to match MINIPY_GC_TRACE records).
    first = before["minor_collections"] + 1
    sys.stderr.write("%-9s minors=%4d (#%d-#%d) majors=%d ms/minor=%7.3f (%s)%s\n"
                     % (name, minors, first, first + minors - 1, majors, per, src, extra))


def phase(name, body):
    before = stats()
    r = body()
    report(name, before, stats())
    return r


lst = [None] * N
d = {}
for k in range(N // 5):
    d[k] = k
gc.collect()
gc.collect()

MUL = 1103515245
ADD = 12345


def seq_int():
    junk = None
    for i in range(W):
        lst[i % N] = i
        junk = [i]
    return junk[0]


def rand_int():
    x = 1
    junk = None
    for i in range(W):
        x = (x * MUL + ADD) % 2147483648
        lst[x % N] = i
        junk = [i]
    return x + junk[0]


def seq_obj():
    for i in range(W):
        lst[i % N] = [i]
    return len(lst)


def rand_obj():
    x = 7
    for i in range(W):
        x = (x * MUL + ADD) % 2147483648
        lst[x % N] = [i]
    return x


def dict_obj():
    x = 3
    m = N // 5
    for i in range(W):
        x = (x * MUL + ADD) % 2147483648
        d[x % m] = [i]
    return x


check = 0
for name, body in (("seq_int", seq_int), ("rand_int", rand_int), ("seq_obj", seq_obj),
                   ("rand_obj", rand_obj), ("dict_obj", dict_obj)):
    check = (check * 31 + phase(name, body)) % 1000000007

total = 0
for v in lst[:1000]:
    total += v[0] if isinstance(v, list) else (v or 0)
dtotal = 0
for k in range(0, N // 5, 997):
    v = d[k]
    dtotal += v[0] if isinstance(v, list) else v
print(check, total, dtotal)
