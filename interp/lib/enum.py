"""enum: enumerations (Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique) for minipy, after
CPython 3.11's documented behaviour.

EnumType.__new__ turns the non-descriptor, non-dunder/sunder names of the class body into members
(in definition order; a repeated value makes an alias). Each member has _name_, _value_ and
_sort_order_; the class keeps _member_names_ (canonical members, in order), _member_map_ (every
name, aliases too) and _value2member_map_ (hashable values). Flag classes make pseudo-members
(combinations of bits) on demand and cache them in _value2member_map_.
IntEnum and IntFlag derive from int, so their members are int instances (boxed ints with a
__dict__, which holds _name_/_value_); str members have no __dict__ and use the _side_ list.
minipy's class bodies store names straight into the namespace (no _EnumDict.__setitem__), so
auto() values are resolved when the class is made: `AB = A | B` on autos builds an _AutoExpr that
is evaluated once A and B have their values.
"""

import sys

__all__ = ["EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum",
           "auto", "unique", "property", "verify", "FlagBoundary", "STRICT", "CONFORM",
           "EJECT", "KEEP", "global_enum", "UNIQUE", "CONTINUOUS", "NAMED_FLAGS", "EnumCheck"]

_auto_null = object()


class auto:
    """Instances are replaced with an appropriate value for their member."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % self.value

    def __or__(self, other): return _AutoExpr(_op_or, self, other)
    def __ror__(self, other): return _AutoExpr(_op_or, other, self)
    def __and__(self, other): return _AutoExpr(_op_and, self, other)
    def __rand__(self, other): return _AutoExpr(_op_and, other, self)
    def __xor__(self, other): return _AutoExpr(_op_xor, self, other)
    def __rxor__(self, other): return _AutoExpr(_op_xor, other, self)
    def __add__(self, other): return _AutoExpr(_op_add, self, other)
    def __radd__(self, other): return _AutoExpr(_op_add, other, self)
    def __sub__(self, other): return _AutoExpr(_op_sub, self, other)
    def __rsub__(self, other): return _AutoExpr(_op_sub, other, self)


def _op_or(a, b): return a | b
def _op_and(a, b): return a & b
def _op_xor(a, b): return a ^ b
def _op_add(a, b): return a + b
def _op_sub(a, b): return a - b


class _AutoExpr(auto):
    """`left op right` where an operand is an auto() not yet given its value (see the module
    docstring); value resolves it, after the autos it names have been assigned."""

    def __init__(self, op, left, right):
        self._op = op
        self._left = left
        self._right = right

    @staticmethod
    def _resolve(v):
        if isinstance(v, _AutoExpr):
            return v.value
        if isinstance(v, auto):
            if v.value is _auto_null:
                raise TypeError("auto() value used before it was assigned")
            return v.value
        return v

    @property
    def value(self):
        return self._op(self._resolve(self._left), self._resolve(self._right))

    def __repr__(self):
        return "auto(%r)" % (self.value,)


class _MappingProxy:
    """A read-only view of a dict (what __members__ answers): repr mappingproxy({...})."""

    def __init__(self, d):
        self._d = d

    def __getitem__(self, k):
        return self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)

    def __contains__(self, k):
        return k in self._d

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, k, default=None):
        return self._d.get(k, default)

    def copy(self):
        return dict(self._d)

    def __eq__(self, other):
        return self._d == other

    def __repr__(self):
        return "mappingproxy(%r)" % (self._d,)

    def __str__(self):
        return str(self._d)


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1] != "_" and name[-2] != "_"


def _is_private(cls_name, name):
    pattern = "_%s__" % (cls_name.lstrip("_"),)
    return len(name) > len(pattern) and name.startswith(pattern) and not name.endswith("__")


def _is_descriptor(obj):
    if isinstance(obj, (classmethod, staticmethod, property)):
        return True
    if callable(obj) and not isinstance(obj, type):
        return True
    return hasattr(type(obj), "__get__") or hasattr(type(obj), "__set__")


def _high_bit(value):
    return value.bit_length() - 1


def _iter_bits_lsb(num):
    while num:
        b = num & (~num + 1)
        yield b
        num ^= b


def _bits_repr(num, width):
    return "0b0 " + bin(num)[2:].zfill(width)


class FlagBoundary:
    STRICT = "strict"
    CONFORM = "conform"
    EJECT = "eject"
    KEEP = "keep"


STRICT, CONFORM, EJECT, KEEP = "strict", "conform", "eject", "keep"


class EnumCheck:
    CONTINUOUS = "no skipped integer values"
    NAMED_FLAGS = "multi-flag aliases may not contain unnamed flags"
    UNIQUE = "one name per value"


CONTINUOUS, NAMED_FLAGS, UNIQUE = EnumCheck.CONTINUOUS, EnumCheck.NAMED_FLAGS, EnumCheck.UNIQUE

property = property  # enum.property: a plain property is close enough here


def _side_attr(attr):
    """A member attribute kept in its class's _side_ list: minipy's str-subclass instances have no
    __dict__, so a str-mixin enumeration stores _name_/_value_/... there (found by identity)."""

    def get(self):
        for m, info in type(self)._side_:
            if m is self:
                if attr in info:
                    return info[attr]
                break
        raise AttributeError("%r object has no attribute %r" % (type(self).__name__, attr))

    def set(self, value):
        side = type(self)._side_
        for m, info in side:
            if m is self:
                info[attr] = value
                return
        side.append((self, {attr: value}))

    return property(get, set)


def _mset(member, attr, value):
    """member.attr = value, through the side list for a str-mixin member."""
    side = getattr(type(member), "_side_", None)
    if side is None:
        setattr(member, attr, value)
        return
    for m, info in side:
        if m is member:
            info[attr] = value
            return
    side.append((member, {attr: value}))


def _find_data_type(bases):
    """The builtin type mixed into the enumeration (str in `class S(str, Enum)`), or object."""
    for chain in bases:
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                if base._member_type_ is not object:
                    return base._member_type_
                continue
            if "__new__" in base.__dict__ or base in (str, list, dict):
                return base
    return object


class EnumType(type):
    """Metaclass for Enum."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        for chain in bases:
            if isinstance(chain, EnumType) and chain._member_names_:
                raise TypeError("<enum %r> cannot extend %r" % (cls, chain))
        return {}

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        ignore = classdict.get("_ignore_", [])
        if isinstance(ignore, str):
            ignore = ignore.replace(",", " ").split()
        member_type = _find_data_type(bases) if bases else object
        first_enum = None
        for b in bases:
            for c in b.__mro__:
                if isinstance(c, EnumType):
                    first_enum = c
                    break
            if first_enum is not None:
                break
        # pick the members out of the body, in order
        members = []
        body = {}
        for key, value in list(classdict.items()):
            if key in ignore or key == "_ignore_":
                continue
            if (_is_dunder(key) or _is_sunder(key) or _is_private(cls, key)
                    or _is_descriptor(value)):
                body[key] = value
            else:
                members.append((key, value))
        # A __new__ in an enumeration's body makes its members; the class keeps Enum.__new__ (lookup).
        new_member = body.pop("__new__", None) if first_enum is not None else None
        if isinstance(new_member, staticmethod):
            new_member = new_member.__func__
        if new_member is None:
            for b in bases:
                for c in b.__mro__:
                    nm = c.__dict__.get("_new_member_")
                    if nm is not None:
                        new_member = nm
                        break
                if new_member is not None:
                    break
        gnv = body.get("_generate_next_value_")
        if gnv is None and first_enum is not None:
            gnv = first_enum._generate_next_value_
        if isinstance(gnv, staticmethod):
            gnv = gnv.__func__
        body["_member_names_"] = []
        body["_member_map_"] = {}
        body["_value2member_map_"] = {}
        body["_unhashable_values_"] = []
        body["_member_type_"] = member_type
        if issubclass(member_type, str):
            body["_side_"] = []
            for attr in ("_name_", "_value_", "_sort_order_", "__objclass__"):
                body[attr] = _side_attr(attr)
        body["_new_member_"] = new_member
        if boundary is not None:
            body["_boundary_"] = boundary
        if first_enum is not None:
            body["__new__"] = Enum.__dict__["__new__"]
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        if member_type is not object and "__reduce_ex__" not in body:
            pass
        # A mixed-in type's __repr__/__str__/__format__ must not hide the enumeration's own.
        if member_type is not object and first_enum is not None:
            for name in ("__repr__", "__str__", "__format__"):
                if name in classdict:
                    continue
                owner = next(c for c in enum_class.__mro__ if name in c.__dict__)
                # the data type's method or one it inherits (str's, for a str subclass)
                if owner is object or (not isinstance(owner, EnumType)
                                       and issubclass(member_type, owner)):
                    setattr(enum_class, name, first_enum.__dict__.get(name)
                            or getattr(first_enum, name))
        # Flag bookkeeping
        is_flag = Flag is not None and issubclass(enum_class, Flag)
        last_values = []
        for name, value in members:
            if isinstance(value, _AutoExpr):
                value = value.value
            elif isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = gnv(name, 1, len(enum_class._member_names_), last_values[:])
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                value = tuple(
                    (gnv(name, 1, len(enum_class._member_names_), last_values[:])
                     if v.value is _auto_null else v.value) if isinstance(v, auto) else v
                    for v in value)
            last_values.append(value)
            metacls._add_member(enum_class, name, value, new_member, member_type)
        if is_flag:
            flag_mask = 0
            for m in enum_class._member_map_.values():
                flag_mask |= m._value_
            enum_class._flag_mask_ = flag_mask
            enum_class._all_bits_ = 2 ** flag_mask.bit_length() - 1
            singles = 0
            for m in enum_class._member_map_.values():
                v = m._value_
                if v and v & (v - 1) == 0:
                    singles |= v
            enum_class._singles_mask_ = singles
        # __init_subclass__ hooks may want the members: CPython runs them after the members exist
        return enum_class

    @staticmethod
    def _add_member(enum_class, name, value, new_member, member_type):
        args = value if isinstance(value, tuple) else (value,)
        if member_type is tuple:
            args = (args,)
        if new_member is None:
            if member_type is object:
                member = object.__new__(enum_class)
            else:
                member = member_type.__new__(enum_class, *args)
        else:
            member = new_member(enum_class, *args)
        if not hasattr(member, "_value_"):
            if member_type is object:
                _mset(member, '_value_', value)
            else:
                _mset(member, '_value_', member_type(*args))
        value = member._value_
        _mset(member, '_name_', name)
        _mset(member, '__objclass__', enum_class)
        init = getattr(enum_class, "__init__", None)
        if init is not None and init is not object.__init__ and "__init__" in _mro_dicts(enum_class):
            member.__init__(*args)
        _mset(member, '_sort_order_', len(enum_class._member_names_))
        # an alias when the value is already there
        canonical = None
        try:
            canonical = enum_class._value2member_map_.get(value)
        except TypeError:
            for m in enum_class._member_map_.values():
                if m._value_ == value:
                    canonical = m
                    break
        is_flag = Flag is not None and issubclass(enum_class, Flag)
        if canonical is not None:
            member = canonical
        else:
            enum_class._member_names_.append(name)
            if is_flag and isinstance(value, int) and (not value or value & (value - 1)):
                # a zero or multi-bit named value: an alias-like member, listed but not iterated
                enum_class._member_names_.remove(name)
                enum_class._multi_names_ = getattr(enum_class, "_multi_names_", []) + [name]
        enum_class._member_map_[name] = member
        try:
            enum_class._value2member_map_.setdefault(value, member)
        except TypeError:
            enum_class._unhashable_values_.append(value)
        setattr(enum_class, name, member)

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        classdict = {}
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        if isinstance(names, dict):
            names = list(names.items())
        for item in names:
            member_name, member_value = item
            classdict[member_name] = member_value
        if module is None:
            module = "__main__"
        classdict["__module__"] = module
        if qualname is not None:
            classdict["__qualname__"] = qualname
        if boundary is not None:
            return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)
        return metacls.__new__(metacls, class_name, bases, classdict)

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    @property
    def __members__(cls):
        return _MappingProxy(dict(cls._member_map_))

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__


EnumMeta = EnumType


def _mro_dicts(cls):
    names = set()
    for c in cls.__mro__:
        if c in (Enum, object) or (ReprEnum is not None and c is ReprEnum):
            continue
        names.update(c.__dict__)
    return names


Flag = None
ReprEnum = None


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        raise TypeError("error in %s._missing_: returned %r instead of None or a valid member"
                        % (cls.__name__, result))

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        try:
            last = sorted(last_values)[-1] if False else last_values[-1]
            return last + 1
        except TypeError:
            raise TypeError("unable to sort non-numeric values") from None

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ if hasattr(self.__class__, "_value_repr_") else repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __dir__(self):
        return sorted(set(["__class__", "__doc__", "__eq__", "__hash__", "__module__", "name",
                           "value"]))

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""

    def __str__(self):
        return str(self._value_)

    def __format__(self, format_spec):
        # the builtins' __format__ answer str(self) for an empty spec (a custom __str__ shows)
        if not format_spec:
            return str(self)
        return format(self._value_, format_spec)


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints."""


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError("too many arguments for str(): %r" % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError("%r is not a string" % (values[0],))
        value = str(*values)
        member = str.__new__(cls, value)
        _mset(member, "_value_", value)
        return member

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()



class Flag(Enum, boundary=STRICT):
    """Support for flags: members combine with |, & and ^ into (pseudo-)members."""

    _numeric_repr_ = repr

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = _high_bit(last_value)
        except Exception:
            raise TypeError("invalid flag value %r" % last_value) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        all_bits = cls._all_bits_
        neg_value = None
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        boundary = getattr(cls, "_boundary_", STRICT)
        if value & ~flag_mask:
            if boundary == STRICT:
                bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError("%r invalid value %r\n    given %s\n  allowed %s"
                                 % (cls, value, _bits_repr(value, bits),
                                    _bits_repr(flag_mask, bits)))
            elif boundary == CONFORM:
                value = value & flag_mask
            elif boundary == EJECT:
                return value
        known = cls._value2member_map_.get(value)
        if known is not None:
            if neg_value is not None:
                cls._value2member_map_.setdefault(neg_value, known)
            return known
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        _mset(pseudo, "_value_", value)
        # the name: the canonical members in the value, largest first as CPython lists them
        members = [m for m in cls if m._value_ and m._value_ & value == m._value_]
        members.sort(key=lambda m: m._sort_order_)
        covered = 0
        for m in members:
            covered |= m._value_
        if value & flag_mask == 0:
            _mset(pseudo, "_name_", None)
        else:
            names = [m._name_ for m in members]
            extra = value & ~covered
            if extra:
                names.append(str(extra))
            _mset(pseudo, "_name_", "|".join(names))
        _mset(pseudo, "_sort_order_", -1)
        cls._value2member_map_.setdefault(value, pseudo)
        if neg_value is not None:
            cls._value2member_map_.setdefault(neg_value, pseudo)
        return pseudo

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        for m in self.__class__:
            if m._value_ & self._value_ == m._value_ and m._value_:
                yield m

    def __len__(self):
        return len(list(self.__iter__()))

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ if hasattr(self.__class__, "_value_repr_") else repr
        if self._name_ is None:
            return "<%s: %s>" % (cls_name, v_repr(self._value_))
        return "<%s.%s: %s>" % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return "%s(%r)" % (cls_name, self._value_)
        return "%s.%s" % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        elif isinstance(other, int) and isinstance(self, int):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif isinstance(other, int) and isinstance(self, int):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif isinstance(other, int) and isinstance(self, int):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        if self._boundary_ in (EJECT, KEEP):
            return self.__class__(~self._value_)
        return self.__class__(self._flag_mask_ ^ self._value_)

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Support for integer-based Flags."""

    def __repr__(self):
        return Flag.__repr__(self)

    def __str__(self):
        return str(self._value_)

    __format__ = ReprEnum.__format__

    __invert__ = Flag.__invert__
    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__or__
    __rand__ = Flag.__and__
    __rxor__ = Flag.__xor__
    __iter__ = Flag.__iter__
    __len__ = Flag.__len__
    __contains__ = Flag.__contains__


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ", ".join("%s -> %s" % (alias, name) for (alias, name) in duplicates)
        raise ValueError("duplicate values found in %r: %s" % (enumeration, alias_details))
    return enumeration


def verify(*checks):
    """Class decorator checking the given EnumCheck constraints (UNIQUE only here)."""
    def decorate(enumeration):
        if UNIQUE in checks:
            unique(enumeration)
        return enumeration
    return decorate


def global_enum(cls):
    """Put the members into the module namespace of the enumeration."""
    sys.modules[cls.__module__].__dict__.update(cls.__members__)
    return cls
