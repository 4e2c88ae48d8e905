# An uncaught exception group with nested groups, member tracebacks and a member's context: the boxed report.
def f():
    raise ValueError("leaf")

def g():
    excs = []
    for i in range(2):
        try:
            f()
        except ValueError as e:
            excs.append(e)
    try:
        raise KeyError("ctx")
    except KeyError:
        excs.append(TypeError("with context"))
    excs.append(ExceptionGroup("nested", [OSError(1), ExceptionGroup("deeper", [ZeroDivisionError()])]))
    raise ExceptionGroup("top", excs)

g()
