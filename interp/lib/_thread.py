"""minipy's _thread: minipy runs one thread, so a "new thread" runs its function to completion
at once, in the calling thread (start_new_thread returns after it). Locks are real state machines:
a blocking acquire of a lock that is already held could only be released by another thread, which
cannot exist, so it raises RuntimeError instead of hanging forever; with a timeout it waits that
long and fails, as it would in CPython."""

import time as _time

__all__ = ["allocate_lock", "LockType", "RLock", "get_ident", "get_native_id",
           "start_new_thread", "error", "TIMEOUT_MAX", "stack_size", "interrupt_main",
           "exit", "daemon_threads_allowed"]

error = RuntimeError
TIMEOUT_MAX = 9223372036.0

_MAIN_IDENT = 1
_ident = _MAIN_IDENT
_next_ident = _MAIN_IDENT + 1
_count = 0


def _check_timeout(blocking, timeout):
    if not blocking and timeout != -1:
        raise ValueError("can't specify a timeout for a non-blocking call")
    if timeout < 0 and timeout != -1:
        raise ValueError("timeout value must be a non-negative number")
    if timeout > TIMEOUT_MAX:
        raise OverflowError("timeout value is too large")


def _cannot_wake(what, blocking, timeout):
    """A wait no other thread can end: fail at once (non-blocking), after the timeout, or with
    RuntimeError (a blocking wait would never return)."""
    if not blocking:
        return False
    if timeout >= 0:
        if timeout > 0:
            _time.sleep(timeout)
        return False
    raise RuntimeError("deadlock: %s can only be released by another thread, and minipy "
                       "runs a single thread" % what)


class lock:
    __slots__ = ("_locked",)

    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        _check_timeout(blocking, timeout)
        if not self._locked:
            self._locked = True
            return True
        return _cannot_wake("this lock", blocking, timeout)

    acquire_lock = acquire

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False

    release_lock = release

    def locked(self):
        return self._locked

    locked_lock = locked

    def _at_fork_reinit(self):
        self._locked = False

    def __enter__(self):
        return self.acquire()

    def __exit__(self, t, v, tb):
        self.release()

    def __repr__(self):
        return "<%s _thread.lock object at %#x>" % (
            "locked" if self._locked else "unlocked", id(self))


LockType = lock


def allocate_lock():
    return lock()


class RLock:
    __slots__ = ("_owner", "_count")

    def __init__(self):
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        _check_timeout(blocking, timeout)
        me = get_ident()
        if self._count == 0 or self._owner == me:
            self._owner = me
            self._count += 1
            return True
        return _cannot_wake("this RLock", blocking, timeout)

    def release(self):
        if self._count == 0 or self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if self._count == 0:
            self._owner = None

    def _is_owned(self):
        return self._count > 0 and self._owner == get_ident()

    def locked(self):
        return self._count > 0

    def __enter__(self):
        return self.acquire()

    def __exit__(self, t, v, tb):
        self.release()

    def __repr__(self):
        return "<%s _thread.RLock object owner=%r count=%d at %#x>" % (
            "locked" if self._count else "unlocked", self._owner or 0, self._count, id(self))


def get_ident():
    return _ident


def get_native_id():
    return _ident


def _run_as_new_thread(function, args, kwargs):
    """Runs function(*args, **kwargs) under a fresh thread ident; returns (ident, exception)."""
    global _ident, _next_ident, _count
    saved = _ident
    ident = _next_ident
    _next_ident += 1
    _ident = ident
    _count += 1
    try:
        function(*args, **kwargs)
        return ident, None
    except SystemExit:
        return ident, None
    except BaseException as e:
        return ident, e
    finally:
        _count -= 1
        _ident = saved


def start_new_thread(function, args, kwargs=None):
    if not isinstance(args, tuple):
        raise TypeError("2nd arg must be a tuple")
    if kwargs is not None and not isinstance(kwargs, dict):
        raise TypeError("optional 3rd arg must be a dictionary")
    ident, exc = _run_as_new_thread(function, args, kwargs or {})
    if exc is not None:
        import sys
        import traceback
        print("Unhandled exception in thread started by %r" % (function,), file=sys.stderr)
        traceback.print_exception(exc, file=sys.stderr)
    return ident


def _count_threads():
    return _count


def stack_size(size=0):
    if size != 0 and size < 32768:
        raise ValueError("size not valid: %d bytes" % size)
    return 0


def interrupt_main(signum=2):
    raise KeyboardInterrupt


def exit():
    raise SystemExit


def daemon_threads_allowed():
    return True


class _local:
    """Thread-local data: one namespace per thread ident."""

    def __init__(self, *args, **kw):
        if (args or kw) and type(self).__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        object.__setattr__(self, "_local__dicts", {})
        object.__setattr__(self, "_local__args", (args, kw))
        object.__getattribute__(self, "_local__dicts")[get_ident()] = {}

    def _local__ns(self):
        dicts = object.__getattribute__(self, "_local__dicts")
        me = get_ident()
        if me not in dicts:
            dicts[me] = {}
            args, kw = object.__getattribute__(self, "_local__args")
            init = type(self).__init__
            if init is not _local.__init__:
                init(self, *args, **kw)
        return dicts[me]

    def __getattribute__(self, name):
        if name in ("__class__", "__dict__"):
            if name == "__dict__":
                return _local._local__ns(self)
            return object.__getattribute__(self, name)
        ns = _local._local__ns(self)
        if name in ns:
            return ns[name]
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name == "__dict__":
            raise AttributeError("%r object attribute '__dict__' is read-only"
                                 % type(self).__name__)
        _local._local__ns(self)[name] = value

    def __delattr__(self, name):
        ns = _local._local__ns(self)
        if name not in ns:
            raise AttributeError(name)
        del ns[name]
