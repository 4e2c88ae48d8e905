# The standard exception classes as builtins: raise and catch each one.
classes = [BaseException, Exception, ArithmeticError, ZeroDivisionError, OverflowError, LookupError, KeyError, IndexError,
           TypeError, ValueError, AttributeError, NameError, UnboundLocalError, RuntimeError, RecursionError,
           NotImplementedError, StopIteration, AssertionError, ImportError, ModuleNotFoundError, OSError,
           KeyboardInterrupt, SystemExit, GeneratorExit]
for cls in classes:
    try:
        raise cls("msg")
    except BaseException as e:
        print(cls.__name__, type(e) is cls, isinstance(e, Exception), repr(str(e)), e.args)
print(issubclass(NotImplementedError, RuntimeError), issubclass(RecursionError, RuntimeError), issubclass(ModuleNotFoundError, ImportError))
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError("a", "b")), repr(IndexError()), str(ValueError(1, 2)))
