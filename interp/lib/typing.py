"""typing: enough of the typing module for annotated code on minipy.

Special forms (Any, Union, Optional, ClassVar, Final, Literal...) and the aliases of builtin and
collections.abc classes (List, Dict, Callable...) are instances whose repr is CPython's
(`typing.List[int]`); subscripting makes a _GenericAlias that remembers __origin__ and __args__.
Generic[T] is a base through __mro_entries__; a Generic subclass subscripts through
__class_getitem__. minipy cannot subclass tuple: a NamedTuple class is a plain class that acts
like a tuple (iteration, indexing, len, ==, _fields, _asdict, _replace) but is not a tuple.
"""

import sys
import collections.abc as _abc

__all__ = ["Any", "Callable", "ClassVar", "Final", "Generic", "Literal", "Optional", "Protocol",
           "Tuple", "Type", "TypeVar", "Union", "List", "Dict", "Set", "FrozenSet", "Iterable",
           "Iterator", "Sequence", "Mapping", "MutableMapping", "NamedTuple", "TypedDict",
           "cast", "overload", "TYPE_CHECKING", "get_type_hints", "NewType", "NoReturn",
           "Never", "Self", "Annotated", "get_origin", "get_args", "final", "runtime_checkable",
           "no_type_check", "AnyStr", "Text", "Deque", "DefaultDict", "OrderedDict", "Counter",
           "ChainMap", "Awaitable", "Coroutine", "AsyncIterator", "AsyncIterable", "Generator",
           "Collection", "Container", "Hashable", "Sized", "Reversible", "MutableSequence",
           "MutableSet", "AbstractSet", "KeysView", "ItemsView", "ValuesView", "SupportsInt",
           "SupportsFloat", "SupportsIndex", "SupportsAbs", "ParamSpec", "Concatenate",
           "TypeAlias", "TypeGuard", "LiteralString", "Required", "NotRequired", "assert_never",
           "reveal_type", "IO", "TextIO", "BinaryIO", "Pattern", "Match", "ForwardRef"]

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return "%s.%s" % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return "..."
    if obj is None:
        return "None"
    if type(obj).__name__ == "function":
        return obj.__name__
    if isinstance(obj, list):
        return "[%s]" % ", ".join(_type_repr(a) for a in obj)
    return repr(obj)


def _type_check(arg, msg):
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


class ForwardRef:
    def __init__(self, arg):
        if not isinstance(arg, str):
            raise TypeError("Forward reference must be a string -- got %r" % (arg,))
        self.__forward_arg__ = arg

    def _evaluate(self, globalns, localns):
        return eval(self.__forward_arg__, globalns, localns)

    def __eq__(self, other):
        return isinstance(other, ForwardRef) and self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __repr__(self):
        return "ForwardRef(%r)" % (self.__forward_arg__,)


class _Final:
    pass


class _SpecialForm(_Final):
    """Any, NoReturn, ClassVar, Union, Optional...: subscription is given by a function."""

    def __init__(self, name, getitem=None, doc=""):
        self._name = name
        self._getitem = getitem
        self.__doc__ = doc

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError("%s is not subscriptable" % self)
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwds):
        raise TypeError("Cannot instantiate %r" % self)

    def __instancecheck__(self, obj):
        raise TypeError("%s cannot be used with isinstance()" % self)

    def __subclasscheck__(self, cls):
        raise TypeError("%s cannot be used with issubclass()" % self)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __reduce__(self):
        return self._name


class _GenericAlias(_Final):
    """X[args]: remembers __origin__ and __args__; calls and isinstance go to the origin."""

    def __init__(self, origin, args, name=None, inst=True):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self._inst = inst
        self.__parameters__ = tuple(a for a in args if isinstance(a, TypeVar))

    def __repr__(self):
        if self._name:
            name = "typing." + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__ == ((),):
            return "%s[()]" % name
        return "%s[%s]" % (name, ", ".join(_type_repr(a) for a in self.__args__))

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError("Type %s cannot be instantiated; use %s() instead"
                            % (self._name, self.__origin__.__name__.lower()))
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getattr__(self, attr):
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        subst = dict(zip(self.__parameters__, params))
        args = tuple(subst.get(a, a) for a in self.__args__)
        return _GenericAlias(self.__origin__, args, self._name, self._inst)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _SpecialGenericAlias(_Final):
    """List, Dict, Callable...: unsubscripted aliases of a class, subscriptable nparams deep."""

    def __init__(self, origin, nparams, inst=True, name=None):
        self.__origin__ = origin
        self._nparams = nparams
        self._inst = inst
        self._name = name or origin.__name__

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError("Too %s arguments for %s; actual %d, expected %d"
                            % ("many" if len(params) > self._nparams else "few", self,
                               len(params), self._nparams))
        params = tuple(_type_check(p, "") if p is not None else type(None) for p in params)
        return _GenericAlias(self.__origin__, params, self._name, self._inst)

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError("Type %s cannot be instantiated; use %s() instead"
                            % (self._name, self.__origin__.__name__.lower()))
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)

    def __getattr__(self, attr):
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _CallableAlias(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = params
        if isinstance(args, list):
            args = tuple(_type_check(a, "") for a in args)
            alias = _GenericAlias(self.__origin__, args + (_type_check(result, ""),), "Callable")
        else:
            alias = _GenericAlias(self.__origin__, (args, _type_check(result, "")), "Callable")
        alias._callable_args = args
        return alias


def _callable_repr(self):
    args = self.__args__
    if len(args) == 2 and args[0] is ...:
        return "typing.Callable[..., %s]" % _type_repr(args[1])
    return "typing.Callable[[%s], %s]" % (", ".join(_type_repr(a) for a in args[:-1]),
                                          _type_repr(args[-1]))


class _TupleAlias(_SpecialGenericAlias):
    def __getitem__(self, params):
        if params == ():
            return _GenericAlias(tuple, ((),), "Tuple")
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAlias(tuple, tuple(_type_check(p, "") if p is not ... else ... for p in params),
                             "Tuple")


class _UnionGenericAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            return "typing.Optional[%s]" % _type_repr(other)
        return "typing.Union[%s]" % ", ".join(_type_repr(a) for a in args)

    def __eq__(self, other):
        if not isinstance(other, _UnionGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        return any(isinstance(obj, a) for a in self.__args__ if isinstance(a, type))

    def __subclasscheck__(self, cls):
        return any(issubclass(cls, a) for a in self.__args__ if isinstance(a, type))

    def __call__(self, *a, **k):
        raise TypeError("Cannot instantiate %r" % self)


def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    params = []
    for p in parameters:
        p = _type_check(p, "")
        if isinstance(p, _UnionGenericAlias):
            for a in p.__args__:
                if a not in params:
                    params.append(a)
        elif p not in params:
            params.append(p)
    if len(params) == 1:
        return params[0]
    return _UnionGenericAlias(self, tuple(params), "Union")


def _optional_getitem(self, parameters):
    arg = _type_check(parameters, "Optional[t] requires a single type.")
    return Union[arg, type(None)]


def _simple_getitem(self, parameters):
    item = _type_check(parameters, "%s accepts only single type." % self._name)
    return _GenericAlias(self, (item,), self._name)


def _literal_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _LiteralAlias(self, parameters, "Literal")


class _LiteralAlias(_GenericAlias):
    def __repr__(self):
        return "typing.Literal[%s]" % ", ".join(repr(a) for a in self.__args__)


def _annotated_getitem(self, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError("Annotated[...] should be used with at least two arguments "
                        "(a type and an annotation).")
    a = _GenericAlias(params[0], (params[0],), None)
    a.__metadata__ = params[1:]
    a.__origin__ = params[0]
    return _AnnotatedAlias(params[0], params[1:])


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        _GenericAlias.__init__(self, origin, (origin,), None)
        self.__metadata__ = metadata

    def __repr__(self):
        return "typing.Annotated[%s, %s]" % (_type_repr(self.__origin__),
                                             ", ".join(repr(a) for a in self.__metadata__))


Any = _SpecialForm("Any", doc="Special type indicating an unconstrained type.")
NoReturn = _SpecialForm("NoReturn")
Never = _SpecialForm("Never")
Self = _SpecialForm("Self")
LiteralString = _SpecialForm("LiteralString")
TypeAlias = _SpecialForm("TypeAlias")
ClassVar = _SpecialForm("ClassVar", _simple_getitem)
Final = _SpecialForm("Final", _simple_getitem)
TypeGuard = _SpecialForm("TypeGuard", _simple_getitem)
Required = _SpecialForm("Required", _simple_getitem)
NotRequired = _SpecialForm("NotRequired", _simple_getitem)
Union = _SpecialForm("Union", _union_getitem)
Optional = _SpecialForm("Optional", _optional_getitem)
Literal = _SpecialForm("Literal", _literal_getitem)
Annotated = _SpecialForm("Annotated", _annotated_getitem)
Concatenate = _SpecialForm("Concatenate", _simple_getitem)


class TypeVar(_Final):
    """Type variable: T = TypeVar('T'); repr ~T (+T covariant, -T contravariant)."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        if constraints and bound is not None:
            raise TypeError("Constraints cannot be combined with bound=...")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__constraints__ = tuple(constraints)
        self.__bound__ = bound

    def __repr__(self):
        prefix = "+" if self.__covariant__ else "-" if self.__contravariant__ else "~"
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class ParamSpec(TypeVar):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        TypeVar.__init__(self, name, bound=bound, covariant=covariant,
                         contravariant=contravariant)


AnyStr = TypeVar("AnyStr", bytes, str)
T = TypeVar("T")
KT = TypeVar("KT")
VT = TypeVar("VT")
Text = str


class Generic:
    """Abstract base class for generic types: class C(Generic[T]) ... C[int]."""
    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls is Generic or cls is Protocol:
            for p in params:
                if not isinstance(p, TypeVar):
                    raise TypeError("Parameters to %s[...] must all be type variables"
                                    % cls.__name__)
            if len(set(params)) != len(params):
                raise TypeError("Parameters to %s[...] must all be unique" % cls.__name__)
        return _GenericAlias(cls, params, None)

    @classmethod
    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        tvars = []
        for b in cls.__dict__.get("__orig_bases__", ()):
            for a in getattr(b, "__args__", ()):
                if isinstance(a, TypeVar) and a not in tvars:
                    tvars.append(a)
        cls.__parameters__ = tuple(tvars)


class Protocol(Generic):
    """Base class for protocol classes (structural subtyping, checked with runtime_checkable)."""
    __slots__ = ()
    _is_protocol = True

    @classmethod
    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get("_is_protocol", False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        cls._is_runtime_protocol = False


def _protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ("Protocol", "Generic"):
            continue
        for attr in base.__dict__:
            if not attr.startswith("_abc_") and attr not in (
                    "__abstractmethods__", "__annotations__", "__weakref__", "_is_protocol",
                    "_is_runtime_protocol", "__dict__", "__args__", "__slots__", "__next_in_mro__",
                    "__parameters__", "__origin__", "__orig_bases__", "__extra__", "__tree_hash__",
                    "__doc__", "__subclasshook__", "__init__", "__new__", "__module__",
                    "_MutableMapping__marker", "__qualname__", "__init_subclass__",
                    "__class_getitem__", "__protocol_attrs__"):
                attrs.add(attr)
    return attrs


class _ProtocolChecker:
    def __init__(self, proto):
        self.proto = proto


def runtime_checkable(cls):
    """Mark a protocol class as a runtime protocol: isinstance() then checks its attributes."""
    if not getattr(cls, "_is_protocol", False):
        raise TypeError("@runtime_checkable can be only applied to protocol classes, got %r"
                        % cls)
    cls._is_runtime_protocol = True
    attrs = _protocol_attrs(cls)
    cls.__protocol_attrs__ = attrs
    return cls


def _proto_instancecheck(proto, obj):
    for attr in proto.__protocol_attrs__:
        if not hasattr(obj, attr):
            return False
    return True


def cast(typ, val):
    """Cast a value to a type: returns the value unchanged."""
    return val


def overload(func):
    """Decorator for overloaded functions: the decorated stub raises NotImplementedError."""
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            "You should not call an overloaded function. A series of @overload-decorated "
            "functions outside a stub module should always be followed by an implementation "
            "that is not @overload-ed.")
    return _overload_dummy


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    return arg


def assert_never(arg):
    raise AssertionError("Expected code to be unreachable, but got: %r" % (arg,))


def reveal_type(obj):
    print("Runtime type is %r" % (type(obj).__name__,), file=sys.stderr)
    return obj


class NewType:
    """NewType('UserId', int): a callable returning its argument, repr module.UserId."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        self.__name__ = name
        self.__supertype__ = tp
        self.__module__ = sys._getframe(1).f_globals.get("__name__", "__main__") \
            if hasattr(sys, "_getframe") else _caller_module()

    def __repr__(self):
        return "%s.%s" % (self.__module__, self.__qualname__)

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]


def _caller_module(depth=2):
    try:
        import _frameinfo
        info = _frameinfo.caller(depth + 1)
        return info[2].get("__name__", "__main__")
    except Exception:
        return "__main__"


def get_origin(tp):
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_GenericAlias, _SpecialGenericAlias)):
        if isinstance(tp.__origin__, _SpecialForm):
            return tp.__origin__
        return tp.__origin__
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _GenericAlias):
        res = tp.__args__
        if getattr(tp, "_name", None) == "Callable" and res and res[0] is not ...:
            res = (list(res[:-1]), res[-1])
        if res == ((),):
            return ()
        return res
    return ()


def _eval_type(t, globalns, localns):
    if isinstance(t, str):
        t = ForwardRef(t)
    if isinstance(t, ForwardRef):
        return t._evaluate(globalns, localns)
    return t


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a class (merged along its MRO), module or function, with string
    annotations evaluated and None turned into NoneType."""
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get("__annotations__", {})
            if globalns is None:
                mod = sys.modules.get(base.__module__)
                base_globals = getattr(mod, "__dict__", {})
            else:
                base_globals = globalns
            base_locals = dict(vars(base)) if localns is None else localns
            for name, value in ann.items():
                if value is None:
                    value = type(None)
                hints[name] = _eval_type(value, base_globals, base_locals)
        return hints
    ann = getattr(obj, "__annotations__", None)
    if ann is None:
        if isinstance(obj, type(sys)):
            return {}
        return {}
    if globalns is None:
        globalns = getattr(obj, "__globals__", None) or getattr(obj, "__dict__", {})
    hints = {}
    for name, value in ann.items():
        if value is None:
            value = type(None)
        hints[name] = _eval_type(value, globalns, localns)
    return hints


def _namedtuple_methods(name, fields, defaults):
    ns = {}
    ns["_fields"] = tuple(fields)
    ns["_field_defaults"] = dict(defaults)
    ns["__slots__"] = ()

    def __init__(self, *args, **kwargs):
        if len(args) > len(fields):
            raise TypeError("%s() takes %d positional arguments but %d were given"
                            % (name, len(fields) + 1, len(args) + 1))
        values = list(args)
        for f in fields[len(args):]:
            if f in kwargs:
                values.append(kwargs.pop(f))
            elif f in defaults:
                values.append(defaults[f])
            else:
                raise TypeError("%s.__new__() missing 1 required positional argument: %r"
                                % (name, f))
        if kwargs:
            raise TypeError("%s.__new__() got an unexpected keyword argument %r"
                            % (name, next(iter(kwargs))))
        object.__setattr__(self, "_values", tuple(values))

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join(
            "%s=%r" % (f, v) for f, v in zip(self._fields, self._values)))

    def _replace(self, **kw):
        d = dict(zip(self._fields, self._values))
        d.update(kw)
        return type(self)(**d)

    ns.update(__init__=__init__, __repr__=__repr__, _replace=_replace)
    ns["__iter__"] = lambda self: iter(self._values)
    ns["__len__"] = lambda self: len(self._values)
    ns["__getitem__"] = lambda self, i: self._values[i]
    ns["__eq__"] = lambda self, o: self._values == (o._values if hasattr(o, "_values") else o)
    ns["__ne__"] = lambda self, o: not ns["__eq__"](self, o)
    ns["__lt__"] = lambda self, o: self._values < (o._values if hasattr(o, "_values") else o)
    ns["__hash__"] = lambda self: hash(self._values)
    ns["__add__"] = lambda self, o: self._values + tuple(o)
    ns["_asdict"] = lambda self: dict(zip(self._fields, self._values))
    ns["count"] = lambda self, v: self._values.count(v)
    ns["index"] = lambda self, v: self._values.index(v)

    def __setattr__(self, k, v):
        raise AttributeError("can't set attribute")
    ns["__setattr__"] = __setattr__
    for i, f in enumerate(fields):
        ns[f] = property(lambda self, i=i: self._values[i])
    return ns


class _NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        if ns.get("_root", False):
            return super().__new__(cls, typename, bases, ns)
        types = ns.get("__annotations__", {})
        fields = list(types)
        defaults = {}
        for f in fields:
            if f in ns:
                defaults[f] = ns[f]
            elif defaults:
                raise TypeError("Non-default namedtuple field %s cannot follow default field%s %s"
                                % (f, "s" if len(defaults) > 1 else "", ", ".join(defaults)))
        body = _namedtuple_methods(typename, fields, defaults)
        for k, v in ns.items():
            if k not in fields and k not in ("__annotations__",):
                body.setdefault(k, v) if k in ("__module__", "__qualname__") else body.__setitem__(k, v) \
                    if k not in body or not k.startswith("_") or k in ("__doc__",) else None
        body["__annotations__"] = dict(types)
        body["__module__"] = ns.get("__module__", "__main__")
        return type.__new__(cls, typename, (), body)


class NamedTuple(metaclass=_NamedTupleMeta):
    """Typed version of namedtuple: class P(NamedTuple): x: int; y: int = 0."""
    _root = True

    def __new__(cls, typename=None, fields=None, **kwargs):
        if cls is NamedTuple:
            if fields is None:
                fields = list(kwargs.items())
            ns = {"__annotations__": dict(fields), "__module__": _caller_module()}
            return _NamedTupleMeta(typename, (), ns)
        return object.__new__(cls)


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,) if False else (), dict(ns))
        annotations = {}
        for base in bases:
            annotations.update(base.__dict__.get("__annotations__", {}))
        own = ns.get("__annotations__", {})
        annotations.update(own)
        tp_dict.__annotations__ = annotations
        required = set()
        optional = set()
        for base in bases:
            required.update(base.__dict__.get("__required_keys__", ()))
            optional.update(base.__dict__.get("__optional_keys__", ()))
        (required if total else optional).update(own.keys())
        tp_dict.__required_keys__ = frozenset(required)
        tp_dict.__optional_keys__ = frozenset(optional)
        tp_dict.__total__ = total
        return tp_dict

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __instancecheck__(cls, obj):
        raise TypeError("TypedDict does not support instance and class checks")

    def __subclasscheck__(cls, other):
        raise TypeError("TypedDict does not support instance and class checks")


class TypedDict(metaclass=_TypedDictMeta):
    """A dict with typed keys: class Movie(TypedDict): name: str. Instances are plain dicts."""


def _alias(origin, nparams, inst=True, name=None):
    return _SpecialGenericAlias(origin, nparams, inst, name)


List = _alias(list, 1, inst=False, name="List")
Dict = _alias(dict, 2, inst=False, name="Dict")
Set = _alias(set, 1, inst=False, name="Set")
FrozenSet = _alias(frozenset, 1, inst=False, name="FrozenSet")
Tuple = _TupleAlias(tuple, -1, inst=False, name="Tuple")
Type = _alias(type, 1, name="Type")
Callable = _CallableAlias(_abc.Callable, 2, name="Callable")
Iterable = _alias(_abc.Iterable, 1)
Iterator = _alias(_abc.Iterator, 1)
Reversible = _alias(_abc.Reversible, 1)
Generator = _alias(_abc.Generator, 3)
Sequence = _alias(_abc.Sequence, 1)
MutableSequence = _alias(_abc.MutableSequence, 1)
Mapping = _alias(_abc.Mapping, 2)
MutableMapping = _alias(_abc.MutableMapping, 2)
AbstractSet = _alias(_abc.Set, 1, name="AbstractSet")
MutableSet = _alias(_abc.MutableSet, 1)
Collection = _alias(_abc.Collection, 1)
Container = _alias(_abc.Container, 1)
Sized = _alias(_abc.Sized, 0)
Hashable = _alias(_abc.Hashable, 0)
KeysView = _alias(_abc.KeysView, 1)
ItemsView = _alias(_abc.ItemsView, 2)
ValuesView = _alias(_abc.ValuesView, 1)
Awaitable = _alias(_abc.Awaitable, 1)
Coroutine = _alias(_abc.Coroutine, 3)
AsyncIterable = _alias(_abc.AsyncIterable, 1)
AsyncIterator = _alias(_abc.AsyncIterator, 1)
Deque = _alias(list, 1, name="Deque")
DefaultDict = _alias(dict, 2, name="DefaultDict")
OrderedDict = _alias(dict, 2, name="OrderedDict")
Counter = _alias(dict, 1, name="Counter")
ChainMap = _alias(dict, 2, name="ChainMap")
Pattern = _alias(str, 1, name="Pattern")
Match = _alias(str, 1, name="Match")
IO = _alias(object, 1, name="IO")
TextIO = IO
BinaryIO = IO


def _callable_alias_repr(self, _orig=_GenericAlias.__repr__):
    if self._name == "Callable":
        return _callable_repr(self)
    return _orig(self)


_GenericAlias.__repr__ = _callable_alias_repr


class SupportsInt(Protocol):
    __slots__ = ()

    def __int__(self) -> int: ...


class SupportsFloat(Protocol):
    __slots__ = ()

    def __float__(self) -> float: ...


class SupportsIndex(Protocol):
    __slots__ = ()

    def __index__(self) -> int: ...


class SupportsAbs(Protocol):
    __slots__ = ()

    def __abs__(self): ...
