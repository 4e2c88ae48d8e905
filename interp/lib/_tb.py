"""minipy's traceback and frame objects (private; the VM calls these by name).

An exception keeps its traceback as a list of entries (code, lineno, globals, lasti), innermost
first, appended by the VM while the exception unwinds (vm/exc.rs). `exc.__traceback__` builds a
fresh chain of `traceback` objects from it (outermost first, as CPython's tb_next runs), and
with_traceback(tb) turns a chain back into entries.

Frames are snapshots: a `frame` made for a traceback entry has its code, line, globals and an
empty f_locals (a finished call's locals are not kept); sys._getframe() snapshots the live frames
(locals included) at the time of the call, linked by f_back. A snapshot does not change when the
running frame does."""

import builtins as _builtins


class frame:
    __slots__ = ("f_code", "f_lineno", "f_globals", "f_locals", "f_back", "f_lasti")

    def __init__(self, code, lineno, globals, locals, back, lasti):
        self.f_code = code
        self.f_lineno = lineno
        self.f_globals = globals
        self.f_locals = {} if locals is None else locals
        self.f_back = back
        self.f_lasti = lasti

    @property
    def f_builtins(self):
        b = self.f_globals.get("__builtins__", _builtins)
        return b if type(b) is dict else b.__dict__

    @property
    def f_trace(self):
        return None

    def clear(self):
        pass

    def __repr__(self):
        return "<frame at %#x, file %r, line %d, code %s>" % (
            id(self), self.f_code.co_filename, self.f_lineno, self.f_code.co_name)


frame.__module__ = "builtins"


class traceback:
    __slots__ = ("tb_frame", "tb_lineno", "tb_lasti", "tb_next")

    def __init__(self, tb_next, tb_frame, tb_lasti, tb_lineno):
        self.tb_next = tb_next
        self.tb_frame = tb_frame
        self.tb_lasti = tb_lasti
        self.tb_lineno = tb_lineno

    def __dir__(self):
        return ["tb_frame", "tb_lasti", "tb_lineno", "tb_next"]


traceback.__module__ = "builtins"


def from_entries(entries):
    """The traceback chain of an entry list (innermost first), or None if it is empty."""
    tb = None
    back = None
    frames = []
    for code, lineno, globals, lasti in reversed(entries):
        f = frame(code, lineno, globals, None, back, lasti)
        frames.append((f, lineno, lasti))
        back = f
    for f, lineno, lasti in reversed(frames):
        tb = traceback(tb, f, lasti, lineno)
    return tb


def to_entries(tb):
    """The entry list of a traceback chain (for with_traceback)."""
    if tb is None:
        return None
    if type(tb) is not traceback:
        raise TypeError("__traceback__ must be a traceback or None")
    out = []
    while tb is not None:
        f = tb.tb_frame
        out.append((f.f_code, tb.tb_lineno, f.f_globals, tb.tb_lasti))
        tb = tb.tb_next
    out.reverse()
    return out


def from_live(infos):
    """Frames for sys._getframe: infos (code, lineno, globals, locals, lasti), innermost first."""
    back = None
    for code, lineno, globals, locals, lasti in reversed(infos):
        back = frame(code, lineno, globals, locals, back, lasti)
    return back
