"""Iterator building blocks (CPython's itertools, written for minipy from its documentation).

Every tool is a class, as in CPython: its constructor checks the arguments and calls iter() on
the inputs at once (so `cycle(1)` fails where CPython fails), and iteration is a generator kept
in `_it`. The combinatoric tools read their whole input first, as CPython's do.
"""

import sys as _sys

__all__ = ["accumulate", "chain", "combinations", "combinations_with_replacement", "compress",
           "count", "cycle", "dropwhile", "filterfalse", "groupby", "islice", "pairwise",
           "permutations", "product", "repeat", "starmap", "takewhile", "tee", "zip_longest"]


def _as_index(v):
    if isinstance(v, int):
        return int(v)
    try:
        f = type(v).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__) from None
    return f(v)


def _is_number(v):
    return isinstance(v, (int, float, complex)) or hasattr(type(v), "__add__") and (
        hasattr(type(v), "__index__") or hasattr(type(v), "__float__")
        or hasattr(type(v), "__complex__"))


class _Iter:
    """The iterator protocol over the generator in `_it`."""

    __slots__ = ("_it",)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    def __class_getitem__(cls, item):
        return cls


# ---- infinite iterators -----------------------------------------------------------------------

class count(_Iter):
    """count(start=0, step=1) -> start, start+step, start+2*step, ..."""

    __slots__ = ("_n", "_step")

    def __init__(self, start=0, step=1):
        if not _is_number(start) or not _is_number(step):
            raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        step = self._step
        if type(step) is int and step == 1:
            return "count(%r)" % (self._n,)
        return "count(%r, %r)" % (self._n, step)


class cycle(_Iter):
    """cycle(p) -> p0, p1, ... plast, p0, p1, ..."""

    def __init__(self, iterable, /):
        self._it = self._run(iter(iterable))

    @staticmethod
    def _run(it):
        saved = []
        for x in it:
            yield x
            saved.append(x)
        while saved:
            for x in saved:
                yield x


class repeat(_Iter):
    """repeat(object[, times]) -> object, object, ... (times times, or forever)."""

    __slots__ = ("_obj", "_left")

    def __init__(self, object, times=None):
        self._obj = object
        if times is None:
            self._left = None
        else:
            times = _as_index(times)
            self._left = times if times > 0 else 0

    def __next__(self):
        if self._left is None:
            return self._obj
        if self._left <= 0:
            raise StopIteration
        self._left -= 1
        return self._obj

    def __length_hint__(self):
        if self._left is None:
            raise TypeError("len() of unsized object")
        return self._left

    def __repr__(self):
        if self._left is None:
            return "repeat(%r)" % (self._obj,)
        return "repeat(%r, %d)" % (self._obj, self._left)


# ---- iterators terminating on the shortest input ----------------------------------------------

class accumulate(_Iter):
    """accumulate(iterable, func=operator.add, *, initial=None) -> running totals."""

    def __init__(self, iterable, func=None, *, initial=None):
        self._it = self._run(iter(iterable), func, initial)

    @staticmethod
    def _run(it, func, total):
        if total is not None:
            yield total
        else:
            for total in it:
                yield total
                break
            else:
                return
        for x in it:
            total = total + x if func is None else func(total, x)
            yield total


class chain(_Iter):
    """chain(*iterables) -> the items of the first, then of the second, ..."""

    def __init__(self, *iterables):
        self._it = self._run(iterables)

    @staticmethod
    def _run(iterables):
        for it in iterables:
            for x in it:
                yield x

    @classmethod
    def from_iterable(cls, iterable, /):
        self = cls.__new__(cls)
        self._it = cls._run_lazy(iter(iterable))
        return self

    @staticmethod
    def _run_lazy(iterables):
        for it in iterables:
            for x in it:
                yield x


class compress(_Iter):
    """compress(data, selectors) -> the items of data whose selector is true."""

    def __init__(self, data, selectors):
        self._it = (d for d, s in zip(iter(data), iter(selectors)) if s)


class dropwhile(_Iter):
    """dropwhile(predicate, iterable) -> the items after the first one failing predicate."""

    def __init__(self, predicate, iterable, /):
        self._it = self._run(predicate, iter(iterable))

    @staticmethod
    def _run(predicate, it):
        for x in it:
            if not predicate(x):
                yield x
                break
        for x in it:
            yield x


class takewhile(_Iter):
    """takewhile(predicate, iterable) -> the items until the first one failing predicate."""

    def __init__(self, predicate, iterable, /):
        self._it = self._run(predicate, iter(iterable))

    @staticmethod
    def _run(predicate, it):
        for x in it:
            if not predicate(x):
                return
            yield x


class filterfalse(_Iter):
    """filterfalse(function or None, iterable) -> the items for which function(item) is false."""

    def __init__(self, function, iterable, /):
        it = iter(iterable)
        if function is None:
            self._it = (x for x in it if not x)
        else:
            self._it = (x for x in it if not function(x))


class groupby(_Iter):
    """groupby(iterable, key=None) -> (key, sub-iterator) for each run of equal keys."""

    __slots__ = ("_src", "_keyfunc", "_tgtkey", "_currkey", "_currvalue", "_id")

    def __init__(self, iterable, key=None):
        self._src = iter(iterable)
        self._keyfunc = key
        self._tgtkey = self._currkey = self._currvalue = _MARK
        self._id = object()

    def __next__(self):
        self._id = object()
        if self._currkey is _DONE:
            raise StopIteration
        if self._currkey is _MARK:
            self._step()
        else:
            while self._currkey == self._tgtkey:
                self._step()
        self._tgtkey = self._currkey
        return self._currkey, self._grouper(self._tgtkey, self._id)

    def _step(self):
        try:
            v = next(self._src)
        except StopIteration:
            self._currkey = _DONE
            raise
        self._currvalue = v
        self._currkey = v if self._keyfunc is None else self._keyfunc(v)

    def _grouper(self, tgtkey, gid):
        while self._id is gid and self._currkey == tgtkey:
            yield self._currvalue
            try:
                self._step()
            except StopIteration:
                return


class _Marker:
    def __eq__(self, other):
        return False

    __hash__ = object.__hash__


_MARK = _Marker()
_DONE = _Marker()


class islice(_Iter):
    """islice(iterable, stop) or islice(iterable, start, stop[, step]) -> selected items."""

    def __init__(self, iterable, *args):
        n = len(args)
        if n == 0:
            raise TypeError("islice expected at least 2 arguments, got 1")
        if n > 3:
            raise TypeError("islice expected at most 4 arguments, got %d" % (n + 1))
        if n == 1:
            start, stop, step = None, args[0], None
        else:
            start, stop = args[0], args[1]
            step = args[2] if n == 3 else None
        stop = self._arg(stop, "Stop argument for islice() must be None or an integer: "
                               "0 <= x <= sys.maxsize.")
        start = self._arg(start, "Indices for islice() must be None or an integer: "
                                 "0 <= x <= sys.maxsize.")
        step = self._arg(step, "Step for islice() must be a positive integer or None.")
        if start is None:
            start = 0
        if step is None:
            step = 1
        if step == 0:
            raise ValueError("Step for islice() must be a positive integer or None.")
        self._it = self._run(iter(iterable), start, stop, step)

    @staticmethod
    def _arg(v, msg):
        if v is None:
            return None
        try:
            v = _as_index(v)
        except TypeError:
            raise ValueError(msg) from None
        if v < 0 or v > _sys.maxsize:
            raise ValueError(msg)
        return v

    @staticmethod
    def _run(it, start, stop, step):
        i = 0
        nexti = start
        if stop is not None and nexti >= stop:
            for _ in zip(range(stop), it):
                pass
            return
        for x in it:
            if i == nexti:
                yield x
                nexti += step
                if stop is not None and nexti >= stop:
                    # consume up to stop, as CPython does
                    for _ in zip(range(stop - i - 1), it):
                        pass
                    return
            i += 1


class pairwise(_Iter):
    """pairwise(iterable) -> (s0, s1), (s1, s2), ..."""

    def __init__(self, iterable, /):
        self._it = self._run(iter(iterable))

    @staticmethod
    def _run(it):
        for a in it:
            for b in it:
                yield a, b
                a = b
            return


class starmap(_Iter):
    """starmap(function, iterable) -> function(*args) for each args in iterable."""

    def __init__(self, function, iterable, /):
        self._it = (function(*args) for args in iter(iterable))


class zip_longest(_Iter):
    """zip_longest(*iterables, fillvalue=None) -> tuples, padded to the longest input."""

    def __init__(self, *iterables, fillvalue=None):
        self._it = self._run([iter(it) for it in iterables], fillvalue)

    @staticmethod
    def _run(its, fillvalue):
        active = len(its)
        if not active:
            return
        done = [False] * len(its)
        while True:
            values = []
            for i, it in enumerate(its):
                if done[i]:
                    values.append(fillvalue)
                    continue
                try:
                    values.append(next(it))
                except StopIteration:
                    active -= 1
                    if not active:
                        return
                    done[i] = True
                    values.append(fillvalue)
            yield tuple(values)


def tee(iterable, n=2, /):
    """n independent iterators over one iterable."""
    n = _as_index(n)
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return ()
    shared = _TeeData(iter(iterable))
    return tuple(_tee(shared, 0) for _ in range(n))


class _TeeData:
    """The values read from the source so far (kept for the tee that is furthest behind;
    minipy keeps them all)."""

    def __init__(self, it):
        self.it = it
        self.buf = []


class _tee(_Iter):
    __slots__ = ("_data", "_pos")

    def __init__(self, data, pos):
        self._data = data
        self._pos = pos

    def __next__(self):
        d = self._data
        i = self._pos
        if i < len(d.buf):
            v = d.buf[i]
        else:
            v = next(d.it)
            d.buf.append(v)
        self._pos += 1
        return v

    def __copy__(self):
        return _tee(self._data, self._pos)


_tee.__name__ = "_tee"


# ---- combinatoric iterators ---------------------------------------------------------------------

def _check_r(r):
    r = _as_index(r)
    if r < 0:
        raise ValueError("r must be non-negative")
    return r


class product(_Iter):
    """product(*iterables, repeat=1) -> the cartesian product, as tuples."""

    def __init__(self, *iterables, repeat=1):
        repeat = _as_index(repeat)
        if repeat < 0:
            raise ValueError("repeat argument cannot be negative")
        pools = [tuple(p) for p in iterables] * repeat
        self._it = self._run(pools)

    @staticmethod
    def _run(pools):
        result = [[]]
        for pool in pools:
            result = [x + [y] for x in result for y in pool]
        for prod in result:
            yield tuple(prod)


class permutations(_Iter):
    """permutations(iterable, r=None) -> r-length tuples, in lexicographic index order."""

    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        r = len(pool) if r is None else _check_r(r)
        self._it = self._run(pool, r)

    @staticmethod
    def _run(pool, r):
        n = len(pool)
        if r > n:
            return
        indices = list(range(n))
        cycles = list(range(n, n - r, -1))
        yield tuple(pool[i] for i in indices[:r])
        while n:
            for i in reversed(range(r)):
                cycles[i] -= 1
                if cycles[i] == 0:
                    indices[i:] = indices[i + 1:] + indices[i:i + 1]
                    cycles[i] = n - i
                else:
                    j = cycles[i]
                    indices[i], indices[-j] = indices[-j], indices[i]
                    yield tuple(pool[i] for i in indices[:r])
                    break
            else:
                return


class combinations(_Iter):
    """combinations(iterable, r) -> r-length tuples in sorted index order, no repeats."""

    def __init__(self, iterable, r):
        pool = tuple(iterable)
        self._it = self._run(pool, _check_r(r))

    @staticmethod
    def _run(pool, r):
        n = len(pool)
        if r > n:
            return
        indices = list(range(r))
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != i + n - r:
                    break
            else:
                return
            indices[i] += 1
            for j in range(i + 1, r):
                indices[j] = indices[j - 1] + 1
            yield tuple(pool[i] for i in indices)


class combinations_with_replacement(_Iter):
    """combinations_with_replacement(iterable, r) -> r-length tuples, items may repeat."""

    def __init__(self, iterable, r):
        pool = tuple(iterable)
        self._it = self._run(pool, _check_r(r))

    @staticmethod
    def _run(pool, r):
        n = len(pool)
        if not n and r:
            return
        indices = [0] * r
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != n - 1:
                    break
            else:
                return
            indices[i:] = [indices[i] + 1] * (r - i)
            yield tuple(pool[i] for i in indices)
