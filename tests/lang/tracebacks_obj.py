# traceback objects (tb_frame, tb_lineno, tb_next, tb_lasti), frames, sys._getframe, exc_info
import sys


def inner():
    raise ValueError("boom")


def outer():
    inner()


try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    print(type(tb).__name__, type(tb.tb_frame).__name__)
    names = []
    while tb is not None:
        f = tb.tb_frame
        names.append((tb.tb_lineno, f.f_code.co_name, f.f_globals is globals(),
                      isinstance(tb.tb_lasti, int)))
        tb = tb.tb_next
    print(names)
    info = sys.exc_info()
    print(info[0].__name__, info[1] is e, info[2].tb_lineno, info[2].tb_next.tb_frame.f_code.co_name)
    inner_frame = info[2].tb_next.tb_next.tb_frame
    print(inner_frame.f_back.f_code.co_name, inner_frame.f_lineno)
    print(e.with_traceback(None) is e, e.__traceback__)
print(sys.exc_info())

saved = None
try:
    outer()
except ValueError as e:
    saved = e.__traceback__
try:
    raise KeyError("k").with_traceback(saved)
except KeyError as e:
    lines = []
    tb = e.__traceback__
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print(lines)
e = RuntimeError("fresh")
print(e.__traceback__, e.__cause__, e.__context__, e.__suppress_context__)
try:
    e.with_traceback(5)
except TypeError as x:
    print("TypeError", x)


def g(a, b=2):
    c = a + b
    loc = sys._getframe().f_locals
    f = sys._getframe()
    print(f.f_code.co_name, sorted(loc), loc["c"], f.f_back.f_code.co_name)
    print(sys._getframe(1).f_code.co_name, f.f_back.f_lineno, f.f_globals is globals())
    print(f.f_builtins is __builtins__ or f.f_builtins is getattr(__builtins__, "__dict__", None))
    return c


g(1)


def closure():
    x = 10

    def inner2():
        return sys._getframe().f_locals, x
    return inner2()


print(closure())
top = sys._getframe()
print(top.f_code.co_name, top.f_back, top.f_locals is globals())
try:
    sys._getframe(1000)
except ValueError as x:
    print(x)
