"""Extract, format and print stack traces, written from the documentation of CPython 3.11's
traceback module. Differences: no column carets (minipy's code objects keep lines, not columns),
and frames are snapshots (see _tb.py: a traceback's frames have no locals)."""

import sys
from _linesource import getline as _getline

__all__ = ["extract_stack", "extract_tb", "format_exception", "format_exception_only",
           "format_list", "format_stack", "format_tb", "print_exc", "format_exc",
           "print_exception", "print_last", "print_stack", "print_tb", "clear_frames",
           "FrameSummary", "StackSummary", "TracebackException", "walk_stack", "walk_tb",
           "print_list"]

# A run of identical entries longer than this is summarised ("[Previous line repeated ...]").
_REPEAT_LIMIT = 3
_MISSING = object()


class FrameSummary:
    """One entry of a stack summary: filename, lineno, name, line (and locals reprs)."""

    __slots__ = ("filename", "lineno", "name", "_raw", "locals", "end_lineno", "colno",
                 "end_colno")

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._raw = line
        self.locals = None if not locals else {k: repr(v) for k, v in locals.items()}
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        if lookup_line:
            self.line

    @property
    def line(self):
        if self._raw is None and self.lineno is not None:
            self._raw = _getline(self.filename, self.lineno)
        return None if self._raw is None else self._raw.strip()

    def _key(self):
        return (self.filename, self.lineno, self.name, self.line)

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return self._key() == other._key() and self.locals == other.locals
        if isinstance(other, tuple):
            return self._key() == other
        return NotImplemented

    def __getitem__(self, pos):
        return self._key()[pos]

    def __iter__(self):
        return iter(self._key())

    def __len__(self):
        return 4

    def __repr__(self):
        return "<FrameSummary file %s, line %s in %s>" % (self.filename, self.lineno, self.name)


def walk_tb(tb):
    """Yields (frame, lineno) along tb_next."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def walk_stack(f):
    """Yields (frame, lineno) along f_back, from f (default: the caller's caller)."""
    if f is None:
        f = sys._getframe(2)
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def _cut(items, limit):
    if limit is None:
        limit = getattr(sys, "tracebacklimit", None)
        if limit is not None and limit < 0:
            limit = 0
    if limit is None:
        return items
    return items[:limit] if limit >= 0 else items[limit:]


class StackSummary(list):
    """A list of FrameSummary with a CPython-style format()."""

    @classmethod
    def extract(cls, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        out = cls()
        for f, lineno in _cut(list(frame_gen), limit):
            code = f.f_code
            out.append(FrameSummary(code.co_filename, lineno, code.co_name,
                                    lookup_line=lookup_lines,
                                    locals=f.f_locals if capture_locals else None))
        return out

    @classmethod
    def from_list(cls, a_list):
        out = cls()
        for item in a_list:
            if not isinstance(item, FrameSummary):
                filename, lineno, name, line = item
                item = FrameSummary(filename, lineno, name, line=line)
            out.append(item)
        return out

    def format_frame_summary(self, fs):
        text = '  File "%s", line %s, in %s\n' % (fs.filename, fs.lineno, fs.name)
        if fs.line:
            text += "    %s\n" % fs.line
        if fs.locals:
            for k in sorted(fs.locals):
                text += "    %s = %s\n" % (k, fs.locals[k])
        return text

    def format(self):
        lines = []
        prev = None
        run = 0

        def flush():
            extra = run - _REPEAT_LIMIT
            if extra > 0:
                lines.append("  [Previous line repeated %d more time%s]\n"
                             % (extra, "s" if extra > 1 else ""))

        for fs in self:
            key = (fs.filename, fs.lineno, fs.name)
            if key != prev:
                flush()
                prev = key
                run = 0
            run += 1
            if run <= _REPEAT_LIMIT:
                lines.append(self.format_frame_summary(fs))
        flush()
        return lines


def extract_tb(tb, limit=None):
    return StackSummary.extract(walk_tb(tb), limit=limit)


def extract_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe(1)
    frames = list(walk_stack(f))
    if limit is not None:
        frames = frames[:limit] if limit >= 0 else frames[limit:]
    st = StackSummary.extract(frames)
    st.reverse()
    return st


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    out = sys.stderr if file is None else file
    for chunk in format_list(extracted_list):
        print(chunk, file=out, end="")


def format_tb(tb, limit=None):
    return extract_tb(tb, limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit), file)


def format_stack(f=None, limit=None):
    return format_list(extract_stack(sys._getframe(1) if f is None else f, limit))


def print_stack(f=None, limit=None, file=None):
    print_list(extract_stack(sys._getframe(1) if f is None else f, limit), file)


def clear_frames(tb):
    """Frames are snapshots without locals: nothing to clear."""


def _str_or_failed(v, what="exception"):
    try:
        return str(v)
    except BaseException:
        return "<%s str() failed>" % what


def _type_name(t):
    name = t.__qualname__
    mod = t.__module__
    if mod not in ("__main__", "builtins"):
        name = "%s.%s" % (mod if isinstance(mod, str) else "<unknown>", name)
    return name


def _only_lines(exc):
    """format_exception_only's lines for one exception value."""
    if exc is None:
        return ["NoneType: None\n"]
    name = _type_name(type(exc))
    if isinstance(exc, SyntaxError):
        lines = []
        suffix = ""
        if exc.lineno is not None:
            lines.append('  File "%s", line %s\n' % (exc.filename or "<string>", exc.lineno))
        elif exc.filename is not None:
            suffix = " (%s)" % exc.filename
        if exc.text is not None:
            raw = exc.text.rstrip("\n")
            body = raw.lstrip(" \n\f")
            lines.append("    %s\n" % body)
            if exc.offset is not None:
                start = exc.offset - 1 - (len(raw) - len(body))
                end_off = getattr(exc, "end_offset", None) or exc.offset
                if end_off <= exc.offset:
                    end_off = exc.offset + 1
                if start >= 0:
                    pad = "".join(c if c.isspace() else " " for c in body[:start])
                    lines.append("    %s%s\n" % (pad, "^" * (end_off - exc.offset)))
        lines.append("%s: %s%s\n" % (name, exc.msg or "<no detail available>", suffix))
    else:
        s = _str_or_failed(exc)
        lines = ["%s: %s\n" % (name, s) if s else "%s\n" % name]
    notes = getattr(exc, "__notes__", None)
    if isinstance(notes, (list, tuple)):
        for n in notes:
            lines.extend(l + "\n" for l in _str_or_failed(n, "note").split("\n"))
    elif notes is not None:
        lines.append(repr(notes) + "\n")
    return lines


class TracebackException:
    """An exception captured for rendering: its stack, message lines and cause/context chain."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15, max_group_depth=10,
                 _seen=None):
        seen = set() if _seen is None else _seen
        seen.add(id(exc_value))
        self.exc_type = exc_type
        self.stack = StackSummary.extract(walk_tb(exc_traceback), limit=limit,
                                          lookup_lines=lookup_lines,
                                          capture_locals=capture_locals)
        self._value = exc_value
        self._str = _str_or_failed(exc_value)
        self.__notes__ = getattr(exc_value, "__notes__", None)
        self.__suppress_context__ = bool(
            exc_value is not None and exc_value.__suppress_context__)
        self.__cause__ = None
        self.__context__ = None
        self.exceptions = None
        if exc_value is None:
            return
        if isinstance(exc_value, SyntaxError):
            self.filename = exc_value.filename
            self.lineno = None if exc_value.lineno is None else str(exc_value.lineno)
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.msg = exc_value.msg
        opts = dict(limit=limit, lookup_lines=lookup_lines, capture_locals=capture_locals,
                    _seen=seen)
        cause = exc_value.__cause__
        if cause is not None and id(cause) not in seen:
            self.__cause__ = TracebackException(type(cause), cause, cause.__traceback__, **opts)
        want_context = not compact or (self.__cause__ is None and not self.__suppress_context__)
        ctx = exc_value.__context__
        if want_context and ctx is not None and id(ctx) not in seen:
            self.__context__ = TracebackException(type(ctx), ctx, ctx.__traceback__, **opts)

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __str__(self):
        return self._str

    def format_exception_only(self):
        if self.exc_type is None:
            return iter(["NoneType: None\n"])
        return iter(_only_lines(self._value))

    def format(self, *, chain=True):
        # The chain, innermost (the exception itself) first; rendered outermost first.
        parts = []
        te = self
        while te is not None:
            link = None
            nxt = None
            if chain and te.__cause__ is not None:
                link = "\nThe above exception was the direct cause of the following exception:\n\n"
                nxt = te.__cause__
            elif chain and te.__context__ is not None and not te.__suppress_context__:
                link = ("\nDuring handling of the above exception, another exception "
                        "occurred:\n\n")
                nxt = te.__context__
            parts.append((te, link))
            te = nxt
        for i in range(len(parts) - 1, -1, -1):
            te, link = parts[i]
            if te.stack:
                yield "Traceback (most recent call last):\n"
                yield from te.stack.format()
            yield from te.format_exception_only()
            if i > 0:
                yield parts[i - 1][1]


def _value_and_tb(exc, value, tb):
    if (value is _MISSING) != (tb is _MISSING):
        raise ValueError("Both or neither of value and tb must be given")
    if value is _MISSING:
        if exc is None:
            return None, None
        if not isinstance(exc, BaseException):
            raise TypeError("Exception expected for value, %s found" % type(exc).__name__)
        return exc, exc.__traceback__
    return value, tb


def format_exception_only(exc, /, value=_MISSING):
    return _only_lines(exc if value is _MISSING else value)


def format_exception(exc, /, value=_MISSING, tb=_MISSING, limit=None, chain=True):
    value, tb = _value_and_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def print_exception(exc, /, value=_MISSING, tb=_MISSING, limit=None, file=None, chain=True):
    out = sys.stderr if file is None else file
    for chunk in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(chunk, file=out, end="")


def format_exc(limit=None, chain=True):
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback, limit=limit, file=file,
                    chain=chain)
