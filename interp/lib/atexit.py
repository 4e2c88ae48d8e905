"""atexit: functions to run when the interpreter exits.

The interpreter (run.rs) calls _run_exitfuncs() once at exit when this module was imported;
functions run last-registered first; an exception in one is reported on stderr and the rest
still run, as in CPython.
"""

_exithandlers = []


def register(func, *args, **kwargs):
    """Register func to be called with args and kwargs at exit; returns func (usable as a decorator)."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _exithandlers.append((func, args, kwargs))
    return func


def unregister(func):
    """Remove every registration of func (compared with ==)."""
    _exithandlers[:] = [h for h in _exithandlers if not (h[0] == func)]


def _clear():
    del _exithandlers[:]


def _ncallbacks():
    return len(_exithandlers)


def _run_exitfuncs():
    import sys
    while _exithandlers:
        func, args, kwargs = _exithandlers.pop()
        try:
            func(*args, **kwargs)
        except SystemExit:
            pass
        except BaseException as e:
            print("Exception ignored in atexit callback:", repr(func), file=sys.stderr)
            try:
                import traceback
                traceback.print_exception(type(e), e, e.__traceback__)
            except ImportError:
                print("%s: %s" % (type(e).__name__, e), file=sys.stderr)
