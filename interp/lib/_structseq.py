"""_structseq: CPython's struct sequences (sys.version_info, os.stat_result, time.struct_time...)
as real tuple subclasses.

`structseq(name, fields, n_sequence)` makes the class: the first `n_sequence` fields are the tuple's
items, the rest are attribute-only extras (kept in the instance's `_extra` tuple). Field names that
are None are unnamed (in the tuple, no attribute). Every field is a read-only descriptor.
The repr names the first n_sequence items with the named fields in order, as CPython's does (so
os.stat_result shows the integer times as st_atime=...). Must not import sys (sys imports it).
"""

_tuple_new = tuple.__new__
_setattr = object.__setattr__


class _Item:
    """Field `index` of the tuple (index < n_sequence) or of the extras (the rest)."""

    def __init__(self, index, extra):
        self.index = index
        self.extra = extra

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        if self.extra:
            return obj._extra[self.index]
        return tuple.__getitem__(obj, self.index)

    def __set__(self, obj, value):
        raise AttributeError('readonly attribute')

    def __delete__(self, obj):
        raise AttributeError('readonly attribute')


class _StructSeq(tuple):
    """What every struct sequence class shares; copied into each class so its base is tuple."""

    def __new__(cls, sequence, dict=None):
        if not cls._creatable:
            raise TypeError("cannot create '%s' instances" % cls._name)
        seq = tuple(sequence)
        n, lo, hi = len(seq), cls.n_sequence_fields, cls.n_fields
        if lo == hi and n != lo:
            raise TypeError('%s() takes a %d-sequence (%d-sequence given)' % (cls._name, lo, n))
        if n < lo:
            raise TypeError('%s() takes an at least %d-sequence (%d-sequence given)'
                            % (cls._name, lo, n))
        if n > hi:
            raise TypeError('%s() takes an at most %d-sequence (%d-sequence given)'
                            % (cls._name, hi, n))
        extra = list(seq[lo:])
        for name in cls._all[n:]:
            extra.append(None if dict is None or name is None else dict.get(name))
        return _make(cls, seq[:lo], extra)

    def __setattr__(self, name, value):
        raise AttributeError("'%s' object has no attribute '%s'" % (type(self)._name, name))

    def __repr__(self):
        cls = type(self)
        names = [n for n in cls._all if n is not None]
        return '%s(%s)' % (cls._name, ', '.join(
            '%s=%r' % (n, v) for n, v in zip(names, tuple.__iter__(self))))

    def __reduce__(self):
        cls = type(self)
        extras = {n: v for n, v in zip(cls._all[cls.n_sequence_fields:], self._extra)
                  if n is not None}
        return cls, (tuple(self), extras)


def _make(cls, items, extra):
    self = _tuple_new(cls, items)
    _setattr(self, '_extra', tuple(extra))
    return self


_SHARED = {k: v for k, v in _StructSeq.__dict__.items()
           if k not in ('__module__', '__qualname__', '__doc__', '__dict__', '__weakref__')}


def structseq(name, fields, n_sequence=None, creatable=True):
    """A struct sequence class named `name` ('module.type') over `fields` (None: unnamed)."""
    fields = tuple(fields)
    n_seq = len(fields) if n_sequence is None else n_sequence
    module, _, short = name.rpartition('.')
    body = dict(_SHARED)
    body.update({'_name': name, '_all': fields, '_creatable': creatable,
                 'n_sequence_fields': n_seq, 'n_fields': len(fields),
                 'n_unnamed_fields': sum(1 for f in fields if f is None),
                 '__match_args__': tuple(f for f in fields[:n_seq] if f is not None),
                 '__module__': module or 'builtins', '__qualname__': short})
    for i, f in enumerate(fields):
        if f is not None:
            body[f] = _Item(i, False) if i < n_seq else _Item(i - n_seq, True)
    return type(short, (tuple,), body)


def make(cls, values):
    """An instance of struct sequence `cls` from all its field values (even when not creatable)."""
    values = tuple(values)
    n = cls.n_sequence_fields
    extra = values[n:] + (None,) * (cls.n_fields - len(values))
    return _make(cls, values[:n], extra)
