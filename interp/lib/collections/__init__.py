"""Container datatypes (CPython's collections module, written for minipy from its documentation).

deque keeps its items in a plain list after a free prefix (`_head`), so append, pop, popleft
and appendleft are amortized O(1); other operations first drop the prefix. defaultdict, OrderedDict and Counter subclass dict: dicts keep insertion order, so
OrderedDict only adds move_to_end, an order-sensitive == and popitem(last=False).

minipy cannot subclass tuple, so a namedtuple class is a plain class that stores its values in a
tuple (`_tuple`) and answers the sequence protocol, ==, ordering and hash like that tuple:
isinstance(p, tuple) is False, everything else a script usually does works.
"""

import sys as _sys
from keyword import iskeyword as _iskeyword
from operator import itemgetter as _itemgetter, eq as _eq
import heapq as _heapq

__all__ = ["ChainMap", "Counter", "OrderedDict", "UserDict", "UserList", "UserString",
           "defaultdict", "deque", "namedtuple"]


def _index(v):
    """v as an int via __index__, with CPython's message for the rest."""
    if isinstance(v, int):
        return v
    try:
        f = type(v).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__) from None
    return f(v)


# ---- deque -----------------------------------------------------------------------------------

class deque:
    """A double-ended queue with an optional maximum length."""

    __hash__ = None

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._maxlen = maxlen
        # the items are _items[_head:]; popleft/appendleft move _head (amortized O(1))
        self._items = []
        self._head = 0
        self.extend(list(iterable) if iterable is self else iterable)

    def _live(self):
        """The items as a plain list (the free space before _head dropped)."""
        if self._head:
            del self._items[:self._head]
            self._head = 0
        return self._items

    @property
    def maxlen(self):
        return self._maxlen

    def _trim_left(self):
        m = self._maxlen
        if m is not None:
            while len(self._items) - self._head > m:
                self.popleft()

    def _trim_right(self):
        m = self._maxlen
        if m is not None and len(self._items) - self._head > m:
            del self._items[self._head + m:]

    def append(self, x):
        self._items.append(x)
        if self._maxlen is not None:
            self._trim_left()

    def appendleft(self, x):
        if not self._head:
            # room before the first item: as many free slots as items (at least 8)
            k = max(8, len(self._items))
            self._items[0:0] = [None] * k
            self._head = k
        self._head -= 1
        self._items[self._head] = x
        self._trim_right()

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def pop(self):
        if len(self._items) == self._head:
            raise IndexError("pop from an empty deque")
        x = self._items.pop()
        if len(self._items) == self._head:
            self._items.clear()
            self._head = 0
        return x

    def popleft(self):
        items = self._items
        h = self._head
        if len(items) == h:
            raise IndexError("pop from an empty deque")
        x = items[h]
        items[h] = None
        h += 1
        if h == len(items):
            items.clear()
            h = 0
        elif h >= 64 and 2 * h >= len(items):
            del items[:h]
            h = 0
        self._head = h
        return x

    def clear(self):
        self._live().clear()

    def copy(self):
        return type(self)(self._live(), self._maxlen)

    __copy__ = copy

    def count(self, x):
        return self._live().count(x)

    def index(self, x, start=0, stop=None):
        n = len(self._live())
        if stop is None:
            stop = n
        for i in range(*slice(start, stop).indices(n)):
            if self._live()[i] is x or self._live()[i] == x:
                return i
        raise ValueError("%r is not in deque" % (x,))

    def insert(self, i, x):
        if self._maxlen is not None and len(self._live()) >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        self._live().insert(i, x)

    def remove(self, value):
        for i, x in enumerate(self._live()):
            if x is value or x == value:
                del self._live()[i]
                return
        raise ValueError("%r is not in deque" % (value,))

    def reverse(self):
        self._live().reverse()

    def rotate(self, n=1):
        n = _index(n)
        k = len(self._items) - self._head
        if k:
            n %= k
            if n <= k // 2:
                for _ in range(n):
                    self.appendleft(self.pop())
            else:
                for _ in range(k - n):
                    self.append(self.popleft())

    def _checked_index(self, i):
        if not isinstance(i, int):
            try:
                i = type(i).__index__(i)
            except AttributeError:
                raise TypeError("sequence index must be integer, not '%s'" % type(i).__name__) from None
        n = len(self._items) - self._head
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("deque index out of range")
        return self._head + i

    def __getitem__(self, i):
        return self._items[self._checked_index(i)]

    def __setitem__(self, i, v):
        self._items[self._checked_index(i)] = v

    def __delitem__(self, i):
        del self._items[self._checked_index(i)]

    def __len__(self):
        return len(self._items) - self._head

    def __bool__(self):
        return len(self._items) > self._head

    def __iter__(self):
        return iter(self._live()[:])

    def __reversed__(self):
        return reversed(self._live()[:])

    def __contains__(self, x):
        return x in self._live()

    def __repr__(self):
        if _repr_running(self):
            return "[...]"
        try:
            body = repr(self._live())
        finally:
            _repr_done(self)
        name = type(self).__name__
        if self._maxlen is None:
            return "%s(%s)" % (name, body)
        return "%s(%s, maxlen=%d)" % (name, body, self._maxlen)

    def _cmp(self, other, op):
        if not isinstance(other, deque):
            return NotImplemented
        return op(self._live(), other._live())

    def __eq__(self, other):
        return self._cmp(other, lambda a, b: a == b)

    def __ne__(self, other):
        return self._cmp(other, lambda a, b: a != b)

    def __lt__(self, other):
        return self._cmp(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._cmp(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._cmp(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._cmp(other, lambda a, b: a >= b)

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque' % type(other).__name__)
        return type(self)(self._live() + other._live(), self._maxlen)

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        return type(self)(self._live() * n, self._maxlen)

    __rmul__ = __mul__

    def __imul__(self, n):
        items = self._live() * n
        self._items = []
        self._head = 0
        self.extend(items)
        return self

    def __class_getitem__(cls, item):
        return cls


_running = []


def _repr_running(obj):
    for o in _running:
        if o is obj:
            return True
    _running.append(obj)
    return False


def _repr_done(obj):
    for i, o in enumerate(_running):
        if o is obj:
            del _running[i]
            return


# ---- defaultdict -------------------------------------------------------------------------------

class defaultdict(dict):
    """A dict that calls default_factory to make a missing key's value."""

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        f = self.default_factory
        if _repr_running(self):
            return "%s(..., ...)" % type(self).__name__
        try:
            fr = repr(f)
            body = dict.__repr__(self)
        finally:
            _repr_done(self)
        return "%s(%s, %s)" % (type(self).__name__, fr, body)

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        return (type(self), (self.default_factory,), None, None, iter(self.items()))

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


# ---- OrderedDict -------------------------------------------------------------------------------

class OrderedDict(dict):
    """A dict whose == is order-sensitive (against another OrderedDict) with move_to_end."""

    def __init__(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError("expected at most 1 arguments, got %d" % len(args))
        dict.__init__(self)
        self.update(*args, **kwargs)

    def update(self, *args, **kwargs):
        if args:
            other = args[0]
            if hasattr(other, "keys"):
                for k in other.keys():
                    self[k] = other[k]
            else:
                for k, v in other:
                    self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def move_to_end(self, key, last=True):
        if key not in self:
            raise KeyError(key)
        if last:
            v = dict.pop(self, key)
            dict.__setitem__(self, key, v)
        else:
            items = [(k, dict.__getitem__(self, k)) for k in dict.keys(self) if k != key]
            v = dict.__getitem__(self, key)
            dict.clear(self)
            dict.__setitem__(self, key, v)
            for k, w in items:
                dict.__setitem__(self, k, w)

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        if last:
            return dict.popitem(self)
        key = next(iter(dict.keys(self)))
        return key, dict.pop(self, key)

    def __reversed__(self):
        return reversed(list(dict.keys(self)))

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and all(map(_eq, self, other))
        return dict.__eq__(self, other)

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    __hash__ = None

    def __repr__(self):
        if _repr_running(self):
            return "..."
        try:
            if not self:
                return "%s()" % type(self).__name__
            return "%s(%r)" % (type(self).__name__, list(self.items()))
        finally:
            _repr_done(self)

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, value=None):
        d = cls()
        for k in iterable:
            d[k] = value
        return d

    def setdefault(self, key, default=None):
        if key in self:
            return self[key]
        self[key] = default
        return default

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


# ---- Counter -----------------------------------------------------------------------------------

class Counter(dict):
    """A dict that counts hashable items (missing items count 0)."""

    def __init__(self, iterable=None, /, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        if n is None:
            return sorted(self.items(), key=_itemgetter(1), reverse=True)
        return _heapq.nlargest(n, self.items(), key=_itemgetter(1))

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                if self:
                    for elem, count in iterable.items():
                        self[elem] = count + self.get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __reduce__(self):
        return type(self), (dict(self),)

    def __delitem__(self, elem):
        if elem in self:
            dict.__delitem__(self, elem)

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    def __repr__(self):
        if not self:
            return "%s()" % type(self).__name__
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self)
        return "%s(%r)" % (type(self).__name__, d)

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        for elem in [e for e, c in self.items() if not c > 0]:
            dict.__delitem__(self, elem)
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in list(self.items()):
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


# ---- namedtuple --------------------------------------------------------------------------------

from collections._namedtuple import namedtuple  # noqa: E402
from collections._user import ChainMap, UserDict, UserList, UserString  # noqa: E402
