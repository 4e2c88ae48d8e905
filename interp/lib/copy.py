"""Shallow and deep copy (CPython's copy module, written for minipy from its documentation).

copy(x) and deepcopy(x, memo) honour __copy__/__deepcopy__, then a class's own __reduce_ex__ /
__reduce__ (the pickle reduction protocol, as in CPython). minipy's `object` has no
__reduce_ex__, so for an instance of a Python class without those the reduction CPython's
object.__reduce_ex__(4) would give is made here: cls.__new__(cls, *x.__getnewargs__()), then the
state (__getstate__() or the instance __dict__) set with __setstate__ or into the new __dict__,
then the items of a list or dict subclass.
"""

import sys as _sys

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error  # backward compatible alias

_FunctionType = type(lambda: None)
_BuiltinType = type(len)
_atomic = (type(None), int, float, bool, complex, str, bytes, type, range, _FunctionType,
           _BuiltinType, type(Ellipsis), type(NotImplemented), property)
try:
    from weakref import ref as _weakref_ref
    _atomic = _atomic + (_weakref_ref,)
except ImportError:
    pass

_immutable = _atomic + (tuple, frozenset, slice)


def _own_method(cls, name):
    """The attribute `name` defined by cls or a base other than object (None if none is)."""
    for c in cls.__mro__:
        if c is object:
            return None
        d = c.__dict__
        if name in d:
            return d[name]
    return None


def _is_python_class(cls):
    return any(_is_user(c) for c in cls.__mro__)


def _is_user(c):
    return c.__module__ != "builtins" if hasattr(c, "__module__") else False


def _reduce(x):
    """The pickle reduction of x: (callable, args[, state[, listitems[, dictitems]]]), a str
    (a global: x is copied as itself), or None when only the fallback applies."""
    cls = type(x)
    if _own_method(cls, "__reduce_ex__") is not None:
        return x.__reduce_ex__(4)
    if _own_method(cls, "__reduce__") is not None:
        return x.__reduce__()
    return None


def _fallback_reduce(x):
    cls = type(x)
    if not _is_python_class(cls):
        raise TypeError("cannot pickle '%s' object" % cls.__name__)
    getnewargs = getattr(x, "__getnewargs__", None)
    args = tuple(getnewargs()) if getnewargs is not None else ()
    getstate = _own_method(cls, "__getstate__")
    if getstate is not None:
        state = x.__getstate__()
    else:
        try:
            state = x.__dict__
        except AttributeError:
            state = None
        if not state:
            state = None
    # set.__reduce__ and bytearray.__reduce__ rebuild by calling the class
    if isinstance(x, (set, frozenset)):
        return (cls, (list(x),), state)
    if isinstance(x, bytearray):
        return (cls, (x.decode("latin-1"), "latin-1"), state)
    listiter = iter(x) if isinstance(x, list) else None
    dictiter = iter(x.items()) if isinstance(x, dict) else None
    return (_newobj, (cls,) + args, state, listiter, dictiter)


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


# ---- shallow copy ------------------------------------------------------------------------------

def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    if cls in _immutable:
        return x
    if cls in (list, dict, set, bytearray):
        return cls.copy(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x)
    if rv is None:
        rv = _fallback_reduce(x)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


# ---- deep copy ---------------------------------------------------------------------------------

def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x; memo maps id(original) to its copy (shared and cyclic parts copy once)."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x)
            if rv is None:
                rv = _fallback_reduce(x)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_atomic(x, memo):
    return x


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(a, memo) for a in x]
    # a tuple may be reached again while its items are copied (through a list)
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_set(x, memo):
    y = set()
    memo[id(x)] = y
    for a in x:
        y.add(deepcopy(a, memo))
    return y


def _deepcopy_frozenset(x, memo):
    return frozenset(deepcopy(a, memo) for a in x)


def _deepcopy_bytearray(x, memo):
    return bytearray(x)


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


_deepcopy_dispatch = {t: _deepcopy_atomic for t in _atomic}
_deepcopy_dispatch[list] = _deepcopy_list
_deepcopy_dispatch[tuple] = _deepcopy_tuple
_deepcopy_dispatch[dict] = _deepcopy_dict
_deepcopy_dispatch[set] = _deepcopy_set
_deepcopy_dispatch[frozenset] = _deepcopy_frozenset
_deepcopy_dispatch[bytearray] = _deepcopy_bytearray


def _keep_alive(x, memo):
    """Keeps x alive in memo for the copy's duration, so its id cannot be reused meanwhile."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


# ---- reconstruction from a reduction -----------------------------------------------------------

def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None, *rest):
    deep = memo is not None
    if deep and args:
        args = (deepcopy(args, memo))
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        setstate = getattr(y, "__setstate__", None)
        if setstate is not None and _own_method(type(y), "__setstate__") is not None:
            setstate(state)
        else:
            slotstate = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            if state:
                try:
                    y.__dict__.update(state)
                except AttributeError:
                    # minipy makes a list/dict subclass instance's __dict__ with its first attribute
                    for key, value in state.items():
                        setattr(y, key, value)
            if slotstate:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y
