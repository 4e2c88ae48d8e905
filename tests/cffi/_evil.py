# evil objects for the cffi evil-hooks tests: every hook allocates enough to force minor
# collections (default 2 MiB nursery) before answering, so that interpreter code holding a
# stale reference across the hook reads moved memory
churned = [0]


def churn():
    # about 7 MB of short-lived lists: at least one minor collection with the default 2 MiB nursery
    # (cheap under the stress modes too, since almost nothing survives)
    keep = [[k] for k in range(100)]
    for k in range(8000):
        junk = [k] * 100
    churned[0] += 1
    return len(keep) + len(junk)


class Int:
    def __init__(self, v):
        self.v = v

    def __int__(self):
        churn()
        return self.v

    def __repr__(self):
        churn()
        return "%s(%r)" % (type(self).__name__, self.v)


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        churn()
        return self.v


class IntIdx(Int):
    def __index__(self):
        churn()
        return self.v


class Flt:
    def __init__(self, v):
        self.v = v

    def __float__(self):
        churn()
        return self.v


class BadInt:
    def __int__(self):
        churn()
        return "seven"


class BadIdx:
    def __index__(self):
        churn()
        return 2.5


class BadFloat:
    def __float__(self):
        churn()
        return "x" * 3


class RaiseInt:
    def __int__(self):
        churn()
        raise ValueError("int hook failed")


class RaiseIdx:
    def __index__(self):
        churn()
        raise KeyError("index hook failed")


class RaiseFloat:
    def __float__(self):
        churn()
        raise ArithmeticError("float hook failed")


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", r)
