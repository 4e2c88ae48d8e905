"""A subset of CPython 3.11's inspect, written from its documentation: the is*() predicates,
signature() (Signature / Parameter, built from code objects), getmembers, currentframe, stack,
getdoc/cleandoc, getmodule/getfile, unwrap, getsource/getsourcelines (functions and code
objects only: classes and modules are not supported).

signature() reads co_varnames/co_argcount/co_posonlyargcount/co_kwonlyargcount/co_flags and the
function's defaults and __annotations__.
Builtin functions have no signature (ValueError, as CPython for builtins without text signature)."""

import sys

__all__ = ["isfunction", "ismethod", "isclass", "ismodule", "isbuiltin", "isroutine",
           "isgenerator", "isgeneratorfunction", "iscoroutine", "iscoroutinefunction",
           "isasyncgen", "isasyncgenfunction", "isawaitable", "iscode", "isframe",
           "istraceback", "isabstract", "signature", "Signature", "Parameter", "getmembers",
           "currentframe", "stack", "getdoc", "cleandoc", "getmodule", "getfile", "unwrap",
           "FrameInfo", "BoundArguments", "getsource", "getsourcelines"]

CO_OPTIMIZED = 0x1
CO_NEWLOCALS = 0x2
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_NESTED = 0x10
CO_GENERATOR = 0x20
CO_NOFREE = 0x40
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200


def _f():
    pass


async def _co():
    pass


async def _ag():
    yield


def _gen():
    yield


class _C:
    def m(self):
        pass


_FunctionType = type(_f)
_MethodType = type(_C().m)
_BuiltinType = type(len)
_CodeType = type(_f.__code__)
_ModuleType = type(sys)
_GeneratorType = type(_gen())
_c = _co()
_CoroutineType = type(_c)
_c.close()
_AsyncGenType = type(_ag())
del _c


def isfunction(obj):
    return isinstance(obj, _FunctionType)


def ismethod(obj):
    return isinstance(obj, _MethodType)


def isclass(obj):
    return isinstance(obj, type)


def ismodule(obj):
    return isinstance(obj, _ModuleType)


def isbuiltin(obj):
    return isinstance(obj, _BuiltinType)


def isroutine(obj):
    return isbuiltin(obj) or isfunction(obj) or ismethod(obj)


def iscode(obj):
    return isinstance(obj, _CodeType)


def _has_flag(f, flag):
    while ismethod(f):
        f = f.__func__
    return isfunction(f) and bool(f.__code__.co_flags & flag)


def isgeneratorfunction(obj):
    return _has_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    return _has_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    return _has_flag(obj, CO_ASYNC_GENERATOR)


def isgenerator(obj):
    return isinstance(obj, _GeneratorType)


def iscoroutine(obj):
    return isinstance(obj, _CoroutineType)


def isasyncgen(obj):
    return isinstance(obj, _AsyncGenType)


def isawaitable(obj):
    return iscoroutine(obj) or hasattr(type(obj), "__await__")


def isframe(obj):
    return type(obj).__name__ == "frame" and hasattr(obj, "f_code")


def istraceback(obj):
    return type(obj).__name__ == "traceback" and hasattr(obj, "tb_frame")


def isabstract(obj):
    return isinstance(obj, type) and bool(getattr(obj, "__abstractmethods__", False))


def getmembers(obj, predicate=None):
    out = []
    for name in dir(obj):
        try:
            value = getattr(obj, name)
        except AttributeError:
            continue
        if predicate is None or predicate(value):
            out.append((name, value))
    out.sort(key=lambda p: p[0])
    return out


def currentframe():
    return sys._getframe(1)


class FrameInfo:
    """(frame, filename, lineno, function, code_context, index), by position or attribute."""

    __slots__ = ("frame", "filename", "lineno", "function", "code_context", "index")

    def __init__(self, frame, filename, lineno, function, code_context, index):
        self.frame = frame
        self.filename = filename
        self.lineno = lineno
        self.function = function
        self.code_context = code_context
        self.index = index

    def _t(self):
        return (self.frame, self.filename, self.lineno, self.function, self.code_context,
                self.index)

    def __iter__(self):
        return iter(self._t())

    def __getitem__(self, i):
        return self._t()[i]

    def __len__(self):
        return 6

    def __eq__(self, other):
        if isinstance(other, FrameInfo):
            other = other._t()
        return self._t() == other

    def __repr__(self):
        return ("FrameInfo(frame=%r, filename=%r, lineno=%r, function=%r, code_context=%r, "
                "index=%r)" % self._t())


def _frame_info(frame, context):
    from _linesource import getline
    lines = None
    index = None
    if context > 0:
        line = getline(frame.f_code.co_filename, frame.f_lineno)
        lines = [line] if line else None
        index = 0 if line else None
    return FrameInfo(frame, frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name,
                     lines, index)


def stack(context=1):
    out = []
    f = sys._getframe(1)
    while f is not None:
        out.append(_frame_info(f, context))
        f = f.f_back
    return out


def getframeinfo(frame, context=1):
    return _frame_info(frame, context)


def cleandoc(doc):
    lines = doc.expandtabs().split("\n")
    margin = None
    for line in lines[1:]:
        stripped = line.lstrip()
        if stripped:
            indent = len(line) - len(stripped)
            margin = indent if margin is None else min(margin, indent)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin is not None:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def getdoc(obj):
    try:
        doc = obj.__doc__
    except AttributeError:
        return None
    if doc is None and isinstance(obj, type):
        for base in obj.__mro__[1:]:
            if base is object:
                break
            doc = base.__doc__
            if doc is not None:
                break
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def getmodule(obj):
    if ismodule(obj):
        return obj
    name = getattr(obj, "__module__", None)
    if name is None:
        return None
    return sys.modules.get(name)


def getfile(obj):
    if ismodule(obj):
        f = getattr(obj, "__file__", None)
        if f is None:
            raise TypeError("{!r} is a built-in module".format(obj))
        return f
    if isclass(obj):
        mod = sys.modules.get(obj.__module__)
        f = getattr(mod, "__file__", None)
        if f is None:
            raise TypeError("{!r} is a built-in class".format(obj))
        return f
    if ismethod(obj):
        obj = obj.__func__
    if isfunction(obj):
        obj = obj.__code__
    if istraceback(obj):
        obj = obj.tb_frame
    if isframe(obj):
        obj = obj.f_code
    if iscode(obj):
        return obj.co_filename
    raise TypeError("module, class, method, function, traceback, frame, or code object was "
                    "expected, got {}".format(type(obj).__name__))


def unwrap(func, *, stop=None):
    seen = {id(func)}
    while hasattr(func, "__wrapped__") and not (stop is not None and stop(func)):
        func = func.__wrapped__
        if id(func) in seen:
            raise ValueError("wrapper loop when unwrapping {!r}".format(func))
        seen.add(id(func))
    return func


class _empty:
    """Marker object for Signature.empty and Parameter.empty."""


class _void:
    """A private marker - used in Parameter & Signature."""


class _ParameterKind:
    """The five parameter kinds, ordered as they may appear in a signature (an IntEnum in
    CPython; a small ordered class here)."""

    __slots__ = ("value",)
    _names = ["POSITIONAL_ONLY", "POSITIONAL_OR_KEYWORD", "VAR_POSITIONAL", "KEYWORD_ONLY",
              "VAR_KEYWORD"]
    _descriptions = ["positional-only", "positional or keyword", "variadic positional",
                     "keyword-only", "variadic keyword"]

    def __init__(self, value):
        self.value = value

    @property
    def name(self):
        return self._names[self.value]

    @property
    def description(self):
        return self._descriptions[self.value]

    def __int__(self):
        return self.value

    __index__ = __int__

    def __hash__(self):
        return hash(self.value)

    def __eq__(self, other):
        return self.value == int(other) if isinstance(other, (int, _ParameterKind)) else False

    def __lt__(self, other):
        return self.value < int(other)

    def __le__(self, other):
        return self.value <= int(other)

    def __gt__(self, other):
        return self.value > int(other)

    def __ge__(self, other):
        return self.value >= int(other)

    def __str__(self):
        return self._names[self.value]

    def __repr__(self):
        return "<_ParameterKind.%s: %d>" % (self._names[self.value], self.value)


_POSITIONAL_ONLY = _ParameterKind(0)
_POSITIONAL_OR_KEYWORD = _ParameterKind(1)
_VAR_POSITIONAL = _ParameterKind(2)
_KEYWORD_ONLY = _ParameterKind(3)
_VAR_KEYWORD = _ParameterKind(4)
_KINDS = [_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD, _VAR_POSITIONAL, _KEYWORD_ONLY, _VAR_KEYWORD]


class Parameter:
    __slots__ = ("_name", "_kind", "_default", "_annotation")

    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD
    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        if not isinstance(kind, _ParameterKind):
            if isinstance(kind, int) and 0 <= kind <= 4:
                kind = _KINDS[kind]
            else:
                raise ValueError("value %r is not a valid Parameter.kind" % (kind,))
        if default is not _empty and kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
            raise ValueError("%s parameters cannot have default values" % kind.description)
        if not isinstance(name, str):
            raise TypeError("name must be a str, not a %s" % type(name).__name__)
        if not name.isidentifier():
            raise ValueError("%r is not a valid parameter name" % name)
        self._name = name
        self._kind = kind
        self._default = default
        self._annotation = annotation

    name = property(lambda self: self._name)
    kind = property(lambda self: self._kind)
    default = property(lambda self: self._default)
    annotation = property(lambda self: self._annotation)

    def replace(self, *, name=_void, kind=_void, annotation=_void, default=_void):
        return type(self)(self._name if name is _void else name,
                          self._kind if kind is _void else kind,
                          default=self._default if default is _void else default,
                          annotation=self._annotation if annotation is _void else annotation)

    def __str__(self):
        text = self._name
        if self._annotation is not _empty:
            text = "%s: %s" % (text, _annotation_text(self._annotation))
        if self._default is not _empty:
            sep = " = " if self._annotation is not _empty else "="
            text = "%s%s%r" % (text, sep, self._default)
        if self._kind == _VAR_POSITIONAL:
            text = "*" + text
        elif self._kind == _VAR_KEYWORD:
            text = "**" + text
        return text

    def __repr__(self):
        return '<%s "%s">' % (type(self).__name__, self)

    def __eq__(self, other):
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind == other._kind and
                self._default == other._default and self._annotation == other._annotation)

    def __hash__(self):
        return hash((self._name, self._kind, self._annotation, self._default))


def _annotation_text(a):
    if isinstance(a, type):
        if a.__module__ == "builtins":
            return a.__qualname__
        return a.__module__ + "." + a.__qualname__
    return repr(a)


class BoundArguments:
    __slots__ = ("arguments", "_signature")

    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    signature = property(lambda self: self._signature)

    @property
    def args(self):
        out = []
        for name, p in self._signature.parameters.items():
            if p.kind in (_VAR_KEYWORD, _KEYWORD_ONLY) or name not in self.arguments:
                break
            if p.kind == _VAR_POSITIONAL:
                out.extend(self.arguments[name])
            else:
                out.append(self.arguments[name])
        return tuple(out)

    @property
    def kwargs(self):
        out = {}
        started = False
        for name, p in self._signature.parameters.items():
            if not started:
                if p.kind in (_VAR_KEYWORD, _KEYWORD_ONLY) or name not in self.arguments:
                    started = True
            if not started or name not in self.arguments:
                continue
            if p.kind == _VAR_KEYWORD:
                out.update(self.arguments[name])
            elif p.kind != _VAR_POSITIONAL:
                out[name] = self.arguments[name]
        return out

    def apply_defaults(self):
        new = {}
        for name, p in self._signature.parameters.items():
            if name in self.arguments:
                new[name] = self.arguments[name]
            elif p.default is not _empty:
                new[name] = p.default
            elif p.kind == _VAR_POSITIONAL:
                new[name] = ()
            elif p.kind == _VAR_KEYWORD:
                new[name] = {}
        self.arguments = new

    def __repr__(self):
        return "<BoundArguments (%s)>" % ", ".join(
            "%s=%r" % (k, v) for k, v in self.arguments.items())


class Signature:
    __slots__ = ("_parameters", "_return_annotation")

    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty, __validate_parameters__=True):
        params = {}
        if parameters is not None:
            top = 0
            seen_default = False
            for p in parameters:
                if p.kind < top:
                    raise ValueError("wrong parameter order: %s parameter before %s parameter"
                                     % (_KINDS[int(top)].description, p.kind.description))
                top = p.kind
                if p.kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
                    if p.default is _empty:
                        if seen_default:
                            raise ValueError("non-default argument follows default argument")
                    else:
                        seen_default = True
                if p.name in params:
                    raise ValueError("duplicate parameter name: %r" % p.name)
                params[p.name] = p
        self._parameters = params
        self._return_annotation = return_annotation

    @property
    def parameters(self):
        return dict(self._parameters)

    return_annotation = property(lambda self: self._return_annotation)

    def replace(self, *, parameters=_void, return_annotation=_void):
        return type(self)(list(self._parameters.values()) if parameters is _void else parameters,
                          return_annotation=self._return_annotation
                          if return_annotation is _void else return_annotation)

    def __eq__(self, other):
        if not isinstance(other, Signature):
            return NotImplemented
        return (list(self._parameters.values()) == list(other._parameters.values()) and
                self._return_annotation == other._return_annotation)

    def __str__(self):
        parts = []
        slash_pending = False
        star_needed = True
        for p in self._parameters.values():
            if p.kind == _POSITIONAL_ONLY:
                slash_pending = True
            elif slash_pending:
                parts.append("/")
                slash_pending = False
            if p.kind == _VAR_POSITIONAL:
                star_needed = False
            elif p.kind == _KEYWORD_ONLY and star_needed:
                parts.append("*")
                star_needed = False
            parts.append(str(p))
        if slash_pending:
            parts.append("/")
        text = "(%s)" % ", ".join(parts)
        if self._return_annotation is not _empty:
            text += " -> " + _annotation_text(self._return_annotation)
        return text

    def __repr__(self):
        return "<%s %s>" % (type(self).__name__, self)

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True):
        return signature(obj, follow_wrapped=follow_wrapped)

    def _bind(self, args, kwargs, partial):
        arguments = {}
        params = list(self._parameters.values())
        i = 0
        args = list(args)
        kwargs = dict(kwargs)
        for p in params:
            if p.kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
                if args:
                    if p.kind == _POSITIONAL_OR_KEYWORD and p.name in kwargs:
                        raise TypeError("multiple values for argument %r" % p.name)
                    arguments[p.name] = args.pop(0)
                    continue
                if p.kind == _POSITIONAL_OR_KEYWORD and p.name in kwargs:
                    arguments[p.name] = kwargs.pop(p.name)
                    continue
                if p.default is _empty and not partial:
                    raise TypeError("missing a required argument: %r" % p.name)
            elif p.kind == _VAR_POSITIONAL:
                if args:
                    arguments[p.name] = tuple(args)
                    args = []
            elif p.kind == _KEYWORD_ONLY:
                if p.name in kwargs:
                    arguments[p.name] = kwargs.pop(p.name)
                elif p.default is _empty and not partial:
                    raise TypeError("missing a required argument: %r" % p.name)
            else:
                if kwargs:
                    arguments[p.name] = kwargs
                    kwargs = {}
        if args:
            raise TypeError("too many positional arguments")
        if kwargs:
            raise TypeError("got an unexpected keyword argument %r" % next(iter(kwargs)))
        return BoundArguments(self, arguments)

    def bind(self, /, *args, **kwargs):
        return self._bind(args, kwargs, False)

    def bind_partial(self, /, *args, **kwargs):
        return self._bind(args, kwargs, True)


def _signature_of_function(func):
    code = func.__code__
    names = code.co_varnames
    npos = code.co_argcount
    nposonly = code.co_posonlyargcount
    nkw = code.co_kwonlyargcount
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    ann = getattr(func, "__annotations__", None) or {}
    params = []
    first_default = npos - len(defaults)
    for i in range(npos):
        kind = _POSITIONAL_ONLY if i < nposonly else _POSITIONAL_OR_KEYWORD
        d = defaults[i - first_default] if i >= first_default else _empty
        params.append(Parameter(names[i], kind, default=d,
                                annotation=ann.get(names[i], _empty)))
    idx = npos + nkw
    if code.co_flags & CO_VARARGS:
        params.append(Parameter(names[idx], _VAR_POSITIONAL,
                                annotation=ann.get(names[idx], _empty)))
        idx += 1
    for i in range(npos, npos + nkw):
        params.append(Parameter(names[i], _KEYWORD_ONLY, default=kwdefaults.get(names[i], _empty),
                                annotation=ann.get(names[i], _empty)))
    if code.co_flags & CO_VARKEYWORDS:
        params.append(Parameter(names[idx], _VAR_KEYWORD,
                                annotation=ann.get(names[idx], _empty)))
    return Signature(params, return_annotation=ann.get("return", _empty))


def _drop_first(sig):
    params = list(sig.parameters.values())
    if not params or params[0].kind in (_VAR_POSITIONAL, _KEYWORD_ONLY, _VAR_KEYWORD):
        if params and params[0].kind == _VAR_POSITIONAL:
            return sig
        raise ValueError("invalid method signature")
    return sig.replace(parameters=params[1:])


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    if not callable(obj):
        raise TypeError("{!r} is not a callable object".format(obj))
    if ismethod(obj):
        return _drop_first(signature(obj.__func__))
    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, "__signature__"))
    sig = getattr(obj, "__signature__", None)
    if sig is not None:
        if not isinstance(sig, Signature):
            raise TypeError("unexpected object {!r} in __signature__ attribute".format(sig))
        return sig
    if isfunction(obj):
        return _signature_of_function(obj)
    if isinstance(obj, type):
        for name in ("__new__", "__init__"):
            for base in obj.__mro__:
                if name in base.__dict__ and base is not object:
                    f = base.__dict__[name]
                    if isinstance(f, staticmethod):
                        f = f.__func__
                    if isfunction(f):
                        return _drop_first(_signature_of_function(f))
                    break
        if obj.__init__ is object.__init__ and obj.__new__ is object.__new__:
            return Signature()
        raise ValueError("no signature found for builtin type {!r}".format(obj))
    if isbuiltin(obj):
        raise ValueError("no signature found for builtin {!r}".format(obj))
    call = getattr(type(obj), "__call__", None)
    if call is not None and isfunction(call):
        return _drop_first(_signature_of_function(call))
    raise ValueError("callable {!r} is not supported by signature".format(obj))


def _unwrap_code(obj):
    obj = unwrap(obj) if isfunction(obj) else obj
    if ismethod(obj):
        obj = obj.__func__
    if isfunction(obj):
        obj = obj.__code__
    if istraceback(obj):
        obj = obj.tb_frame
    if isframe(obj):
        obj = obj.f_code
    return obj


def getsourcelines(obj):
    """(lines, first line number) of a function's, method's or code object's source: the `def`
    line (after its decorators) and every following line indented deeper (or blank)."""
    from _linesource import getline
    code = _unwrap_code(obj)
    if not iscode(code):
        raise TypeError("module, class, method, function, traceback, frame, or code object was "
                        "expected, got {}".format(type(obj).__name__))
    filename = code.co_filename
    first = code.co_firstlineno
    line = getline(filename, first)
    if not line:
        raise OSError("could not get source code")
    lines = [line]
    indent = len(line) - len(line.lstrip())
    n = first + 1
    while lines[-1].lstrip().startswith("@"):
        # decorators (co_firstlineno is the first one's line), then the def line itself
        line = getline(filename, n)
        if not line:
            break
        lines.append(line)
        n += 1
    while True:
        line = getline(filename, n)
        if not line:
            break
        stripped = line.strip()
        if stripped and len(line) - len(line.lstrip()) <= indent:
            break
        lines.append(line)
        n += 1
    while lines and not lines[-1].strip():
        lines.pop()
    return lines, first


def getsource(obj):
    return "".join(getsourcelines(obj)[0])
