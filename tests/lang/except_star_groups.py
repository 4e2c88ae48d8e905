# ExceptionGroup / BaseExceptionGroup: construction checks, attributes, split/subgroup/derive,
# str and repr (CPython 3.11 messages).


def attempt(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "raises", type(e).__name__, e)


attempt("no args", lambda: ExceptionGroup())
attempt("one arg", lambda: ExceptionGroup("m"))
attempt("three args", lambda: ExceptionGroup("m", [ValueError()], 3))
attempt("message not str", lambda: ExceptionGroup(1, [ValueError()]))
attempt("exceptions not a sequence", lambda: ExceptionGroup("m", ValueError()))
attempt("exceptions a set", lambda: ExceptionGroup("m", {ValueError()}))
attempt("exceptions None", lambda: ExceptionGroup("m", None))
attempt("empty", lambda: ExceptionGroup("m", []))
attempt("item not an exception", lambda: ExceptionGroup("m", [ValueError(), 1]))
attempt("class, not instance", lambda: ExceptionGroup("m", [ValueError]))
attempt("base exception in ExceptionGroup", lambda: ExceptionGroup("m", [KeyboardInterrupt()]))
attempt("tuple", lambda: ExceptionGroup("m", (ValueError(1),)))

beg = BaseExceptionGroup("b", [ValueError(1)])
print(type(beg).__name__, isinstance(beg, Exception), isinstance(beg, BaseExceptionGroup))
beg2 = BaseExceptionGroup("b", [ValueError(1), SystemExit(2)])
print(type(beg2).__name__, isinstance(beg2, Exception))
print(issubclass(ExceptionGroup, BaseExceptionGroup), issubclass(ExceptionGroup, Exception))
print(ExceptionGroup.__mro__)
print(ExceptionGroup, BaseExceptionGroup, ExceptionGroup.__name__, ExceptionGroup.__module__)

excs = [ValueError("v"), TypeError("t")]
eg = ExceptionGroup("two", excs)
print(str(eg), "|", repr(eg))
print(eg.message, eg.exceptions, eg.args, eg.exceptions is eg.exceptions)
print(eg.args[1] is excs, type(eg.exceptions).__name__)
one = ExceptionGroup("one", [ValueError()])
print(str(one), "|", repr(one))


class MyEG(ExceptionGroup):
    pass


class MyBaseEG(BaseExceptionGroup):
    pass


my = MyEG("mine", [ValueError(1)])
print(type(my).__name__, repr(my), str(my))
attempt("MyEG with base exception", lambda: MyEG("m", [KeyboardInterrupt()]))
mb = MyBaseEG("mb", [KeyboardInterrupt()])
print(type(mb).__name__, repr(mb))
print(type(MyBaseEG("mb", [ValueError()])).__name__)

# derive makes a plain group; split and subgroup keep the structure
nested = ExceptionGroup("outer", [
    ValueError(1),
    ExceptionGroup("inner", [TypeError(2), ValueError(3)]),
    KeyError(4),
])
print(repr(nested.derive([ValueError(9)])))
print(type(my.derive([ValueError(9)])).__name__)
print(repr(nested.subgroup(ValueError)))
print(repr(nested.subgroup(TypeError)))
print(repr(nested.subgroup(OSError)))
print(nested.subgroup(Exception) is nested)
print(repr(nested.subgroup((TypeError, KeyError))))
print(repr(nested.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "inner")))
m, r = nested.split(ValueError)
print(repr(m))
print(repr(r))
m, r = nested.split(Exception)
print(m is nested, r)
m, r = nested.split(ZeroDivisionError)
print(m, r is nested)
m, r = nested.split(lambda e: isinstance(e, LookupError))
print(repr(m), "/", repr(r))
attempt("split by a non-type", lambda: nested.split(1))
attempt("split by an instance", lambda: nested.split(ValueError()))
attempt("subgroup by a tuple with a non-type", lambda: nested.subgroup((ValueError, 1)))

# split keeps traceback, cause, context and notes on each part
try:
    try:
        raise OSError("ctx")
    except OSError:
        raise ExceptionGroup("meta", [ValueError(1), TypeError(2)]) from KeyError("cause")
except ExceptionGroup as e:
    e.add_note("a note") if hasattr(e, "add_note") else None
    m, r = e.split(ValueError)
    print(repr(m.__cause__), repr(m.__context__), m.__suppress_context__)
    print(repr(r.__cause__), repr(r.__context__))
    print(m.__traceback__ is not None, r.__traceback__ is not None)


# derive overridden by a subclass is used by split
class Tagged(ExceptionGroup):
    def __new__(cls, message, excs, tag=None):
        self = super().__new__(cls, message, excs)
        self.tag = tag
        return self

    def __init__(self, message, excs, tag=None):
        super().__init__(message, excs)

    def derive(self, excs):
        return Tagged(self.message, excs, self.tag)


t = Tagged("tagged", [ValueError(1), TypeError(2)], tag="T")
m, r = t.split(ValueError)
print(type(m).__name__, m.tag, repr(m.exceptions), type(r).__name__, r.tag)


class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 42


attempt("derive returning a non-group", lambda: BadDerive("bd", [ValueError(), TypeError()]).split(ValueError))

# groups are exceptions: raising and catching with plain except
try:
    raise ExceptionGroup("plain", [ValueError(1)])
except ExceptionGroup as e:
    print("plain except caught", repr(e))
try:
    raise BaseExceptionGroup("base", [KeyboardInterrupt()])
except BaseExceptionGroup as e:
    print("caught", type(e).__name__, repr(e.exceptions))
