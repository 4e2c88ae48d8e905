# hash() of an object answers its __hash__ result as CPython does (itself when it fits 64 bits,
# -1 -> -2, else the int's hash), and dicts/sets find it under any key with an equal hash().
class H:
    def __init__(s, h):
        s.h = h

    def __hash__(s):
        return s.h

    def __eq__(s, o):
        return True


for h in [0, -1, 5, 2**61, 2**62, -2**62, 2**63 - 1, 2**64, -2**63, 2**100]:
    print(h, hash(H(h)), {H(h): 1}.get(h), {h: 2}.get(H(h)), hash(h) == hash(H(h)), H(h) in {h})


class T:
    """Hashes and compares as the tuple it wraps."""

    def __init__(s, t):
        s.t = t

    def __hash__(s):
        return hash(s.t)

    def __eq__(s, o):
        return s.t == (o.t if isinstance(o, T) else o)


for t in [(1, 2), (), (None, 3.5, (1,)), (-1,), frozenset([1, 2])]:
    print(t, hash(T(t)) == hash(t), {T(t): "a"}[t], {t: "b"}[T(t)], T(t) in {t}, t in {T(t)})
