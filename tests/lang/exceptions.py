# try/except/else/finally, raise from, custom exceptions, the standard hierarchy, args and str.
def check(n):
    try:
        if n == 0:
            raise ValueError("zero")
        r = 10 // n
    except ValueError as e:
        print("  except ValueError", e)
        return "value-error"
    else:
        print("  else", r)
        return "ok"
    finally:
        print("  finally", n)
print(check(0))
print(check(5))
def finally_overrides():
    try:
        return "try"
    finally:
        print("  finally runs before return")
print(finally_overrides())
for exc in (ZeroDivisionError, KeyError, IndexError, TypeError, ValueError, AttributeError, NameError, StopIteration,
            OverflowError, RecursionError, NotImplementedError, UnboundLocalError, ModuleNotFoundError, FileNotFoundError,
            AssertionError, RuntimeError, KeyboardInterrupt, SystemExit, LookupError, ArithmeticError):
    print(exc.__name__, [c.__name__ for c in exc.__mro__[1:]])
try:
    1 / 0
except ArithmeticError as e:
    print("caught as ArithmeticError:", type(e).__name__, e)
try:
    {}["k"]
except LookupError as e:
    print("caught as LookupError:", type(e).__name__, e)
try:
    [][0]
except (KeyError, IndexError) as e:
    print("tuple of types:", type(e).__name__)
class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, table, code):
        super().__init__(f"table {table} failed with {code}")
        self.table = table
        self.code = code
try:
    raise DbError("users", 42)
except AppError as e:
    print(type(e).__name__, e, e.table, e.code, e.args, isinstance(e, Exception))
e = ValueError("a", 1)
print(e.args, str(e), repr(e), str(ValueError()), repr(ValueError()), str(ValueError("only")), repr(KeyError("k")))
try:
    try:
        int("x")
    except ValueError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, "| cause:", type(e.__cause__).__name__, e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("during handling")
except KeyError as e:
    print(repr(e), "| context:", type(e.__context__).__name__, e.__cause__)
try:
    try:
        raise ValueError("inner")
    except ValueError:
        print("re-raising")
        raise
except ValueError as e:
    print("re-raised:", e)
try:
    raise TypeError
except TypeError as e:
    print("class raised:", repr(e), e.args)
def nested():
    try:
        try:
            raise IndexError("deep")
        finally:
            print("  inner finally")
    except KeyError:
        print("not here")
    finally:
        print("  outer finally")
try:
    nested()
except IndexError as e:
    print("propagated:", e)
result = []
for i in range(4):
    try:
        if i % 2:
            continue
        result.append(i)
    finally:
        result.append("f")
print(result)
try:
    raise Exception("base", "two")
except Exception as e:
    print(e, len(e.args))
def raise_in_except():
    try:
        raise ValueError(1)
    except ValueError:
        try:
            raise TypeError(2)
        except TypeError as t:
            return repr(t)
print(raise_in_except())
try:
    raise AppError()
except Exception as e:
    print(repr(e), str(e) == "")
err = None
try:
    raise ValueError("kept")
except ValueError as e:
    err = e
print(err, type(err).__name__)
class WithStr(Exception):
    def __str__(self):
        return "custom str"
try:
    raise WithStr(1, 2)
except WithStr as e:
    print(e, e.args)
try:
    raise StopIteration(5)
except StopIteration as e:
    print("StopIteration", e.value)
print(issubclass(DbError, Exception), issubclass(KeyboardInterrupt, Exception), issubclass(KeyboardInterrupt, BaseException))
try:
    try:
        raise ValueError("x")
    except ValueError as e:
        raise ValueError("y") from None
except ValueError as e:
    print(e, e.__cause__, e.__suppress_context__)
