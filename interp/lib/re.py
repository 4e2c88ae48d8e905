"""re: regular expressions with Python's syntax and semantics.

The engine is native (_re: parser, compiler and backtracking matcher in Rust, see
interp/src/builtins/modules/regex/); this module is the API on top: flags, re.error, Pattern and
Match objects, sub/split/findall built on _re.scan, replacement templates and the compile cache.

Invariants: a Pattern holds the id of its native program (_re keeps programs by (pattern, flags),
so ids stay valid for the life of the process); _re sees only exact str or bytes subjects (str
subclasses and bytes-like objects are normalised here, Match.string keeps the caller's object).
"""

import _re
import enum

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer", "compile",
    "purge", "template", "escape", "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X",
    "U", "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE", "UNICODE",
    "NOFLAG", "RegexFlag",
]

__version__ = "2.2.1"

_MAXSIZE = 9223372036854775807
_MAXGROUPS = 1073741823


# ---- flags ----------------------------------------------------------------------------------------

class RegexFlag(enum.IntFlag, boundary=enum.KEEP):
    """The re flags: an IntFlag (its members are ints) shown as the module's globals (re.I|re.M),
    as CPython's global_enum RegexFlag is. Definition order is CPython's (it orders the names in
    a repr and in iteration); the one-letter names are aliases."""

    NOFLAG = 0
    ASCII = A = 256
    IGNORECASE = I = 2
    LOCALE = L = 4
    UNICODE = U = 32
    MULTILINE = M = 8
    DOTALL = S = 16
    VERBOSE = X = 64
    TEMPLATE = T = 1
    DEBUG = 128

    def __repr__(self):
        value = self._value_
        if value == 0:
            return "re.NOFLAG"
        names = []
        for m in type(self):
            if value & m._value_:
                names.append("re." + m._name_)
                value &= ~m._value_
        if not names:
            return "re.RegexFlag(%d)" % self._value_
        if value:
            names.append(hex(value))
        return "|".join(names)

    __str__ = __repr__


NOFLAG = RegexFlag.NOFLAG
A = ASCII = RegexFlag.ASCII
I = IGNORECASE = RegexFlag.IGNORECASE
L = LOCALE = RegexFlag.LOCALE
U = UNICODE = RegexFlag.UNICODE
M = MULTILINE = RegexFlag.MULTILINE
S = DOTALL = RegexFlag.DOTALL
X = VERBOSE = RegexFlag.VERBOSE
T = TEMPLATE = RegexFlag.TEMPLATE
DEBUG = RegexFlag.DEBUG


def _flags_int(flags):
    if isinstance(flags, int):
        return int(flags)
    raise TypeError("unsupported operand type(s) for &: '%s' and 'int'" % type(flags).__name__)


# ---- re.error -------------------------------------------------------------------------------------

class error(Exception):
    """Raised for an invalid pattern or template: msg, pattern, pos, lineno, colno."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        Exception.__init__(self, msg)


PatternError = error


# ---- subjects -------------------------------------------------------------------------------------

def _subject(string, isbytes):
    """The exact str or bytes _re matches on, with CPython's type errors."""
    t = type(string)
    if t is str:
        if isbytes:
            raise TypeError("cannot use a bytes pattern on a string-like object")
        return string
    if t is bytes:
        if not isbytes:
            raise TypeError("cannot use a string pattern on a bytes-like object")
        return string
    if isinstance(string, str):
        if isbytes:
            raise TypeError("cannot use a bytes pattern on a string-like object")
        return "".join((string,))
    if isinstance(string, (bytes, bytearray, memoryview)):
        if not isbytes:
            raise TypeError("cannot use a string pattern on a bytes-like object")
        return bytes(string)
    raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)


def _clamp(pos, endpos, n):
    """pos and endpos as CPython reads them: indexes clamped to [0, len]."""
    pos = _index(pos)
    endpos = _index(endpos)
    pos = 0 if pos < 0 else (n if pos > n else pos)
    endpos = 0 if endpos < 0 else (n if endpos > n else endpos)
    return pos, endpos


def _index(v):
    if isinstance(v, int):
        return v
    if hasattr(type(v), "__index__"):
        return v.__index__()
    raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)


# ---- Pattern --------------------------------------------------------------------------------------

class _GroupIndex:
    """Pattern.groupindex: a read-only name -> group number mapping (CPython: a mappingproxy)."""

    def __init__(self, d):
        self._d = d

    def __getitem__(self, k):
        return self._d[k]

    def __contains__(self, k):
        return k in self._d

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)

    def get(self, k, default=None):
        return self._d.get(k, default)

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def copy(self):
        return dict(self._d)

    def __eq__(self, other):
        if isinstance(other, _GroupIndex):
            other = other._d
        return self._d == other

    def __repr__(self):
        return "mappingproxy(%r)" % (self._d,)


class Pattern:
    """A compiled regular expression (made by re.compile)."""

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Pattern' instances")

    def __class_getitem__(cls, item):
        return cls

    def __del__(self):
        # Drops this pattern's reference to its native program (shared by equal patterns).
        try:
            _re.release(self._id)
        except Exception:
            pass

    def _run(self, string, pos, endpos, mode):
        s = _subject(string, self._isbytes)
        pos, endpos = _clamp(pos, endpos, len(s))
        r = _re.match(self._id, s, pos, endpos, mode)
        if r is None:
            return None
        return _make_match(self, string, s, pos, endpos, r, 0)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 2)

    def _scan(self, string, pos, endpos, limit):
        s = _subject(string, self._isbytes)
        pos, endpos = _clamp(pos, endpos, len(s))
        return s, _re.scan(self._id, s, pos, endpos, limit)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        # The matches are found at once (the subject cannot change), handed out lazily.
        s, flat = self._scan(string, pos, endpos, 0)
        return _iter_matches(self, string, s, _index(pos), _index(endpos), flat)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        s = _subject(string, self._isbytes)
        pos, endpos = _clamp(pos, endpos, len(s))
        return _re.findall(self._id, s, pos, endpos)

    def split(self, string, maxsplit=0):
        maxsplit = _index(maxsplit)
        s = _subject(string, self._isbytes)
        if maxsplit < 0:
            return [s]
        flat = _re.scan(self._id, s, 0, len(s), maxsplit)
        ng = self.groups
        w = 2 * ng + 3
        spans = []
        last = 0
        for i in range(0, len(flat), w):
            spans.append(last)
            spans.append(flat[i])
            for g in range(1, ng + 1):
                spans.append(flat[i + 2 * g])
                spans.append(flat[i + 2 * g + 1])
            last = flat[i + 1]
        spans.append(last)
        spans.append(len(s))
        return _re.slices(s, spans)

    def subn(self, repl, string, count=0):
        return self._subx(repl, string, count)

    def sub(self, repl, string, count=0):
        return self._subx(repl, string, count)[0]

    def _subx(self, repl, string, count):
        count = _index(count)
        s = _subject(string, self._isbytes)
        if callable(repl):
            fn = repl
            literal = None
        else:
            literal, fn = _compile_repl(self, repl)
        if count < 0:
            return s, 0
        if literal is not None and type(literal) is type(s):
            return _re.sub_literal(self._id, s, literal, count)
        flat = _re.scan(self._id, s, 0, len(s), count)
        w = 2 * self.groups + 3
        n = len(flat) // w
        if n == 0:
            return s, 0
        # The text between matches, sliced in one native call.
        spans = []
        last = 0
        for i in range(0, len(flat), w):
            spans.append(last)
            spans.append(flat[i])
            last = flat[i + 1]
        spans.append(last)
        spans.append(len(s))
        gaps = _re.slices(s, spans)
        # Empty pieces are left out, so a replacement of the wrong type fails in join with
        # CPython's "sequence item N" index.
        out = []
        k = 0
        for i in range(0, len(flat), w):
            if gaps[k]:
                out.append(gaps[k])
            k += 1
            if literal is not None:
                if literal:
                    out.append(literal)
            else:
                m = _make_match(self, string, s, 0, len(s), flat, i)
                r = fn(m)
                if r is not None:
                    out.append(r)
        if gaps[k]:
            out.append(gaps[k])
        return s[:0].join(out), n

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        return _Scanner(self, string, pos, endpos)

    def __repr__(self):
        r = repr(self.pattern)
        if len(r) > 200:
            r = r[:200]
        flags = self.flags
        if not self._isbytes and (flags & (4 | 32 | 256)) == 32:
            flags &= ~32
        if not flags:
            return "re.compile(%s)" % r
        return "re.compile(%s, %r)" % (r, RegexFlag(flags))

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self.flags == other.flags and self._isbytes == other._isbytes
                and self.pattern == other.pattern)

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (_compile, (self.pattern, self.flags))


def _iter_matches(pattern, string, s, pos, endpos, flat):
    w = 2 * pattern.groups + 3
    for i in range(0, len(flat), w):
        yield _make_match(pattern, string, s, pos, endpos, flat, i)


class _Scanner:
    """Pattern.scanner(): match()/search() step through the string; a failed step exhausts it."""

    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._string = string
        self._s = _subject(string, pattern._isbytes)
        self._pos, self._endpos = _clamp(pos, endpos, len(self._s))
        self._advance = False

    def _step(self, mode):
        if self._pos is None:
            return None
        # Mode bit 4: an empty match at the start position is not allowed (after an empty match).
        r = _re.match(self.pattern._id, self._s, self._pos, self._endpos,
                      mode | (4 if self._advance else 0))
        if r is None:
            self._pos = None
            return None
        m = _make_match(self.pattern, self._string, self._s, self._pos, self._endpos, r, 0)
        self._advance = r[0] == r[1] == self._pos if mode == 0 else r[1] == r[0]
        self._pos = r[1]
        return m

    def match(self):
        return self._step(0)

    def search(self):
        return self._step(2)


# ---- Match ----------------------------------------------------------------------------------------

def _make_match(pattern, string, s, pos, endpos, flat, i):
    m = Match.__new__(Match)
    w = 2 * pattern.groups + 2
    m._spans = flat[i:i + w]
    li = flat[i + w]
    m.lastindex = li if li else None
    m.re = pattern
    m.string = string
    m._s = s
    n = len(s)
    pos = 0 if pos < 0 else (n if pos > n else pos)
    endpos = 0 if endpos < 0 else (n if endpos > n else endpos)
    m.pos = pos
    m.endpos = endpos
    return m


class Match:
    """The result of a successful match: groups, spans and the context of the match."""

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Match' instances")

    def __class_getitem__(cls, item):
        return cls

    def _gi(self, g):
        if isinstance(g, int):
            i = g
        elif isinstance(g, str):
            i = self.re.groupindex.get(g, -1)
        elif hasattr(type(g), "__index__"):
            i = g.__index__()
        else:
            raise IndexError("no such group")
        if i < 0 or i > self.re.groups:
            raise IndexError("no such group")
        return i

    def _get(self, i, default=None):
        # Always an exact str or bytes (as CPython: even for a bytearray subject).
        a = self._spans[2 * i]
        if a < 0:
            return default
        return _re.slices(self._s, [a, self._spans[2 * i + 1]])[0]

    def group(self, *args):
        if not args:
            return self._get(0)
        if len(args) == 1:
            return self._get(self._gi(args[0]))
        return tuple([self._get(self._gi(g)) for g in args])

    def __getitem__(self, g):
        return self._get(self._gi(g))

    def groups(self, default=None):
        return tuple([self._get(i, default) for i in range(1, self.re.groups + 1)])

    def groupdict(self, default=None):
        d = {}
        for name, i in self.re.groupindex.items():
            d[name] = self._get(i, default)
        return d

    def start(self, group=0):
        return self._spans[2 * self._gi(group)]

    def end(self, group=0):
        return self._spans[2 * self._gi(group) + 1]

    def span(self, group=0):
        i = self._gi(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    @property
    def regs(self):
        return tuple([(self._spans[2 * i], self._spans[2 * i + 1])
                      for i in range(self.re.groups + 1)])

    @property
    def lastgroup(self):
        if self.lastindex is None:
            return None
        for name, i in self.re.groupindex.items():
            if i == self.lastindex:
                return name
        return None

    def expand(self, template):
        literal, fn = _compile_repl(self.re, template)
        if literal is not None:
            return literal
        return fn(self)

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __repr__(self):
        g = repr(self.group(0))
        if len(g) > 50:
            g = g[:50]
        return "<re.Match object; span=(%d, %d), match=%s>" % (
            self._spans[0], self._spans[1], g)


# ---- replacement templates -------------------------------------------------------------------------

_TEMPLATE_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
                     "v": "\v", "\\": "\\"}
_OCT = "01234567"
_DIG = "0123456789"


def _compile_repl(pattern, repl):
    """(literal, None) for a template without group references, else (None, fn(match))."""
    key = (pattern, type(repl), repl)
    hit = _repl_cache.get(key)
    if hit is not None:
        return hit
    # The template's own type decides its pieces' type; a mismatch with the pattern fails later
    # in join, as on CPython.
    isbytes = isinstance(repl, (bytes, bytearray, memoryview))
    if isbytes:
        t = bytes(repl).decode("latin-1")
    else:
        t = "".join((repl,))
    parts = _parse_template(t, pattern, repl)
    if isbytes:
        parts = [p.encode("latin-1") if isinstance(p, str) else p for p in parts]
    empty = b"" if isbytes else ""
    if all(not isinstance(p, int) for p in parts):
        r = (empty.join(parts), None)
    else:
        def fn(m):
            out = []
            for p in parts:
                if isinstance(p, int):
                    v = m._get(p)
                    if v is not None:
                        out.append(v)
                else:
                    out.append(p)
            return empty.join(out)
        r = (None, fn)
    if len(_repl_cache) >= _MAXCACHE:
        _repl_cache.clear()
    _repl_cache[key] = r
    return r


_repl_cache = {}


def _parse_template(t, pattern, orig):
    """Template text -> list of literal strs and group numbers (ints)."""
    parts = []
    lit = []
    n = len(t)
    i = 0

    def fail(msg, pos):
        raise error(msg, orig, pos)

    def addgroup(index, pos):
        if index > pattern.groups:
            fail("invalid group reference %d" % index, pos)
        if lit:
            parts.append("".join(lit))
            del lit[:]
        parts.append(index)

    while i < n:
        c = t[i]
        i += 1
        if c != "\\":
            lit.append(c)
            continue
        if i >= n:
            fail("bad escape (end of pattern)", i - 1)
        c = t[i]
        i += 1
        if c == "g":
            if i >= n or t[i] != "<":
                fail("missing <", i)
            i += 1
            j = t.find(">", i)
            if j < 0:
                if i >= n:
                    fail("missing group name", i)
                fail("missing >, unterminated name", i)
            name = t[i:j]
            if not name:
                fail("missing group name", i)
            start = i
            i = j + 1
            if name.isidentifier():
                index = pattern.groupindex.get(name)
                if index is None:
                    raise IndexError("unknown group name %r" % name)
            else:
                if name and all(ch in _DIG for ch in name):
                    index = int(name)
                else:
                    fail("bad character in group name %r" % name, start)
                if index >= _MAXGROUPS:
                    fail("invalid group reference %d" % index, start)
            addgroup(index, start)
        elif c == "0":
            j = i
            while j < n and j < i + 2 and t[j] in _OCT:
                j += 1
            lit.append(chr(int(t[i - 1:j], 8) & 0xff))
            i = j
        elif c in _DIG:
            start = i - 1
            if i < n and t[i] in _DIG:
                if c in _OCT and t[i] in _OCT and i + 1 < n and t[i + 1] in _OCT:
                    v = int(t[i - 1:i + 2], 8)
                    if v > 0o377:
                        fail("octal escape value \\%s outside of range 0-0o377" % t[i - 1:i + 2],
                             start - 1)
                    lit.append(chr(v))
                    i += 2
                    continue
                i += 1
            addgroup(int(t[start:i]), start)
        elif c in _TEMPLATE_ESCAPES:
            lit.append(_TEMPLATE_ESCAPES[c])
        elif ("a" <= c <= "z") or ("A" <= c <= "Z"):
            fail("bad escape \\%s" % c, i - 2)
        else:
            lit.append("\\" + c)
    if lit:
        parts.append("".join(lit))
    return parts


# ---- compiling and the cache -------------------------------------------------------------------------

_MAXCACHE = 512
_cache = {}


def _compile(pattern, flags):
    if isinstance(pattern, Pattern):
        if _flags_int(flags):
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    flags = _flags_int(flags)
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is not None:
        return p
    if isinstance(pattern, str):
        isbytes = False
        text = "".join((pattern,))
    elif isinstance(pattern, bytes):
        isbytes = True
        text = bytes(pattern)
    else:
        raise TypeError("first argument must be string or compiled pattern")
    if isbytes:
        if flags & 32:
            raise ValueError("cannot use UNICODE flag with a bytes pattern")
        if flags & 4 and flags & 256:
            raise ValueError("ASCII and LOCALE flags are incompatible")
    else:
        if flags & 4:
            raise ValueError("cannot use LOCALE flag with a str pattern")
        if flags & 256 and flags & 32:
            raise ValueError("ASCII and UNICODE flags are incompatible")
    r = _re.compile(text, flags)
    if len(r) != 4:
        msg, pos, kind = r
        if kind == 1:
            raise OverflowError(msg)
        if kind == 2:
            raise RecursionError(msg)
        if pos < 0:
            raise error(msg)
        raise error(msg, pattern, pos)
    ident, groups, names, final = r
    bad = None
    if isbytes:
        if final & 32:
            bad = "cannot use UNICODE flag with a bytes pattern"
    else:
        if final & 4:
            bad = "cannot use LOCALE flag with a str pattern"
        elif not final & 256:
            final |= 32
        elif final & 32:
            bad = "ASCII and UNICODE flags are incompatible"
    if bad is not None:
        _re.release(ident)
        raise ValueError(bad)
    p = object.__new__(Pattern)
    p._id = ident
    p._isbytes = isbytes
    p.pattern = pattern
    p.flags = final
    p.groups = groups
    d = {}
    for name, i in names:
        d[name] = i
    p.groupindex = _GroupIndex(d)
    if len(_cache) >= _MAXCACHE:
        # Drop the oldest entry (dicts keep insertion order).
        del _cache[next(iter(_cache))]
    _cache[key] = p
    return p


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    "Try to apply the pattern at the start of the string; a Match or None."
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    "Try to apply the pattern to all of the string; a Match or None."
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    "Scan through string looking for a match to the pattern; a Match or None."
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    "Replace the leftmost non-overlapping occurrences of the pattern by repl."
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    "Like sub, but return (new_string, number_of_subs_made)."
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    "Split the string by the occurrences of the pattern."
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    "A list of all non-overlapping matches in the string."
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    "An iterator over Match objects for all non-overlapping matches."
    return _compile(pattern, flags).finditer(string)


def purge():
    "Clear the regular expression caches."
    _cache.clear()
    _repl_cache.clear()


def template(pattern, flags=0):
    "Compile a template pattern, returning a Pattern object (deprecated)."
    return _compile(pattern, _flags_int(flags) | 1)


_SPECIAL = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def escape(pattern):
    "Escape special characters in a string."
    if isinstance(pattern, str):
        return "".join(["\\" + c if c in _SPECIAL else c for c in pattern])
    t = bytes(pattern).decode("latin-1")
    return "".join(["\\" + c if c in _SPECIAL else c for c in t]).encode("latin-1")


Pattern.__module__ = "re"
Match.__module__ = "re"
