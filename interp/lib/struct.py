"""struct: packing Python values into C structs held in bytes, in pure Python.

A format compiles once (cached) into a list of (code, count, offset) items plus a byte order, a
size table and whether items are aligned. Native mode ('@', the default) is x86-64 Linux:
little-endian, C sizes (l/L/n/N/P are 8 bytes) and natural alignment; '=', '<', '>' and '!' use the
standard sizes with no alignment. Floats are converted bit by bit (frexp/ldexp) so 'e', 'f' and 'd'
round half to even exactly as C does, and the errors carry CPython's messages.
"""

from math import frexp as _frexp, ldexp as _ldexp, isnan as _isnan, isinf as _isinf
from math import copysign as _copysign

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack', 'Struct',
           'error']


class error(Exception):
    pass


_NATIVE_SIZES = {'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
                 'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'n': 8, 'N': 8, 'e': 2, 'f': 4, 'd': 8,
                 's': 1, 'p': 1, 'P': 8}
_STD_SIZES = {'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
              'l': 4, 'L': 4, 'q': 8, 'Q': 8, 'e': 2, 'f': 4, 'd': 8, 's': 1, 'p': 1}
_SIGNED = frozenset('bhilqn')
_UNSIGNED = frozenset('BHILQNP')
_SMALL_NAMES = {'b': 'byte', 'B': 'ubyte', 'h': 'short', 'H': 'ushort'}


# ---- format compilation ----

class _Format:
    __slots__ = ('items', 'size', 'order', 'native', 'nargs')


def _compile(fmt):
    f = _Format()
    s = fmt
    order = '@'
    if s and s[0] in '@=<>!':
        order = s[0]
        s = s[1:]
    native = order == '@'
    f.native = native
    f.order = 'big' if order in '>!' else 'little'
    sizes = _NATIVE_SIZES if native else _STD_SIZES
    items = []
    offset = 0
    nargs = 0
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c.isspace():
            i += 1
            continue
        count = 1
        if '0' <= c <= '9':
            j = i
            while j < n and '0' <= s[j] <= '9':
                j += 1
            count = int(s[i:j])
            i = j
            if i >= n:
                raise error('repeat count given without format specifier')
            c = s[i]
            if c.isspace():
                raise error('repeat count given without format specifier')
        i += 1
        size = sizes.get(c)
        if size is None:
            raise error('bad char in struct format')
        if native and c not in 'xcbB?sp':
            # Natural alignment: every C scalar sits at a multiple of its size.
            offset = (offset + size - 1) // size * size
        if c in 'sp':
            items.append((c, count, offset))
            offset += count
            nargs += 1
        elif c == 'x':
            offset += count
        else:
            for _ in range(count):
                items.append((c, 1, offset))
                offset += size
            nargs += count
    f.items = items
    f.size = offset
    f.nargs = nargs
    return f


_cache = {}


def _get(fmt):
    f = _cache.get(fmt) if isinstance(fmt, (str, bytes)) else None
    if f is None:
        if isinstance(fmt, bytes):
            text = fmt.decode('latin-1')
        elif isinstance(fmt, str):
            text = fmt
        else:
            raise TypeError('Struct() argument 1 must be a str or bytes object, not %s'
                            % type(fmt).__name__)
        f = _compile(text)
        if len(_cache) > 100:
            _cache.clear()
        _cache[fmt] = f
    return f


# ---- floats, bit by bit ----

def _float_bits(x, ebits, mbits, code, strict):
    """The IEEE bits of float x in a format with ebits exponent and mbits fraction bits."""
    bias = (1 << (ebits - 1)) - 1
    sign = 1 if _copysign(1.0, x) < 0 else 0
    if _isnan(x):
        return (sign << (ebits + mbits)) | (((1 << ebits) - 1) << mbits) | (1 << (mbits - 1))
    ax = -x if sign else x
    inf = (sign << (ebits + mbits)) | (((1 << ebits) - 1) << mbits)
    if _isinf(ax):
        return inf
    if ax == 0:
        return sign << (ebits + mbits)
    m, e = _frexp(ax)
    exp = e - 1
    if exp < 1 - bias:
        # Subnormal: the fraction counts units of 2**(1 - bias - mbits); a carry into the
        # exponent field gives the smallest normal, which is the right encoding.
        frac = round(_ldexp(ax, bias - 1 + mbits))
        return (sign << (ebits + mbits)) | frac
    sig = round(_ldexp(m, mbits + 1))
    if sig == 1 << (mbits + 1):
        sig >>= 1
        exp += 1
    if exp > bias:
        if strict:
            raise OverflowError('float too large to pack with %s format' % code)
        return inf
    return (sign << (ebits + mbits)) | ((exp + bias) << mbits) | (sig - (1 << mbits))


def _bits_float(bits, ebits, mbits):
    sign = -1.0 if bits >> (ebits + mbits) else 1.0
    efield = (bits >> mbits) & ((1 << ebits) - 1)
    frac = bits & ((1 << mbits) - 1)
    bias = (1 << (ebits - 1)) - 1
    if efield == (1 << ebits) - 1:
        if frac:
            return float('nan') if sign > 0 else -float('nan')
        return sign * float('inf')
    if efield == 0:
        return sign * _ldexp(float(frac), 1 - bias - mbits)
    return sign * _ldexp(float(frac | (1 << mbits)), efield - bias - mbits)


_FLOAT_SHAPES = {'e': (5, 10), 'f': (8, 23), 'd': (11, 52)}


# ---- packing ----

def _as_int(v):
    if isinstance(v, int):
        return int(v)
    try:
        index = type(v).__index__
    except AttributeError:
        raise error('required argument is not an integer') from None
    return index(v)


def _check_int(c, v, size, order):
    if c == 'P':
        if not -(1 << 63) <= v < (1 << 64):
            raise error('int too large to convert')
        return
    big8 = size == 8 and order == 'big'
    if c in _SIGNED:
        if not -(1 << 63) <= v < (1 << 63):
            raise error('int too large to convert' if big8 else 'argument out of range')
        lo, hi = -(1 << (size * 8 - 1)), (1 << (size * 8 - 1)) - 1
    else:
        if c == 'H' and order == 'big':
            # The big-endian table reads 'H' as an unsigned long first.
            if not 0 <= v < (1 << 64):
                raise error('argument out of range')
        elif c in 'BH':
            if not -(1 << 63) <= v < (1 << 63):
                raise error('argument out of range')
        elif not 0 <= v < (1 << 64):
            raise error('int too large to convert' if big8 else 'argument out of range')
        lo, hi = 0, (1 << (size * 8)) - 1
    if not lo <= v <= hi:
        name = _SMALL_NAMES.get(c) if c in 'bB' or order == 'little' else None
        if name is not None:
            raise error('%s format requires %d <= number <= %d' % (name, lo, hi))
        raise error("'%s' format requires %d <= number <= %d" % (c, lo, hi))


def _pack_item(out, f, c, count, offset, v):
    order = f.order
    if c in 'sp':
        if not isinstance(v, (bytes, bytearray)):
            raise error("argument for '%s' must be a bytes object" % c)
        if c == 's':
            data = bytes(v[:count])
        else:
            n = min(len(v), count - 1, 255) if count else 0
            data = (bytes([n]) + bytes(v[:n])) if count else b''
        out[offset:offset + len(data)] = data
        return
    if c == 'c':
        if not isinstance(v, (bytes, bytearray)) or len(v) != 1:
            raise error('char format requires a bytes object of length 1')
        out[offset] = v[0]
        return
    if c == '?':
        out[offset] = 1 if v else 0
        return
    size = (_NATIVE_SIZES if f.native else _STD_SIZES)[c]
    if c in 'efd':
        if isinstance(v, float):
            x = v
        else:
            try:
                x = float(v) if isinstance(v, int) or hasattr(type(v), '__float__') \
                    or hasattr(type(v), '__index__') else None
            except TypeError:
                x = None
            if x is None:
                raise error('required argument is not a float')
        ebits, mbits = _FLOAT_SHAPES[c]
        # Native 'f' is C's cast (overflow gives inf); the standard sizes and 'e' check.
        strict = c == 'e' or not f.native or c == 'd'
        bits = _float_bits(x, ebits, mbits, c, strict)
    else:
        v = _as_int(v)
        _check_int(c, v, size, order)
        bits = v & ((1 << (size * 8)) - 1)
    out[offset:offset + size] = bits.to_bytes(size, order)


def _pack_into_buffer(f, out, base, args):
    if len(args) != f.nargs:
        raise error('pack expected %d items for packing (got %d)' % (f.nargs, len(args)))
    for (c, count, offset), v in zip(f.items, args):
        _pack_item(out, f, c, count, base + offset, v)


def _buffer(data):
    if isinstance(data, (bytes, bytearray)):
        return data
    if isinstance(data, memoryview):
        return data.tobytes()
    raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)


def _unpack_at(f, data, base):
    out = []
    order = f.order
    sizes = _NATIVE_SIZES if f.native else _STD_SIZES
    for c, count, offset in f.items:
        o = base + offset
        if c == 's':
            out.append(bytes(data[o:o + count]))
        elif c == 'p':
            if count == 0:
                out.append(b'')
            else:
                n = min(data[o], count - 1)
                out.append(bytes(data[o + 1:o + 1 + n]))
        elif c == 'c':
            out.append(bytes(data[o:o + 1]))
        elif c == '?':
            out.append(data[o] != 0)
        else:
            size = sizes[c]
            raw = int.from_bytes(data[o:o + size], order)
            if c in 'efd':
                ebits, mbits = _FLOAT_SHAPES[c]
                out.append(_bits_float(raw, ebits, mbits))
            elif c in _SIGNED and raw >> (size * 8 - 1):
                out.append(raw - (1 << (size * 8)))
            else:
                out.append(raw)
    return tuple(out)


# ---- the API ----

class Struct:
    """A compiled struct format."""

    def __init__(self, format):
        self._f = _get(format)
        self._format = format.decode('latin-1') if isinstance(format, bytes) else format

    @property
    def format(self):
        return self._format

    @property
    def size(self):
        return self._f.size

    def pack(self, *args):
        out = bytearray(self._f.size)
        _pack_into_buffer(self._f, out, 0, args)
        return bytes(out)

    def pack_into(self, buffer, offset, *args):
        f = self._f
        if not isinstance(buffer, bytearray):
            if isinstance(buffer, memoryview) and not buffer.readonly:
                tmp = bytearray(buffer.tobytes())
                self.pack_into(tmp, offset, *args)
                buffer[:] = tmp
                return
            if isinstance(buffer, (bytes, memoryview)):
                raise TypeError('argument must be read-write bytes-like object, not %s'
                                % type(buffer).__name__)
            raise TypeError('argument must be read-write bytes-like object, not %s'
                            % type(buffer).__name__)
        offset = _as_int(offset)
        n = len(buffer)
        if len(args) != f.nargs:
            raise error('pack_into expected %d items for packing (got %d)' % (f.nargs, len(args)))
        if offset < 0:
            if offset + f.size > 0:
                raise error('no space to pack %d bytes at offset %d' % (f.size, offset))
            if offset + n < 0:
                raise error('offset %d out of range for %d-byte buffer' % (offset, n))
            offset += n
        if n - offset < f.size:
            raise error('pack_into requires a buffer of at least %d bytes for packing %d bytes '
                        'at offset %d (actual buffer size is %d)'
                        % (f.size + offset, f.size, offset, n))
        _pack_into_buffer(f, buffer, offset, args)

    def unpack(self, buffer):
        data = _buffer(buffer)
        if len(data) != self._f.size:
            raise error('unpack requires a buffer of %d bytes' % self._f.size)
        return _unpack_at(self._f, data, 0)

    def unpack_from(self, buffer, offset=0):
        f = self._f
        data = _buffer(buffer)
        offset = _as_int(offset)
        n = len(data)
        if offset < 0:
            if offset + n < 0:
                raise error('offset %d out of range for %d-byte buffer' % (offset, n))
            if offset + f.size > 0:
                raise error('not enough data to unpack %d bytes at offset %d' % (f.size, offset))
            offset += n
        if n - offset < f.size:
            raise error('unpack_from requires a buffer of at least %d bytes for unpacking %d '
                        'bytes at offset %d (actual buffer size is %d)'
                        % (f.size + offset, f.size, offset, n))
        return _unpack_at(f, data, offset)

    def iter_unpack(self, buffer):
        f = self._f
        data = _buffer(buffer)
        if f.size == 0:
            raise error('cannot iteratively unpack with a struct of length 0')
        if len(data) % f.size:
            raise error('iterative unpacking requires a buffer of a multiple of %d bytes'
                        % f.size)
        return (_unpack_at(f, data, o) for o in range(0, len(data), f.size))

    def __repr__(self):
        return 'Struct(%r)' % (self._format,)


_structs = {}


def _struct_for(format):
    # The module-level functions reuse one Struct per format string.
    s = _structs.get(format) if isinstance(format, (str, bytes)) else None
    if s is None:
        s = Struct(format)
        if len(_structs) > 100:
            _structs.clear()
        _structs[format] = s
    return s


def calcsize(format):
    return _get(format).size


def pack(format, *args):
    return _struct_for(format).pack(*args)


def pack_into(format, buffer, offset, *args):
    return _struct_for(format).pack_into(buffer, offset, *args)


def unpack(format, buffer):
    return _struct_for(format).unpack(buffer)


def unpack_from(format, /, buffer, offset=0):
    return _struct_for(format).unpack_from(buffer, offset)


def iter_unpack(format, buffer):
    return _struct_for(format).iter_unpack(buffer)
