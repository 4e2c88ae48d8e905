"""dataclasses: the @dataclass decorator, field(), fields(), asdict/astuple, replace, InitVar,
KW_ONLY, FrozenInstanceError, for minipy.

The generated methods (__init__, __repr__, __eq__, the orderings, __hash__, __setattr__/__delattr__
for frozen classes) are built as Python source and exec'd, as CPython does, so they are ordinary
functions. The fields of a class are kept in its __dataclass_fields__ (an ordered dict, base classes'
fields first) and its parameters in __dataclass_params__.
"""

__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "KW_ONLY", "MISSING",
           "fields", "asdict", "astuple", "make_dataclass", "replace", "is_dataclass"]


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    def __repr__(self):
        return "MISSING"


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    def __repr__(self):
        return "KW_ONLY"


KW_ONLY = _KW_ONLY_TYPE()


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE("_FIELD")
_FIELD_CLASSVAR = _FIELD_BASE("_FIELD_CLASSVAR")
_FIELD_INITVAR = _FIELD_BASE("_FIELD_INITVAR")


class InitVar:
    __slots__ = ("type",)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return "dataclasses.InitVar[%s]" % type_name

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    __slots__ = ("name", "type", "default", "default_factory", "repr", "hash", "init", "compare",
                 "metadata", "kw_only", "_field_type")

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else dict(metadata)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ("Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,hash=%r,"
                "compare=%r,metadata=%r,kw_only=%r,_field_type=%r)"
                % (self.name, self.type, self.default, self.default_factory, self.init,
                   self.repr, self.hash, self.compare, self.metadata, self.kw_only,
                   self._field_type))

    def __set_name__(self, owner, name):
        pass


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    """Return an object to identify dataclass fields."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ("_DataclassParams(init=%r,repr=%r,eq=%r,order=%r,unsafe_hash=%r,frozen=%r)"
                % (self.init, self.repr, self.eq, self.order, self.unsafe_hash, self.frozen))


_FIELDS = "__dataclass_fields__"
_PARAMS = "__dataclass_params__"
_POST_INIT_NAME = "__post_init__"


def _is_classvar(a_type):
    if isinstance(a_type, str):
        return a_type.startswith("ClassVar") or a_type.startswith("typing.ClassVar")
    return getattr(a_type, "_name", None) == "ClassVar" or repr(a_type).startswith("typing.ClassVar")


def _is_initvar(a_type):
    if isinstance(a_type, str):
        return a_type.startswith("InitVar") or a_type.startswith("dataclasses.InitVar")
    return a_type is InitVar or isinstance(a_type, InitVar)


def _is_kw_only(a_type):
    return a_type is KW_ONLY or (isinstance(a_type, str) and a_type in ("KW_ONLY", "dataclasses.KW_ONLY"))


def _get_field(cls, a_name, a_type, default_kw_only):
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD
    if _is_classvar(a_type):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(a_type):
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError("field %s cannot have a default factory" % f.name)
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        f.kw_only = False
    if f._field_type is _FIELD and f.default is not MISSING and \
            type(f.default) in (list, dict, set):
        raise ValueError("mutable default %s for field %s is not allowed: use default_factory"
                         % (type(f.default), f.name))
    return f


def _exec_fn(name, args, body, globals_, locals_):
    txt = "def %s(%s):\n%s" % (name, ", ".join(args), "\n".join("  " + b for b in body) or "  pass")
    local_vars = ", ".join(locals_.keys())
    txt = "def __create_fn__(%s):\n %s\n return %s" % (local_vars, txt.replace("\n", "\n "), name)
    ns = {}
    exec(txt, globals_, ns)
    return ns["__create_fn__"](**locals_)


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    if callable(value):
        try:
            value.__qualname__ = "%s.%s" % (cls.__qualname__, name)
        except (AttributeError, TypeError):
            pass
    setattr(cls, name, value)
    return False


def _field_assign(frozen, name, value, self_name):
    if frozen:
        return "__dataclass_builtins_object__.__setattr__(%s, %r, %s)" % (self_name, name, value)
    return "%s.%s = %s" % (self_name, name, value)


def _init_fn(fields, std_fields, kw_only_fields, frozen, has_post_init, self_name, globals_):
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError("non-default argument %r follows default argument" % f.name)
    locals_ = {"MISSING": MISSING, "__dataclass_HAS_DEFAULT_FACTORY__": _HAS_DEFAULT_FACTORY,
               "__dataclass_builtins_object__": object}
    for f in fields:
        locals_["__dataclass_type_%s__" % f.name] = f.type
        if f.default_factory is not MISSING:
            locals_["__dataclass_dflt_%s__" % f.name] = f.default_factory
        elif f.default is not MISSING:
            locals_["__dataclass_dflt_%s__" % f.name] = f.default
    body = []
    for f in fields:
        line = _field_init(f, frozen, self_name)
        if line:
            body.append(line)
    if has_post_init:
        params = ", ".join(f.name for f in fields if f._field_type is _FIELD_INITVAR)
        body.append("%s.%s(%s)" % (self_name, _POST_INIT_NAME, params))
    if not body:
        body = ["pass"]
    args = [self_name] + [_init_param(f) for f in std_fields]
    if kw_only_fields:
        args += ["*"] + [_init_param(f) for f in kw_only_fields]
    return _exec_fn("__init__", args, body, globals_, locals_)


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return "<factory>"


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


def _init_param(f):
    if f.default is MISSING and f.default_factory is MISSING:
        default = ""
    elif f.default is not MISSING:
        default = "=__dataclass_dflt_%s__" % f.name
    else:
        default = "=__dataclass_HAS_DEFAULT_FACTORY__"
    return "%s%s" % (f.name, default)


def _field_init(f, frozen, self_name):
    default_name = "__dataclass_dflt_%s__" % f.name
    if f.default_factory is not MISSING:
        if f.init:
            value = ("%s() if %s is __dataclass_HAS_DEFAULT_FACTORY__ else %s"
                     % (default_name, f.name, f.name))
        else:
            value = "%s()" % default_name
    else:
        if f.init:
            if f.default is MISSING:
                value = f.name
            else:
                value = f.name
        else:
            if f.default is MISSING:
                return None
            value = default_name
    if f._field_type is _FIELD_INITVAR:
        return None
    return _field_assign(frozen, f.name, value, self_name)


def _repr_fn(fields, globals_):
    body = ["return self.__class__.__qualname__ + f\"(" +
            ", ".join("%s={self.%s!r}" % (f.name, f.name) for f in fields) + ")\""]
    fn = _exec_fn("__repr__", ("self",), body, globals_, {})
    return _recursive_repr(fn)


def _recursive_repr(user_function):
    running = set()

    def wrapper(self):
        key = id(self)
        if key in running:
            return "..."
        running.add(key)
        try:
            result = user_function(self)
        finally:
            running.discard(key)
        return result
    return wrapper


def _tuple_str(obj_name, fields):
    if not fields:
        return "()"
    return "(%s,)" % ",".join("%s.%s" % (obj_name, f.name) for f in fields)


def _cmp_fn(name, op, self_tuple, other_tuple, globals_):
    return _exec_fn(name, ("self", "other"),
                    ["if other.__class__ is self.__class__:",
                     " return %s%s%s" % (self_tuple, op, other_tuple),
                     "return NotImplemented"], globals_, {})


def _hash_fn(fields, globals_):
    self_tuple = _tuple_str("self", fields)
    return _exec_fn("__hash__", ("self",), ["return hash(%s)" % self_tuple], globals_, {})


def _frozen_get_del_attr(cls, fields, globals_):
    locals_ = {"cls": cls, "FrozenInstanceError": FrozenInstanceError}
    if fields:
        fields_str = "(" + ",".join(repr(f.name) for f in fields) + ",)"
    else:
        fields_str = "()"
    setattr_fn = _exec_fn("__setattr__", ("self", "name", "value"),
                          ["if type(self) is cls or name in %s:" % fields_str,
                           " raise FrozenInstanceError(f\"cannot assign to field {name!r}\")",
                           "super(cls, self).__setattr__(name, value)"], globals_, locals_)
    delattr_fn = _exec_fn("__delattr__", ("self", "name"),
                          ["if type(self) is cls or name in %s:" % fields_str,
                           " raise FrozenInstanceError(f\"cannot delete field {name!r}\")",
                           "super(cls, self).__delattr__(name)"], globals_, locals_)
    return setattr_fn, delattr_fn


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots,
                   weakref_slot=False):
    fields = {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = b.__dict__.get(_FIELDS)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(b, _PARAMS).frozen:
                any_frozen_base = True
    cls_annotations = cls.__dict__.get("__annotations__", {})
    cls_fields = []
    KW_ONLY_seen = False
    for name, type_ in cls_annotations.items():
        if _is_kw_only(type_):
            if KW_ONLY_seen:
                raise TypeError("%r is KW_ONLY, but KW_ONLY has already been specified" % name)
            KW_ONLY_seen = True
            kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, type_, kw_only))
    for f in cls_fields:
        fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError("%r is a field but has no type annotation" % name)
    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        if not any_frozen_base and frozen:
            raise TypeError("cannot inherit frozen dataclass from a non-frozen one")
    setattr(cls, _FIELDS, fields)
    class_hash = cls.__dict__.get("__hash__", MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and "__eq__" in cls.__dict__))
    if order and not eq:
        raise ValueError("eq must be true if order is true")
    import sys
    globals_ = sys.modules[cls.__module__].__dict__ if cls.__module__ in sys.modules else {}
    all_init_fields = [f for f in fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields = [f for f in all_init_fields if f.init and not f.kw_only]
    kw_only_init_fields = [f for f in all_init_fields if f.init and f.kw_only]
    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        _set_new_attribute(cls, "__init__",
                           _init_fn(all_init_fields, std_init_fields, kw_only_init_fields,
                                    frozen, has_post_init,
                                    "__dataclass_self__" if "self" in fields else "self",
                                    globals_))
    field_list = [f for f in fields.values() if f._field_type is _FIELD]
    if repr:
        flds = [f for f in field_list if f.repr]
        _set_new_attribute(cls, "__repr__", _repr_fn(flds, globals_))
    if eq:
        cmp_fields = [f for f in field_list if f.compare]
        self_tuple = _tuple_str("self", cmp_fields)
        other_tuple = _tuple_str("other", cmp_fields)
        _set_new_attribute(cls, "__eq__", _cmp_fn("__eq__", "==", self_tuple, other_tuple,
                                                  globals_))
    if order:
        cmp_fields = [f for f in field_list if f.compare]
        self_tuple = _tuple_str("self", cmp_fields)
        other_tuple = _tuple_str("other", cmp_fields)
        for name, op in [("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")]:
            if _set_new_attribute(cls, name, _cmp_fn(name, op, self_tuple, other_tuple,
                                                     globals_)):
                raise TypeError("Cannot overwrite attribute %s in class %s. Consider using "
                                "functools.total_ordering" % (name, cls.__name__))
    if frozen:
        for fn in _frozen_get_del_attr(cls, field_list, globals_):
            if _set_new_attribute(cls, fn.__name__, fn):
                raise TypeError("Cannot overwrite attribute %s in class %s"
                                % (fn.__name__, cls.__name__))
    hash_fields = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError("Cannot overwrite attribute __hash__ in class %s" % cls.__name__)
        cls.__hash__ = _hash_fn(hash_fields, globals_)
    elif eq and frozen:
        if not has_explicit_hash:
            cls.__hash__ = _hash_fn(hash_fields, globals_)
    elif eq and not frozen:
        if not has_explicit_hash:
            cls.__hash__ = None
    if not getattr(cls, "__doc__", None):
        try:
            cls.__doc__ = cls.__name__ + "(" + ", ".join(
                "%s" % f.name for f in all_init_fields) + ")"
        except Exception:
            pass
    if match_args:
        _set_new_attribute(cls, "__match_args__", tuple(f.name for f in std_init_fields))
    if slots:
        cls = _with_slots(cls, frozen, weakref_slot)
    return cls


def _slots_of(c):
    """The slot names class c declares itself (none for a class without __slots__)."""
    s = c.__dict__.get("__slots__", ())
    if isinstance(s, str):
        return (s,)
    return tuple(s)


def _with_slots(cls, frozen, weakref_slot):
    """slots=True: the class is made again, from the same namespace, with `__slots__` naming the
    fields (those no base already declares) and without the class attributes that held their
    defaults (the generated __init__ keeps them). A frozen class gets __getstate__/__setstate__
    (pickling and copying cannot use an instance __dict__)."""
    if "__slots__" in cls.__dict__:
        raise TypeError(f"{cls.__name__} already specifies __slots__")
    ns = dict(cls.__dict__)
    names = tuple(f.name for f in getattr(cls, _FIELDS).values() if f._field_type is _FIELD)
    inherited = set()
    for base in cls.__mro__[1:-1]:
        inherited.update(_slots_of(base))
    wanted = names + (("__weakref__",) if weakref_slot else ())
    ns["__slots__"] = tuple(n for n in wanted if n not in inherited)
    for n in names:
        ns.pop(n, None)
    ns.pop("__dict__", None)
    ns.pop("__weakref__", None)
    qualname = getattr(cls, "__qualname__", None)
    new_cls = type(cls)(cls.__name__, cls.__bases__, ns)
    if qualname is not None:
        new_cls.__qualname__ = qualname
    if frozen:
        if "__getstate__" not in ns:
            new_cls.__getstate__ = _slots_getstate
        if "__setstate__" not in ns:
            new_cls.__setstate__ = _slots_setstate
    return new_cls


def _slots_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _slots_setstate(self, state):
    for f, value in zip(fields(self), state):
        object.__setattr__(self, f.name, value)


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    """Add dunder methods based on the fields defined in the class."""
    if weakref_slot and not slots:
        raise TypeError("weakref_slot is True but slots is False")

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only, slots, weakref_slot)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """The fields of a dataclass (or instance) as a tuple of Field objects (no ClassVar/InitVar)."""
    try:
        fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """True if obj is a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
    """Convert a dataclass instance to a dict, recursing into dataclasses, lists, tuples, dicts."""
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            value = _asdict_inner(getattr(obj, f.name), dict_factory)
            result.append((f.name, value))
        return dict_factory(result)
    elif isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return obj


def astuple(obj, *, tuple_factory=tuple):
    """Convert a dataclass instance to a tuple, recursing like asdict."""
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return obj


def replace(obj, /, **changes):
    """A new object of obj's class with the given fields replaced."""
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError("field %s is declared with init=False, it cannot be specified "
                                 "with replace()" % f.name)
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar %r must be specified with replace()" % f.name)
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    """Create a dataclass named cls_name from (name), (name, type) or (name, type, Field) items."""
    namespace = {} if namespace is None else dict(namespace)
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, "typing.Any"
        elif len(item) == 2:
            name, tp = item
        else:
            name, tp, spec = item
            namespace[name] = spec
        annotations[name] = tp
    namespace["__annotations__"] = annotations
    cls = type(cls_name, bases, namespace)
    return dataclass(cls, **kwargs)
