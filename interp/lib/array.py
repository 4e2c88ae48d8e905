"""array: typed arrays of numbers (b B u h H i I l L q Q f d), in pure Python.

An array keeps its items in a bytearray `_b` in the machine layout (x86-64: little-endian, l/L 8
bytes, u 4 bytes), each value checked (and for 'f' rounded to float32) before it is stored, with
CPython's OverflowError/TypeError messages. The array exports that bytearray through minipy's
buffer hook (`__minipy_buffer__ = (bytearray, format)`, see interp/src/objects/memoryview_fmt.rs), so
memoryview(a), bytes(a), bytearray(a), b'' + a and `a in b''` see its bytes, and a memoryview of it
aliases the array. Invariant: `_b` is never rebound (the hook and live views hold it).
"""

import struct as _struct

__all__ = ['array', 'ArrayType', 'typecodes']

typecodes = 'bBuhHiIlLqQfd'
_ITEMSIZE = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8, 'q': 8,
             'Q': 8, 'f': 4, 'd': 8}
_STRUCT = {'b': 'b', 'B': 'B', 'u': 'I', 'h': 'h', 'H': 'H', 'i': 'i', 'I': 'I', 'l': 'q',
           'L': 'Q', 'q': 'q', 'Q': 'Q', 'f': 'f', 'd': 'd'}
_LONG_MIN, _LONG_MAX = -(1 << 63), (1 << 63) - 1


def _range_check(v, lo, hi, name):
    if v > hi:
        raise OverflowError('%s is greater than maximum' % name)
    if v < lo:
        raise OverflowError('%s is less than minimum' % name)


def _as_index(v):
    if isinstance(v, int):
        return int(v)
    try:
        index = type(v).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(v).__name__) from None
    return index(v)


def _check_long(v):
    if not _LONG_MIN <= v <= _LONG_MAX:
        raise OverflowError('Python int too large to convert to C long')


def _conv_b(v):
    v = _as_index(v)
    _check_long(v)
    _range_check(v, -32768, 32767, 'signed short integer')
    _range_check(v, -128, 127, 'signed char')
    return v


def _conv_B(v):
    v = _as_index(v)
    _check_long(v)
    _range_check(v, 0, 255, 'unsigned byte integer')
    return v


def _conv_h(v):
    v = _as_index(v)
    _check_long(v)
    _range_check(v, -32768, 32767, 'signed short integer')
    return v


def _conv_H(v):
    v = _as_index(v)
    _check_long(v)
    _range_check(v, -(1 << 31), (1 << 31) - 1, 'signed integer')
    _range_check(v, 0, 65535, 'unsigned short')
    return v


def _conv_i(v):
    v = _as_index(v)
    _check_long(v)
    _range_check(v, -(1 << 31), (1 << 31) - 1, 'signed integer')
    return v


def _conv_l(v):
    v = _as_index(v)
    _check_long(v)
    return v


def _conv_ulong(v):
    v = _as_index(v)
    if v < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if v >= 1 << 64:
        raise OverflowError('Python int too large to convert to C unsigned long')
    return v


def _conv_I(v):
    v = _conv_ulong(v)
    if v > 0xFFFFFFFF:
        raise OverflowError('unsigned int is greater than maximum')
    return v


def _conv_q(v):
    v = _as_index(v)
    if not _LONG_MIN <= v <= _LONG_MAX:
        raise OverflowError('int too big to convert')
    return v


def _conv_Q(v):
    v = _as_index(v)
    if v < 0:
        raise OverflowError("can't convert negative int to unsigned")
    if v >= 1 << 64:
        raise OverflowError('int too big to convert')
    return v


def _real(v):
    if isinstance(v, float):
        return v
    if isinstance(v, int) or hasattr(type(v), '__float__') or hasattr(type(v), '__index__'):
        return float(v)
    raise TypeError('must be real number, not %s' % type(v).__name__)


def _conv_f(v):
    # Stored as a C float: round to single precision (overflow gives inf, as a C cast does).
    return _struct.unpack('f', _struct.pack('f', _real(v)))[0]


def _conv_d(v):
    return _real(v)


def _conv_u(v):
    if not isinstance(v, str) or len(v) != 1:
        raise TypeError('array item must be unicode character')
    return v


_CONV = {'b': _conv_b, 'B': _conv_B, 'u': _conv_u, 'h': _conv_h, 'H': _conv_H, 'i': _conv_i,
         'I': _conv_I, 'l': _conv_l, 'L': _conv_ulong, 'q': _conv_q, 'Q': _conv_Q, 'f': _conv_f,
         'd': _conv_d}


class array:
    """array(typecode[, initializer]): a compact sequence of one C type's values."""

    def __new__(cls, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError('array() argument 1 must be a unicode character, not %s'
                            % type(typecode).__name__)
        if typecode not in _ITEMSIZE:
            raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')
        self = object.__new__(cls)
        self._tc = typecode
        self._b = bytearray()
        self._conv = _CONV[typecode]
        self._size = _ITEMSIZE[typecode]
        self._code = 'I' if typecode == 'u' else typecode
        self.__minipy_buffer__ = (self._b, self._code)
        if initializer is None:
            return self
        if isinstance(initializer, str):
            if typecode != 'u':
                raise TypeError('cannot use a str to initialize an array with typecode %r'
                                % typecode)
            self._b += self._pack(list(initializer))
        elif isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, array) and initializer._tc == 'u' and typecode != 'u':
            raise TypeError('cannot use a unicode array to initialize an array with typecode %r'
                            % typecode)
        elif isinstance(initializer, array):
            conv = self._conv
            self._b += self._pack([conv(v) for v in initializer._items()])
        else:
            self.extend(initializer)
        return self

    def __init__(self, typecode, initializer=None):
        pass

    # ---- storage ----

    def _pack(self, items):
        """The bytes of already-checked items."""
        if not items:
            return b''
        if self._tc == 'u':
            return b''.join([ord(c).to_bytes(4, 'little') for c in items])
        return _struct.pack('<%d%s' % (len(items), _STRUCT[self._tc]), *items)

    def _items(self):
        """The items, as a new list."""
        items = memoryview(self._b).cast(self._code).tolist()
        if self._tc == 'u':
            return [chr(c) for c in items]
        return items

    def _set_items(self, items):
        self._b[:] = self._pack(items)

    def _index(self, i, msg):
        i = _as_index(i)
        n = len(self._b) // self._size
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(msg)
        return i

    def _new(self, items):
        a = array(self._tc)
        a._b += self._pack(items)
        return a

    def _new_bytes(self, data):
        a = array(self._tc)
        a._b += data
        return a

    @property
    def typecode(self):
        return self._tc

    @property
    def itemsize(self):
        return self._size

    # ---- conversion ----

    def tolist(self):
        return self._items()

    def fromlist(self, lst):
        if not isinstance(lst, list):
            raise TypeError('arg must be list')
        conv = self._conv
        self._b += self._pack([conv(v) for v in lst])

    def tobytes(self):
        return bytes(self._b)

    def frombytes(self, data):
        if isinstance(data, (memoryview, array)):
            data = data.tobytes()
        elif not isinstance(data, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)
        if len(data) % self._size:
            raise ValueError('bytes length not a multiple of item size')
        self._b += data

    def fromunicode(self, s):
        if self._tc != 'u':
            raise ValueError('fromunicode() may only be called on unicode type arrays')
        if not isinstance(s, str):
            raise TypeError('fromunicode() argument must be str, not %s' % type(s).__name__)
        self._b += self._pack(list(s))

    def tounicode(self):
        if self._tc != 'u':
            raise ValueError('tounicode() may only be called on unicode type arrays')
        return ''.join(self._items())

    def byteswap(self):
        size = self._size
        if size == 1:
            return
        data = bytes(self._b)
        self._b[:] = b''.join([data[i:i + size][::-1] for i in range(0, len(data), size)])

    # ---- list-like mutation ----

    def append(self, v):
        self._b += self._pack([self._conv(v)])

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable._tc != self._tc:
                raise TypeError('can only extend with array of same kind')
            self._b += bytes(iterable._b)
            return
        # item by item: the items before a bad one stay appended, as on CPython
        for v in iterable:
            self.append(v)

    def insert(self, i, v):
        v = self._conv(v)
        n = len(self)
        i = _as_index(i)
        if i < 0:
            i = max(i + n, 0)
        i = min(i, n)
        off = i * self._size
        self._b[off:off] = self._pack([v])

    def pop(self, i=-1):
        if not self._b:
            raise IndexError('pop from empty array')
        i = self._index(i, 'pop index out of range')
        v = self[i]
        off = i * self._size
        del self._b[off:off + self._size]
        return v

    def remove(self, v):
        for i, x in enumerate(self._items()):
            if x == v:
                off = i * self._size
                del self._b[off:off + self._size]
                return
        raise ValueError('array.remove(x): x not in array')

    def index(self, v, start=0, stop=None):
        items = self._items()
        n = len(items)
        if stop is None:
            stop = n
        if start < 0:
            start = max(start + n, 0)
        if stop < 0:
            stop = max(stop + n, 0)
        for i in range(start, min(stop, n)):
            if items[i] == v:
                return i
        raise ValueError('array.index(x): x not in array')

    def count(self, v):
        return sum(1 for x in self._items() if x == v)

    def reverse(self):
        items = self._items()
        items.reverse()
        self._set_items(items)

    def buffer_info(self):
        raise NotImplementedError('buffer_info: minipy arrays have no fixed address')

    # ---- sequence protocol ----

    def __len__(self):
        return len(self._b) // self._size

    def __iter__(self):
        return iter(self._items())

    def __contains__(self, v):
        return v in self._items()

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._new(self._items()[i])
        i = self._index(i, 'array index out of range')
        v = memoryview(self._b).cast(self._code)[i]
        return chr(v) if self._tc == 'u' else v

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError('can only assign array (not "%s") to array slice'
                                % type(v).__name__)
            if v._tc != self._tc:
                raise TypeError('bad argument type for built-in operation')
            items = self._items()
            start, stop, step = i.indices(len(items))
            new = v._items()
            if step != 1:
                n = len(range(start, stop, step))
                if len(new) != n:
                    raise ValueError('attempt to assign array of size %d to extended slice of '
                                     'size %d' % (len(new), n))
            items[i] = new
            self._set_items(items)
            return
        i = _as_index(i)
        v = self._conv(v)
        i = self._index(i, 'array assignment index out of range')
        memoryview(self._b).cast(self._code)[i] = ord(v) if self._tc == 'u' else v

    def __delitem__(self, i):
        if isinstance(i, slice):
            items = self._items()
            del items[i]
            self._set_items(items)
            return
        i = self._index(i, 'array assignment index out of range')
        off = i * self._size
        del self._b[off:off + self._size]

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only append array (not "%s") to array' % type(other).__name__)
        if other._tc != self._tc:
            raise TypeError('bad argument type for built-in operation')
        return self._new_bytes(bytes(self._b) + bytes(other._b))

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only extend array with array (not "%s")' % type(other).__name__)
        if other._tc != self._tc:
            raise TypeError('can only extend with array of same kind')
        self._b += bytes(other._b)
        return self

    def __mul__(self, n):
        if not isinstance(n, int) and not hasattr(type(n), '__index__'):
            raise TypeError("can't multiply sequence by non-int of type '%s'"
                            % type(n).__name__)
        return self._new_bytes(bytes(self._b) * _as_index(n))

    __rmul__ = __mul__

    def __imul__(self, n):
        if not isinstance(n, int) and not hasattr(type(n), '__index__'):
            raise TypeError("can't multiply sequence by non-int of type '%s'"
                            % type(n).__name__)
        self._b[:] = bytes(self._b) * _as_index(n)
        return self

    # ---- comparisons: item by item, whatever the typecodes ----

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items() == other._items()

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items() != other._items()

    def __lt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items() < other._items()

    def __le__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items() <= other._items()

    def __gt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items() > other._items()

    def __ge__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items() >= other._items()

    def __hash__(self):
        # CPython names the C type with its module in this message.
        raise TypeError("unhashable type: 'array.array'")

    def __repr__(self):
        if not self._b:
            return 'array(%r)' % self._tc
        if self._tc == 'u':
            return 'array(%r, %r)' % (self._tc, ''.join(self._items()))
        return 'array(%r, %r)' % (self._tc, self._items())

    def __copy__(self):
        return self._new_bytes(bytes(self._b))

    def __deepcopy__(self, memo):
        return self.__copy__()

    def __reduce__(self):
        return (array, (self._tc, self._items()))


ArrayType = array
