# except* (PEP 654): splitting, handling, re-raising unhandled parts, raising in handlers.
import sys


def show(label, f):
    try:
        f()
        print(label, "-> nothing raised")
    except BaseException as e:
        print(label, "->", type(e).__name__, repr(e))


def eg():
    return ExceptionGroup("eg", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), OSError(4)])])


def handle_all():
    try:
        raise eg()
    except* ValueError as e:
        print("  ValueError part:", repr(e))
    except* TypeError as e:
        print("  TypeError part:", repr(e))
    except* OSError as e:
        print("  OSError part:", repr(e))


show("all handled", handle_all)


def partial():
    try:
        raise eg()
    except* ValueError as e:
        print("  handled", repr(e))


show("partial", partial)


def each_clause_once():
    try:
        raise eg()
    except* (ValueError, TypeError) as e:
        print("  tuple clause got", repr(e))
    except* ValueError:
        print("  never: the values are gone")
    except* Exception as e:
        print("  the rest:", repr(e))


show("tuple and rest", each_clause_once)


def naked():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("  wrapped:", repr(e), type(e).__name__, repr(e.exceptions[0]))
        print("  exc_info is the match:", sys.exc_info()[1] is e)


show("naked handled", naked)


def naked_unmatched():
    try:
        raise KeyError("k")
    except* ValueError:
        print("  never")


show("naked unmatched", naked_unmatched)


def naked_reraise():
    try:
        raise ValueError("v")
    except* ValueError:
        raise


show("naked re-raised", naked_reraise)


def reraise_bare():
    try:
        raise eg()
    except* ValueError:
        raise
    except* TypeError:
        pass


show("bare raise keeps the structure", reraise_bare)


def raise_new():
    try:
        raise eg()
    except* ValueError:
        raise RuntimeError("from handler")
    except* TypeError:
        pass


show("new exception", raise_new)


def raise_new_and_unhandled():
    try:
        raise eg()
    except* ValueError:
        raise RuntimeError("r1")
    except* TypeError:
        raise KeyError("r2")


show("two raised plus rest", raise_new_and_unhandled)


def raise_new_context():
    try:
        try:
            raise ExceptionGroup("g", [ValueError(1)])
        except* ValueError:
            raise RuntimeError("in handler")
    except RuntimeError as e:
        print("  context:", repr(e.__context__))
        raise


show("context of a raised exception", raise_new_context)


def raise_from():
    try:
        raise eg()
    except* OSError as e:
        raise ZeroDivisionError("zd") from e


show("raise from", raise_from)


def name_cleared():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError as e:
        pass
    try:
        e
    except NameError as ne:
        print("  name cleared:", ne)


show("name", name_cleared)


def with_else_finally():
    for exc in [None, ExceptionGroup("g", [ValueError(1)]), ExceptionGroup("g", [KeyError(1)])]:
        try:
            try:
                if exc:
                    raise exc
                print("  body ok")
            except* ValueError:
                print("  handled value")
            else:
                print("  else")
            finally:
                print("  finally")
        except Exception as e:
            print("  escaped:", repr(e))


show("else/finally", with_else_finally)


def bad_type():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ExceptionGroup:
        pass


show("except* ExceptionGroup", bad_type)


def bad_type_tuple():
    try:
        raise ValueError
    except* (ValueError, BaseExceptionGroup):
        pass


show("except* (ValueError, BaseExceptionGroup)", bad_type_tuple)


def not_a_class():
    try:
        raise ValueError
    except* 42:
        pass


show("except* 42", not_a_class)


def nothing_raised():
    try:
        x = 1
    except* ValueError:
        print("never")
    return x


show("nothing raised", nothing_raised)


def in_loop():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ExceptionGroup("g", [ValueError(i)])
            out.append(i)
        except* ValueError as e:
            out.append(("handled", e.exceptions[0].args[0]))
    print("  ", out)


show("in a loop", in_loop)


def base_groups():
    try:
        raise BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError(1)])
    except* KeyboardInterrupt as e:
        print("  base part", type(e).__name__, repr(e))


show("base group", base_groups)


def nested_try_star():
    try:
        try:
            raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
        except* ValueError:
            print("  inner handled values")
    except* TypeError as e:
        print("  outer handled", repr(e))


show("nested", nested_try_star)


def handler_raises_group():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        raise ExceptionGroup("new", [KeyError(1), KeyError(2)])


show("handler raises a group", handler_raises_group)

# the compile-time rules
for src in [
    "for i in x:\n    try:\n        pass\n    except* E:\n        break\n",
    "for i in x:\n    try:\n        pass\n    except* E:\n        continue\n",
    "def f():\n    try:\n        pass\n    except* E:\n        return 1\n",
    "try:\n    pass\nexcept* E:\n    for i in x:\n        break\n",
    "try:\n    pass\nexcept* E:\n    def g():\n        return 1\n",
]:
    try:
        compile(src, "<src>", "exec")
        print("compiles")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, "line", e.lineno)
