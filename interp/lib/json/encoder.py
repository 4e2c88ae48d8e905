"""json.encoder: JSONEncoder, producing CPython's exact text (separators, indent, escapes,
float repr, key coercion) as a stream of chunks from iterencode.
"""

__all__ = ['JSONEncoder']

_ESC = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b',
        '\f': '\\f'}
INFINITY = float('inf')


def _esc_char(c, ascii_only):
    e = _ESC.get(c)
    if e is not None:
        return e
    n = ord(c)
    if n < 0x20 or (ascii_only and n > 0x7e):
        if n > 0xffff:
            n -= 0x10000
            return '\\u%04x\\u%04x' % (0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff))
        return '\\u%04x' % n
    return c


def py_encode_basestring(s):
    """The JSON string literal of s, non-ASCII characters kept."""
    return '"' + ''.join([_esc_char(c, False) for c in s]) + '"'


def py_encode_basestring_ascii(s):
    """The JSON string literal of s, ASCII only."""
    if s.isascii() and s.isprintable() and '"' not in s and '\\' not in s:
        return '"' + s + '"'
    return '"' + ''.join([_esc_char(c, True) for c in s]) + '"'


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder:
    """Encodes dict, list, tuple, str, int, float, True, False and None; default() others."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError('Object of type %s is not JSON serializable' % o.__class__.__name__)

    def encode(self, o):
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        return ''.join(self.iterencode(o, _one_shot=True))

    def iterencode(self, o, _one_shot=False):
        markers = {} if self.check_circular else None
        enc_str = encode_basestring_ascii if self.ensure_ascii else encode_basestring
        allow_nan = self.allow_nan

        def floatstr(f):
            if f != f:
                text = 'NaN'
            elif f == INFINITY:
                text = 'Infinity'
            elif f == -INFINITY:
                text = '-Infinity'
            else:
                return float.__repr__(f)
            if not allow_nan:
                raise ValueError('Out of range float values are not JSON compliant')
            return text

        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        return _iterencode(o, 0, markers, self.default, enc_str, indent, floatstr,
                           self.key_separator, self.item_separator, self.sort_keys,
                           self.skipkeys)


def _iterencode(o, level, markers, default, enc_str, indent, floatstr, key_sep, item_sep,
                sort_keys, skipkeys):
    def scalar(o):
        if isinstance(o, str):
            return enc_str(o)
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            return floatstr(o)
        return None

    def enter(o):
        if markers is not None:
            mid = id(o)
            if mid in markers:
                raise ValueError('Circular reference detected')
            markers[mid] = o

    def leave(o):
        if markers is not None:
            del markers[id(o)]

    def newline(level):
        return '\n' + indent * level

    def encode_list(lst, level):
        if not lst:
            yield '[]'
            return
        enter(lst)
        buf = '['
        sep = item_sep
        if indent is not None:
            level += 1
            nl = newline(level)
            sep = item_sep + nl
            buf += nl
        first = True
        for v in lst:
            if first:
                first = False
            else:
                buf = sep
            s = scalar(v)
            if s is not None:
                yield buf + s
            else:
                yield buf
                yield from encode(v, level)
        if indent is not None:
            level -= 1
            yield newline(level)
        yield ']'
        leave(lst)

    def encode_dict(dct, level):
        if not dct:
            yield '{}'
            return
        enter(dct)
        yield '{'
        sep = item_sep
        if indent is not None:
            level += 1
            nl = newline(level)
            sep = item_sep + nl
            yield nl
        items = sorted(dct.items()) if sort_keys else dct.items()
        first = True
        for key, v in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = floatstr(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif skipkeys:
                continue
            else:
                raise TypeError('keys must be str, int, float, bool or None, not %s'
                                % key.__class__.__name__)
            if first:
                first = False
            else:
                yield sep
            yield enc_str(key)
            yield key_sep
            s = scalar(v)
            if s is not None:
                yield s
            else:
                yield from encode(v, level)
        if indent is not None:
            level -= 1
            yield newline(level)
        yield '}'
        leave(dct)

    def encode(o, level):
        s = scalar(o)
        if s is not None:
            yield s
        elif isinstance(o, (list, tuple)):
            yield from encode_list(o, level)
        elif isinstance(o, dict):
            yield from encode_dict(o, level)
        else:
            enter(o)
            yield from encode(default(o), level)
            leave(o)

    return encode(o, level)
