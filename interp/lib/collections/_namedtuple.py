"""collections.namedtuple for minipy.

The class made here is a real subclass of tuple (a boxed tuple, vm/boxed.rs) with `__slots__ = ()`:
indexing, len, iteration, ==, ordering, hash, + and *, `%` formatting and isinstance(p, tuple) are
the tuple's own. Fields are read-only descriptors over the tuple items (`_tuplegetter`).
__new__ is compiled from source (exec) so its signature, defaults and argument errors are a real
function's.
"""

import sys as _sys
from keyword import iskeyword as _iskeyword



class _tuplegetter:
    """The descriptor for field `index`: reads it, refuses writes (CPython's _tuplegetter)."""

    def __init__(self, index, doc):
        self.index = index
        self.__doc__ = doc

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj[self.index]

    def __set__(self, obj, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, obj):
        raise AttributeError("can't delete attribute")

    def __repr__(self):
        return "_tuplegetter(%d, %r)" % (self.index, self.__doc__)


def _field_property(index, name):
    return _tuplegetter(index, "Alias for field number %d" % index)


_tuple_new = tuple.__new__


class _NamedTupleBase(tuple):
    """What every namedtuple class shares on top of tuple; its methods are copied into each class
    body so that the class's only base is tuple, as on CPython."""

    __slots__ = ()

    def __setattr__(self, name, value):
        # __slots__ = () already refuses unknown names on CPython; said explicitly for the box
        if name in type(self)._fields:
            raise AttributeError("can't set attribute")
        raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))

    def __delattr__(self, name):
        if name in type(self)._fields:
            raise AttributeError("can't delete attribute")
        raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))

    def __repr__(self):
        names = type(self)._fields
        return "%s(%s)" % (type(self).__name__,
                           ", ".join("%s=%r" % (n, v) for n, v in zip(names, self)))

    def __getnewargs__(self):
        return tuple(self)

    def __reduce__(self):
        return type(self), tuple(self)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        import copy
        return type(self)._make(copy.deepcopy(list(self), memo))

    def _asdict(self):
        return dict(zip(type(self)._fields, self))

    def _replace(self, /, **kwds):
        cls = type(self)
        values = [kwds.pop(n, v) for n, v in zip(cls._fields, self)]
        if kwds:
            raise ValueError("Got unexpected field names: %r" % list(kwds))
        return cls._make(values)


_SHARED = {k: v for k, v in _NamedTupleBase.__dict__.items()
           if k not in ("__module__", "__qualname__", "__doc__", "__slots__", "__dict__",
                        "__weakref__")}


def _make_instance(cls, values):
    return _tuple_new(cls, values)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A new class with named fields, behaving as a tuple of them."""
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = list(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or _iskeyword(name) or name.startswith("_")
                    or name in seen):
                field_names[index] = "_%d" % index
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError("Type names and field names must be strings")
        if not name.isidentifier():
            raise ValueError("Type names and field names must be valid identifiers: %r" % name)
        if _iskeyword(name):
            raise ValueError("Type names and field names cannot be a keyword: %r" % name)
    seen = set()
    for name in field_names:
        if name.startswith("_") and not rename:
            raise ValueError("Field names cannot start with an underscore: %r" % name)
        if name in seen:
            raise ValueError("Encountered duplicate field name: %r" % name)
        seen.add(name)

    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError("Got more default values than field names")
        field_defaults = dict(reversed(list(zip(reversed(field_names), reversed(defaults)))))

    fields = tuple(field_names)
    nf = len(fields)
    arg_list = ", ".join(fields)
    if nf == 1:
        arg_list += ","
    params = []
    for name in fields:
        if name in field_defaults:
            params.append("%s=_defaults[%r]" % (name, name))
        else:
            params.append(name)
    src = "def __new__(_cls%s):\n    return _make(_cls, (%s))\n" % (
        "".join(", " + p for p in params), arg_list)
    ns = {"_make": _make_instance, "_defaults": field_defaults,
          "__name__": "namedtuple_%s" % typename}
    exec(src, ns)
    new = ns["__new__"]
    new.__doc__ = "Create new instance of %s(%s)" % (typename, ", ".join(fields))

    def _make(cls, iterable):
        values = tuple(iterable)
        if len(values) != nf:
            raise TypeError("Expected %d arguments, got %d" % (nf, len(values)))
        return _make_instance(cls, values)

    body = {
        "__doc__": "%s(%s)" % (typename, ", ".join(fields)),
        "__slots__": (),
        "_fields": fields,
        "_field_defaults": field_defaults,
        "__match_args__": fields,
        "__new__": new,
        "_make": classmethod(_make),
    }
    for index, name in enumerate(fields):
        body[name] = _field_property(index, name)
    if module is None:
        # the caller's module; without sys._getframe minipy assumes __main__
        try:
            module = _sys._getframe(1).f_globals.get("__name__", "__main__")
        except (AttributeError, ValueError):
            module = "__main__"
    body["__module__"] = module
    body["__qualname__"] = typename
    for key, value in _SHARED.items():
        body.setdefault(key, value)
    return type(typename, (tuple,), body)
