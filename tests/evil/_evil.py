# Shared helpers of the evil-hooks suite: hooks call churn() to allocate enough for a minor
# collection with the default 2 MiB nursery, so that objects held by the native calling the hook move.

def churn():
    junk = [[k] * 100 for k in range(8000)]
    return len(junk)


def case(name, f):
    try:
        r = f()
    except Exception as e:
        print(name, "->", type(e).__name__, e)
    else:
        print(name, "->", repr(r))


class I:
    """An int-like object whose __index__ allocates (and can run a side effect)."""

    def __init__(self, n, side=None):
        self.n = n
        self.side = side

    def __index__(self):
        churn()
        if self.side is not None:
            self.side()
        return self.n
