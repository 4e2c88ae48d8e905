"""minipy's exception groups (PEP 654; private: the VM imports this module by name).

BaseExceptionGroup and ExceptionGroup are installed into builtins when this module is first
imported, which the VM does the first time a program names either of them or runs an except*
clause (vm/excgroup.rs). The helpers at the bottom are the runtime of except*: the compiler's
CheckEgMatch and PrepReraiseStar opcodes call `_check_eg_match` and `_prep_reraise_star`
(the sequences are described in compiler/trystar.rs). Messages are CPython 3.11's."""

import builtins as _builtins


def _is_exc_class(t):
    return isinstance(t, type) and issubclass(t, BaseException)


class BaseExceptionGroup(BaseException):
    __module__ = "builtins"

    def __new__(cls, *args, **kwargs):
        if len(args) != 2:
            raise TypeError(
                "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)" % len(args))
        message, exceptions = args
        if not isinstance(message, str):
            raise TypeError("BaseExceptionGroup.__new__() argument 1 must be str, not %s"
                            % type(message).__name__)
        if isinstance(exceptions, (str, bytes, bytearray, dict, set, frozenset)) or \
                not hasattr(type(exceptions), "__getitem__") or \
                not hasattr(type(exceptions), "__len__"):
            raise TypeError("second argument (exceptions) must be a sequence")
        excs = tuple(exceptions)
        if not excs:
            raise ValueError("second argument (exceptions) must be a non-empty sequence")
        nested_base = False
        for i, e in enumerate(excs):
            if not isinstance(e, BaseException):
                raise ValueError(
                    "Item %d of second argument (exceptions) is not an exception" % i)
            if not isinstance(e, Exception):
                nested_base = True
        if cls is BaseExceptionGroup:
            if not nested_base:
                cls = ExceptionGroup
        elif cls is ExceptionGroup:
            if nested_base:
                raise TypeError("Cannot nest BaseExceptions in an ExceptionGroup")
        elif nested_base and issubclass(cls, Exception):
            raise TypeError("Cannot nest BaseExceptions in '%s'" % cls.__name__)
        self = BaseException.__new__(cls, message, exceptions)
        self._message = message
        self._exceptions = excs
        return self

    def __init__(self, *args, **kwargs):
        if kwargs:
            raise TypeError("%s does not take keyword arguments" % type(self).__name__)
        BaseException.__init__(self, *args)

    @property
    def message(self):
        return self._message

    @property
    def exceptions(self):
        return self._exceptions

    def __str__(self):
        n = len(self._exceptions)
        return "%s (%d sub-exception%s)" % (self._message, n, "" if n == 1 else "s")

    def derive(self, excs):
        return BaseExceptionGroup(self._message, excs)

    def subgroup(self, condition):
        return _split(self, _matcher(condition), False)[0]

    def split(self, condition):
        return _split(self, _matcher(condition), True)

    def __class_getitem__(cls, item):
        return cls


class ExceptionGroup(BaseExceptionGroup, Exception):
    __module__ = "builtins"


_builtins.BaseExceptionGroup = BaseExceptionGroup
_builtins.ExceptionGroup = ExceptionGroup


def _matcher(condition):
    if callable(condition) and not isinstance(condition, type):
        return lambda e: condition(e)
    if _is_exc_class(condition):
        return lambda e: isinstance(e, condition)
    if type(condition) is tuple and all(_is_exc_class(t) for t in condition):
        return lambda e: isinstance(e, condition)
    raise TypeError("expected a function, exception type or tuple of exception types")


def _copy_metadata(orig, eg):
    eg.with_traceback(orig.__traceback__)
    eg.__context__ = orig.__context__
    eg.__cause__ = orig.__cause__
    eg.__suppress_context__ = orig.__suppress_context__
    notes = getattr(orig, "__notes__", None)
    if notes is not None:
        eg.__notes__ = list(notes)


def _subset(orig, excs):
    if not excs:
        return None
    eg = orig.derive(excs)
    if not isinstance(eg, BaseExceptionGroup):
        raise TypeError("derive must return an instance of BaseExceptionGroup")
    _copy_metadata(orig, eg)
    return eg


def _split(exc, match, construct_rest):
    """(match, rest) of exc: the parts whose leaves satisfy `match`, with exc's structure."""
    if match(exc):
        return exc, None
    if not isinstance(exc, BaseExceptionGroup):
        return None, (exc if construct_rest else None)
    matched = []
    rest = []
    for e in exc.exceptions:
        m, r = _split(e, match, construct_rest)
        if m is not None:
            matched.append(m)
        if r is not None:
            rest.append(r)
    m = _subset(exc, matched)
    r = _subset(exc, rest) if construct_rest else None
    return m, r


def _check_eg_match(exc, match_type):
    """CheckEgMatch: (rest, match) of an except* clause; match is None when nothing matches."""
    _check_star_type(match_type)
    if exc is None:
        return None, None
    if isinstance(exc, match_type):
        if isinstance(exc, BaseExceptionGroup):
            return None, exc
        wrapped = BaseExceptionGroup("", (exc,))
        wrapped.with_traceback(exc.__traceback__)
        return None, wrapped
    if isinstance(exc, BaseExceptionGroup):
        m, r = exc.split(match_type)
        return r, m
    return exc, None


def _check_star_type(t):
    types = t if type(t) is tuple else (t,)
    for x in types:
        if not _is_exc_class(x):
            raise TypeError(
                "catching classes that do not inherit from BaseException is not allowed")
    for x in types:
        if issubclass(x, BaseExceptionGroup):
            raise TypeError(
                "catching ExceptionGroup with except* is not allowed. Use except instead.")


def _same_metadata(a, b):
    return (a.__traceback__ is b.__traceback__ or _tb_same(a, b)) and \
        a.__cause__ is b.__cause__ and a.__context__ is b.__context__


def _tb_same(a, b):
    ta, tb = a.__traceback__, b.__traceback__
    if ta is None or tb is None:
        return ta is tb
    while ta is not None and tb is not None:
        if ta.tb_frame.f_code is not tb.tb_frame.f_code or ta.tb_lineno != tb.tb_lineno:
            return False
        ta, tb = ta.tb_next, tb.tb_next
    return ta is None and tb is None


def _leaf_ids(e, ids):
    if isinstance(e, BaseExceptionGroup):
        for x in e.exceptions:
            _leaf_ids(x, ids)
    else:
        ids.add(id(e))


def _prep_reraise_star(orig, excs):
    """PrepReraiseStar: what an except* statement raises when its clauses are done (None:
    nothing). `excs` holds what the clauses raised or re-raised, then the unhandled rest."""
    if not excs:
        return None
    if not isinstance(orig, BaseExceptionGroup):
        # A naked exception was wrapped: at most one clause ran.
        return excs[0]
    raised = []
    reraised = []
    for e in excs:
        if e is None:
            continue
        if _same_metadata(e, orig):
            reraised.append(e)
        else:
            raised.append(e)
    ids = set()
    for e in reraised:
        _leaf_ids(e, ids)
    reraised_eg = _split(orig, lambda e: not isinstance(e, BaseExceptionGroup) and id(e) in ids,
                         False)[0] if ids else None
    if not raised:
        return reraised_eg
    if reraised_eg is not None:
        raised.append(reraised_eg)
    if len(raised) > 1:
        return BaseExceptionGroup("", raised)
    return raised[0]
