# Building a list from a huge sized iterable fails at once, as CPython: MemoryError (or OverflowError
# beyond ssize_t) from the length hint, not a process that grows until it is killed.
def t(f):
    try: print(len(f()))
    except BaseException as e: print(type(e).__name__, e)
t(lambda: list(range(10**12)))
t(lambda: list(range(2**64)))
t(lambda: list(range(10**10)))
t(lambda: list(range(5)))
t(lambda: [*range(10**12)])
t(lambda: tuple(range(10**12)))
t(lambda: sorted(range(10**12)))

