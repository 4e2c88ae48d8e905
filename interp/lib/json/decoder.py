"""json.decoder: JSONDecodeError and JSONDecoder, a recursive-descent parser.

Error messages and positions follow CPython's scanner: a position is an index into the document
(str), and JSONDecodeError derives line and column from it.
"""

__all__ = ['JSONDecoder', 'JSONDecodeError']

_WS = ' \t\n\r'
_ESCAPES = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
_HEX = '0123456789abcdefABCDEF'
_CONSTANTS = {'-Infinity': float('-inf'), 'Infinity': float('inf'), 'NaN': float('nan')}


class JSONDecodeError(ValueError):
    """A ValueError with the document, position, line and column of the failure."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


def _skip(s, i):
    n = len(s)
    while i < n and s[i] in _WS:
        i += 1
    return i


def _hex4(s, i):
    # The value of the four hex digits at s[i:i+4], or None.
    h = s[i:i + 4]
    if len(h) != 4:
        return None
    for c in h:
        if c not in _HEX:
            return None
    return int(h, 16)


def scanstring(s, end, strict=True):
    """Scans the string whose opening quote is at end - 1; returns (str, index after it)."""
    begin = end - 1
    chunks = []
    n = len(s)
    while True:
        # Fast path: the next quote or backslash found by str.find, the run before it checked for
        # control characters at once; the character loop handles everything else.
        q = s.find('"', end)
        bs = s.find('\\', end, q) if q >= 0 else -1
        i = q if bs < 0 else bs
        if q < 0 or not s[end:i].isprintable():
            i = end
            while i < n:
                c = s[i]
                if c == '"' or c == '\\' or c < ' ':
                    break
                i += 1
        if i >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        if i > end:
            chunks.append(s[end:i])
        c = s[i]
        if c == '"':
            return ''.join(chunks), i + 1
        if c != '\\':
            if strict:
                raise JSONDecodeError('Invalid control character at', s, i)
            chunks.append(c)
            end = i + 1
            continue
        if i + 1 >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        esc = s[i + 1]
        if esc != 'u':
            ch = _ESCAPES.get(esc)
            if ch is None:
                raise JSONDecodeError('Invalid \\escape', s, i)
            chunks.append(ch)
            end = i + 2
            continue
        uni = _hex4(s, i + 2)
        if uni is None:
            raise JSONDecodeError('Invalid \\uXXXX escape', s, i + 1)
        end = i + 6
        if 0xd800 <= uni <= 0xdbff and s[end:end + 2] == '\\u':
            low = _hex4(s, end + 2)
            if low is None:
                raise JSONDecodeError('Invalid \\uXXXX escape', s, end + 1)
            if 0xdc00 <= low <= 0xdfff:
                uni = 0x10000 + (((uni - 0xd800) << 10) | (low - 0xdc00))
                end += 6
        chunks.append(chr(uni))


def _number_end(s, i):
    # The end of the JSON number at s[i] (-?(0|[1-9]d*)(.d+)?([eE][-+]?d+)?), whether it has a
    # fraction or exponent; None if there is no number there.
    n = len(s)
    j = i
    if j < n and s[j] == '-':
        j += 1
    if j < n and s[j] == '0':
        j += 1
    elif j < n and '1' <= s[j] <= '9':
        j += 1
        while j < n and '0' <= s[j] <= '9':
            j += 1
    else:
        return None, False
    is_float = False
    if j + 1 < n and s[j] == '.' and '0' <= s[j + 1] <= '9':
        j += 2
        while j < n and '0' <= s[j] <= '9':
            j += 1
        is_float = True
    if j < n and s[j] in 'eE':
        k = j + 1
        if k < n and s[k] in '+-':
            k += 1
        if k < n and '0' <= s[k] <= '9':
            while k < n and '0' <= s[k] <= '9':
                k += 1
            j = k
            is_float = True
    return j, is_float


class _Parser:
    def __init__(self, dec, s):
        self.s = s
        self.strict = dec.strict
        self.object_hook = dec.object_hook
        self.object_pairs_hook = dec.object_pairs_hook
        self.parse_float = dec.parse_float
        self.parse_int = dec.parse_int
        self.parse_constant = dec.parse_constant

    def value(self, i):
        # Parses the value at s[i] (no leading whitespace); returns (value, end).
        s = self.s
        if i >= len(s):
            raise StopIteration(i)
        c = s[i]
        if c == '"':
            return scanstring(s, i + 1, self.strict)
        if c == '{':
            return self.obj(i + 1)
        if c == '[':
            return self.array(i + 1)
        if c == 'n' and s.startswith('null', i):
            return None, i + 4
        if c == 't' and s.startswith('true', i):
            return True, i + 4
        if c == 'f' and s.startswith('false', i):
            return False, i + 5
        end, is_float = _number_end(s, i)
        if end is not None:
            text = s[i:end]
            if is_float:
                return self.parse_float(text), end
            return self.parse_int(text), end
        for name in ('NaN', 'Infinity', '-Infinity'):
            if s.startswith(name, i):
                return self.parse_constant(name), i + len(name)
        raise StopIteration(i)

    def value_or_error(self, i):
        try:
            return self.value(i)
        except StopIteration as e:
            raise JSONDecodeError('Expecting value', self.s, e.value) from None

    def obj(self, i):
        s = self.s
        pairs = []
        i = _skip(s, i)
        if s[i:i + 1] == '}':
            return self.make_obj(pairs), i + 1
        while True:
            if s[i:i + 1] != '"':
                raise JSONDecodeError('Expecting property name enclosed in double quotes', s, i)
            key, i = scanstring(s, i + 1, self.strict)
            i = _skip(s, i)
            if s[i:i + 1] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            i = _skip(s, i + 1)
            value, i = self.value_or_error(i)
            pairs.append((key, value))
            i = _skip(s, i)
            c = s[i:i + 1]
            if c == '}':
                return self.make_obj(pairs), i + 1
            if c != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = _skip(s, i + 1)

    def make_obj(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        d = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(d)
        return d

    def array(self, i):
        s = self.s
        values = []
        i = _skip(s, i)
        if s[i:i + 1] == ']':
            return values, i + 1
        while True:
            value, i = self.value_or_error(i)
            values.append(value)
            i = _skip(s, i)
            c = s[i:i + 1]
            if c == ']':
                return values, i + 1
            if c != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = _skip(s, i + 1)


class JSONDecoder:
    """Decodes JSON text; the hooks replace the Python objects made for objects and numbers."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        obj, end = self.raw_decode(s, _skip(s, 0))
        end = _skip(s, end)
        if end != len(s):
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            return _Parser(self, s).value(idx)
        except StopIteration as e:
            raise JSONDecodeError('Expecting value', s, e.value) from None
