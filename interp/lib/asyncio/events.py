"""The event loop: one thread, callbacks run in FIFO order, timers ordered by deadline then by
scheduling order. The clock is real (time.monotonic): when nothing is ready the loop sleeps until
the next timer. There is no I/O selector: the loop only runs callbacks, timers and tasks.

The running loop is a module global (minipy runs one thread)."""

import time as _time

__all__ = ("AbstractEventLoop", "Handle", "TimerHandle", "get_event_loop", "get_running_loop",
           "new_event_loop", "set_event_loop", "_get_running_loop")

_running_loop = None
_event_loop = None


class Handle:
    __slots__ = ("_callback", "_args", "_cancelled", "_loop")

    def __init__(self, callback, args, loop):
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._loop = loop

    def cancel(self):
        self._cancelled = True

    def cancelled(self):
        return self._cancelled

    def _run(self):
        self._callback(*self._args)


class TimerHandle(Handle):
    __slots__ = ("_when",)

    def __init__(self, when, callback, args, loop):
        Handle.__init__(self, callback, args, loop)
        self._when = when

    def when(self):
        return self._when


class AbstractEventLoop:
    pass


class BaseEventLoop(AbstractEventLoop):
    def __init__(self):
        self._ready = []
        self._scheduled = []  # sorted by (when, seq)
        self._seq = 0
        self._stopping = False
        self._closed = False
        self._running = False
        self._task_count = 0

    def __repr__(self):
        return "<%s running=%s closed=%s debug=False>" % (
            type(self).__name__, self._running, self._closed)

    def time(self):
        return _time.monotonic()

    def _check_closed(self):
        if self._closed:
            raise RuntimeError("Event loop is closed")

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        h = Handle(callback, args, self)
        self._ready.append(h)
        return h

    def call_later(self, delay, callback, *args, context=None):
        return self.call_at(self.time() + delay, callback, *args)

    def call_at(self, when, callback, *args, context=None):
        self._check_closed()
        h = TimerHandle(when, callback, args, self)
        self._seq += 1
        key = (when, self._seq)
        s = self._scheduled
        i = len(s)
        while i > 0 and s[i - 1][0] > key:
            i -= 1
        s.insert(i, (key, h))
        return h

    def create_future(self):
        from .futures import Future
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        from .tasks import Task
        return Task(coro, loop=self, name=name)

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def stop(self):
        self._stopping = True

    def close(self):
        if self._running:
            raise RuntimeError("Cannot close a running event loop")
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()

    def run_in_executor(self, executor, func, *args):
        """Runs func(*args) at once, in this thread (minipy has one), and returns a done future."""
        fut = self.create_future()
        try:
            fut.set_result(func(*args))
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as e:
            fut.set_exception(e)
        return fut

    def get_debug(self):
        return False

    def set_debug(self, enabled):
        pass

    def run_forever(self):
        global _running_loop
        self._check_closed()
        if self._running:
            raise RuntimeError("This event loop is already running")
        if _running_loop is not None:
            raise RuntimeError("Cannot run the event loop while another loop is running")
        self._running = True
        _running_loop = self
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._running = False
            _running_loop = None

    def run_until_complete(self, future):
        from .futures import isfuture
        from .tasks import ensure_future
        self._check_closed()
        new_task = not isfuture(future)
        future = ensure_future(future, loop=self)
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()

    def _run_once(self):
        s = self._scheduled
        if not self._ready and s and not self._stopping:
            delay = s[0][0][0] - self.time()
            if delay > 0:
                _time.sleep(delay)
        now = self.time()
        while s and s[0][0][0] <= now:
            h = s.pop(0)[1]
            if not h._cancelled:
                self._ready.append(h)
        if not self._ready and not s and not self._stopping:
            # Nothing can ever happen again: a deadlock of the program's own making.
            raise RuntimeError("minipy asyncio: no callback or timer left to run (deadlock)")
        n = len(self._ready)
        for _ in range(n):
            h = self._ready.pop(0)
            if not h._cancelled:
                h._run()


def _run_until_complete_cb(fut):
    fut.get_loop().stop()


def _get_running_loop():
    return _running_loop


def get_running_loop():
    if _running_loop is None:
        raise RuntimeError("no running event loop")
    return _running_loop


def get_event_loop():
    global _event_loop
    if _running_loop is not None:
        return _running_loop
    if _event_loop is None or _event_loop.is_closed():
        _event_loop = new_event_loop()
    return _event_loop


def set_event_loop(loop):
    global _event_loop
    _event_loop = loop


def new_event_loop():
    return BaseEventLoop()
