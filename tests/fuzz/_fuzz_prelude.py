# The prelude of the programs of this directory (tests/_fuzz/fuzz.py --emit).
class Hooked:
    """A value whose dunders run Python code (and allocate) when natives call them."""
    def __init__(self, v):
        self.v = v
    def __index__(self):
        [[0] * 50 for _ in range(20)]
        return self.v if isinstance(self.v, int) else 1
    def __int__(self):
        return self.__index__()
    def __float__(self):
        return float(self.__index__())
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, o):
        return self.v == (o.v if isinstance(o, Hooked) else o)
    def __lt__(self, o):
        return self.v < (o.v if isinstance(o, Hooked) else o)
    def __len__(self):
        return abs(self.__index__()) % 7
    def __iter__(self):
        return iter(range(self.__index__() % 5))
    def __getitem__(self, i):
        if isinstance(i, int) and 0 <= i < 4:
            return i * 10
        raise IndexError(i)
    def __repr__(self):
        return "Hooked(%r)" % (self.v,)
    def __bool__(self):
        return bool(self.v)


def show(label, f):
    # lazy results (map, filter...) raise while they are listed: that is reported like any error
    try:
        r = f()
        if isinstance(r, (set, frozenset)):
            try:
                r = (type(r).__name__, sorted(r))
            except TypeError:
                r = (type(r).__name__, len(r))
        elif type(r).__name__ in ("map", "filter", "zip", "enumerate", "reversed") or type(r).__name__.endswith("iterator"):
            r = (type(r).__name__, list(r))
        elif isinstance(r, dict):
            r = ("dict", list(r.items()))
        elif callable(r) and not isinstance(r, type):
            r = ("callable", type(r).__name__)
        text = repr(r)
    except Exception as e:
        print(label, "!", type(e).__name__, e)
        return
    print(label, text)

