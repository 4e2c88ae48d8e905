"""Weak references (CPython's weakref module, written for minipy).

`ref` is the native weak reference type (objects/weakref.rs): the referent lives in a weak slot
of the heap's handle table, so it survives every move of the moving GC and is cleared when a
collection finds it dead; callbacks run at the next safe point after that collection. The
containers below are built on `ref` callbacks. Objects die when a collection finds them
unreachable, as on PyPy: call gc.collect() to observe a death at a precise point.

`proxy` (ProxyType, CallableProxyType) and getweakrefcount/getweakrefs live in _weakproxy.py.
Not provided: finalize's atexit behaviour (a finalizer still pending at exit does not run).
"""

from _weakref import ref, ReferenceType
from _weakproxy import (proxy, ProxyType, CallableProxyType, ProxyTypes, getweakrefcount,
                        getweakrefs)

__all__ = ["ref", "ReferenceType", "WeakMethod", "WeakValueDictionary",
           "WeakKeyDictionary", "WeakSet", "finalize", "proxy", "ProxyType",
           "CallableProxyType", "ProxyTypes", "getweakrefcount", "getweakrefs"]


class WeakMethod:
    """A weak reference to a bound method: alive while both the object and the function are."""

    __slots__ = ("_obj", "_func", "_callback", "_mtype")

    def __init__(self, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}".format(type(meth))) from None
        me = ref(self)

        def _cb(_r):
            s = me()
            if s is not None and s._callback is not None:
                cb = s._callback
                s._callback = None
                cb(s)

        self._obj = ref(obj, _cb)
        self._func = ref(func, _cb)
        self._callback = callback
        self._mtype = type(meth)

    def __call__(self):
        obj = self._obj()
        func = self._func()
        if obj is None or func is None:
            return None
        return self._mtype(func, obj)

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if self() is None or other() is None:
                return self is other
            return self._obj == other._obj and self._func == other._func
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __hash__(self):
        return hash((self._obj, self._func))


class WeakValueDictionary:
    """A mapping whose values are held weakly: an entry goes when its value dies."""

    def __init__(self, other=(), /, **kw):
        self.data = {}
        me = ref(self)

        def remove(wr, key):
            s = me()
            if s is not None and s.data.get(key) is wr:
                del s.data[key]

        self._remove = remove
        self.update(other, **kw)

    def _ref(self, key, value):
        remove = self._remove
        return ref(value, lambda wr: remove(wr, key))

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = self._ref(key, value)

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __len__(self):
        return sum(1 for r in list(self.data.values()) if r() is not None)

    def __iter__(self):
        for k, r in list(self.data.items()):
            if r() is not None:
                yield k

    def keys(self):
        return iter(self)

    def values(self):
        for r in list(self.data.values()):
            o = r()
            if o is not None:
                yield o

    def items(self):
        for k, r in list(self.data.items()):
            o = r()
            if o is not None:
                yield k, o

    def get(self, key, default=None):
        try:
            r = self.data[key]
        except KeyError:
            return default
        o = r()
        return default if o is None else o

    def pop(self, key, *default):
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if default:
                return default[0]
            raise KeyError(key)
        return o

    def popitem(self):
        while True:
            k, r = self.data.popitem()
            o = r()
            if o is not None:
                return k, o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=(), /, **kw):
        if hasattr(other, "keys"):
            other = [(k, other[k]) for k in other.keys()]
        for k, v in other:
            self[k] = v
        for k, v in kw.items():
            self[k] = v

    def clear(self):
        self.data.clear()

    def copy(self):
        return WeakValueDictionary(self.items())

    __copy__ = copy

    def valuerefs(self):
        return list(self.data.values())

    def itervaluerefs(self):
        return iter(list(self.data.values()))

    def __repr__(self):
        return "<WeakValueDictionary at %#x>" % id(self)


class WeakKeyDictionary:
    """A mapping whose keys are held weakly: an entry goes when its key dies."""

    def __init__(self, dict=None):
        self.data = {}
        me = ref(self)

        def remove(k):
            s = me()
            if s is not None:
                s.data.pop(k, None)

        self._remove = remove
        if dict is not None:
            self.update(dict)

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __len__(self):
        return sum(1 for r in list(self.data) if r() is not None)

    def __iter__(self):
        for r in list(self.data):
            o = r()
            if o is not None:
                yield o

    def keys(self):
        return iter(self)

    def values(self):
        for r, v in list(self.data.items()):
            if r() is not None:
                yield v

    def items(self):
        for r, v in list(self.data.items()):
            o = r()
            if o is not None:
                yield o, v

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def pop(self, key, *default):
        return self.data.pop(ref(key), *default)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, other=None, /, **kw):
        if other is not None:
            if hasattr(other, "items"):
                other = other.items()
            for k, v in other:
                self[k] = v
        for k, v in kw.items():
            self[k] = v

    def keyrefs(self):
        return list(self.data)

    def copy(self):
        return WeakKeyDictionary(dict(self.items()))

    __copy__ = copy

    def __repr__(self):
        return "<WeakKeyDictionary at %#x>" % id(self)


class WeakSet:
    """A set whose elements are held weakly: an element goes when it dies."""

    def __init__(self, data=None):
        self.data = set()
        me = ref(self)

        def remove(r):
            s = me()
            if s is not None:
                s.data.discard(r)

        self._remove = remove
        if data is not None:
            self.update(data)

    def __iter__(self):
        for r in list(self.data):
            o = r()
            if o is not None:
                yield o

    def __len__(self):
        return sum(1 for r in list(self.data) if r() is not None)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def pop(self):
        while True:
            o = self.data.pop()()
            if o is not None:
                return o

    def clear(self):
        self.data.clear()

    def update(self, other):
        for x in other:
            self.add(x)

    def copy(self):
        return WeakSet(self)

    def __repr__(self):
        return repr(self.data)


class finalize:
    """finalize(obj, func, *args, **kwargs): call func(*args, **kwargs) once, when obj dies or
    when the finalize object is called, whichever comes first."""

    _registry = {}

    def __init__(self, obj, func, /, *args, **kwargs):
        self._key = object()
        me = self._key
        registry = finalize._registry

        def _cb(_r):
            f = registry.pop(me, None)
            if f is not None:
                f._run()

        self._entry = (ref(obj, _cb), func, args, kwargs)
        registry[me] = self

    def _run(self):
        _, func, args, kwargs = self._entry
        self._entry = None
        return func(*args, **(kwargs or {}))

    def __call__(self, _=None):
        if finalize._registry.pop(self._key, None) is not None and self._entry is not None:
            return self._run()

    def detach(self):
        if finalize._registry.pop(self._key, None) is not None and self._entry is not None:
            wr, func, args, kwargs = self._entry
            obj = wr()
            self._entry = None
            if obj is not None:
                return (obj, func, args, kwargs or {})

    def peek(self):
        if self._key in finalize._registry and self._entry is not None:
            wr, func, args, kwargs = self._entry
            obj = wr()
            if obj is not None:
                return (obj, func, args, kwargs or {})

    @property
    def alive(self):
        return self._key in finalize._registry and self._entry is not None

    def __repr__(self):
        if not self.alive:
            return "<finalize object at %#x; dead>" % id(self)
        obj = self._entry[0]()
        return "<finalize object at %#x; for %r at %#x>" % (id(self), type(obj).__name__, id(obj))
