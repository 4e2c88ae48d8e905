"""weakref.proxy: ProxyType and CallableProxyType (CPython's behaviour, written for minipy).

A proxy holds its referent through a `ref` (so it never keeps it alive) and forwards attribute
access, calls, operators and the container protocols to it; once the referent died every use
raises ReferenceError("weakly-referenced object no longer exists"). A proxy is unhashable.
As on CPython, a callback-less proxy is shared by every `proxy(o)` call, and a callback is called
with the proxy when the referent dies.

getweakrefcount/getweakrefs (native: objects/weakref_count.rs) see a proxy through its inner
`ref`: `_proxy_of_ref` maps that ref's id back to the proxy (weakly), so getweakrefs lists the
proxy itself, after the plain references, as CPython's list does.
"""

import operator
from _weakref import ref, getweakrefcount, getweakrefs as _native_getweakrefs

__all__ = ["proxy", "ProxyType", "CallableProxyType", "ProxyTypes", "getweakrefcount",
           "getweakrefs"]

_DEAD = "weakly-referenced object no longer exists"

# id(inner ref) -> ref(proxy); id(referent) -> ref(its shared callback-less proxy) (checked
# against the proxy's own referent: ids of dead objects are reused)
_proxy_of_ref = {}
_shared = {}


def _target(p):
    o = object.__getattribute__(p, "_proxy_ref")()
    if o is None:
        raise ReferenceError(_DEAD)
    return o


def _plain(x):
    """x itself, or its referent when x is a proxy (operands of an operator are unwrapped)."""
    if isinstance(x, _Proxy):
        return _target(x)
    return x


class _Proxy:
    __slots__ = ("_proxy_ref", "__weakref__")

    def __getattribute__(self, name):
        return getattr(_target(self), name)

    def __setattr__(self, name, value):
        setattr(_target(self), name, value)

    def __delattr__(self, name):
        delattr(_target(self), name)

    def __repr__(self):
        o = object.__getattribute__(self, "_proxy_ref")()
        return "<weakproxy at %#x to %s at %#x>" % (id(self), type(o).__name__, id(o))

    def __str__(self):
        return str(_target(self))

    def __bytes__(self):
        return bytes(_target(self))

    def __format__(self, spec):
        return format(_target(self), spec)

    def __hash__(self):
        raise TypeError("unhashable type: 'weakref.%s'" % type(self).__name__)

    def __bool__(self):
        return bool(_target(self))

    def __len__(self):
        return len(_target(self))

    def __iter__(self):
        return iter(_target(self))

    def __next__(self):
        o = _target(self)
        if not hasattr(type(o), "__next__"):
            raise TypeError("Weakref proxy referenced a non-iterator '%s' object"
                            % type(o).__name__)
        return next(o)

    def __reversed__(self):
        return reversed(_target(self))

    def __contains__(self, x):
        return x in _target(self)

    def __getitem__(self, k):
        return _target(self)[k]

    def __setitem__(self, k, v):
        _target(self)[k] = v

    def __delitem__(self, k):
        del _target(self)[k]

    def __index__(self):
        return operator.index(_target(self))

    def __int__(self):
        return int(_target(self))

    def __float__(self):
        return float(_target(self))

    def __neg__(self):
        return -_target(self)

    def __pos__(self):
        return +_target(self)

    def __abs__(self):
        return abs(_target(self))

    def __invert__(self):
        return ~_target(self)


def _binary(op):
    def forward(self, other):
        return op(_target(self), _plain(other))

    def reflected(self, other):
        return op(_plain(other), _target(self))

    return forward, reflected


for _name, _op in [("add", operator.add), ("sub", operator.sub), ("mul", operator.mul),
                   ("truediv", operator.truediv), ("floordiv", operator.floordiv),
                   ("mod", operator.mod), ("pow", pow), ("lshift", operator.lshift),
                   ("rshift", operator.rshift), ("and", operator.and_), ("or", operator.or_),
                   ("xor", operator.xor), ("matmul", operator.matmul), ("divmod", divmod)]:
    _f, _r = _binary(_op)
    setattr(_Proxy, "__%s__" % _name, _f)
    setattr(_Proxy, "__r%s__" % _name, _r)

for _name, _op in [("iadd", operator.iadd), ("isub", operator.isub), ("imul", operator.imul),
                   ("itruediv", operator.itruediv), ("ifloordiv", operator.ifloordiv),
                   ("imod", operator.imod), ("ipow", operator.ipow),
                   ("ilshift", operator.ilshift), ("irshift", operator.irshift),
                   ("iand", operator.iand), ("ior", operator.ior), ("ixor", operator.ixor),
                   ("imatmul", operator.imatmul)]:
    setattr(_Proxy, "__%s__" % _name, _binary(_op)[0])

for _name, _op in [("lt", operator.lt), ("le", operator.le), ("eq", operator.eq),
                   ("ne", operator.ne), ("gt", operator.gt), ("ge", operator.ge)]:
    setattr(_Proxy, "__%s__" % _name, _binary(_op)[0])


class ProxyType(_Proxy):
    __module__ = "weakref"
    __slots__ = ()


class CallableProxyType(_Proxy):
    __module__ = "weakref"
    __slots__ = ()

    def __call__(self, *args, **kwargs):
        return _target(self)(*args, **kwargs)


for _cls in (ProxyType, CallableProxyType):
    # the comparison methods are set after the class statement: no implicit __hash__ = None
    _cls.__hash__ = _Proxy.__hash__

ProxyTypes = (ProxyType, CallableProxyType)


def proxy(obj, callback=None):
    """A proxy to obj that does not keep it alive; callback(proxy) runs when obj dies."""
    if callback is None:
        pr = _shared.get(id(obj))
        p = pr() if pr is not None else None
        if p is not None and object.__getattribute__(p, "_proxy_ref")() is obj:
            return p
    cls = CallableProxyType if callable(obj) else ProxyType
    p = object.__new__(cls)
    if callback is None:
        inner = ref(obj)
    else:
        me = ref(p)

        def inner_callback(_r):
            px = me()
            if px is not None:
                callback(px)

        inner = ref(obj, inner_callback)
    object.__setattr__(p, "_proxy_ref", inner)
    key = id(inner)
    _proxy_of_ref[key] = ref(p, lambda _r: _proxy_of_ref.pop(key, None))
    if callback is None:
        okey = id(obj)
        _shared[okey] = ref(p, lambda r: _shared.get(okey) is r and _shared.pop(okey))
    return p


proxy.__module__ = "_weakref"


def getweakrefs(obj):
    """The live weak references and proxies to obj, in CPython's order: the callback-less
    references, the callback-less proxies, then those with a callback, newest first (CPython
    inserts each one right after the callback-less ones)."""
    refs, proxies, rest = [], [], []
    for r in _native_getweakrefs(obj):
        pr = _proxy_of_ref.get(id(r))
        item = r if pr is None else pr()
        if item is None:
            continue
        if r.__callback__ is not None:
            rest.append(item)
        elif pr is None:
            refs.append(item)
        else:
            proxies.append(item)
    return refs + proxies + rest[::-1]
