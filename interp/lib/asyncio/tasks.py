"""Tasks (a coroutine driven by the loop), and the functions built on them: create_task,
ensure_future, sleep, gather, wait_for, wait, shield, current_task, all_tasks.

A task step sends into (or throws into) its coroutine: a yielded Future gets the task's wake-up as
done callback; a bare `yield` (sleep(0)) reschedules the step at once."""

from . import events
from . import coroutines
from .exceptions import CancelledError, InvalidStateError, TimeoutError
from .futures import Future, isfuture

__all__ = ("Task", "create_task", "ensure_future", "sleep", "gather", "wait_for", "wait",
           "shield", "current_task", "all_tasks", "FIRST_COMPLETED", "FIRST_EXCEPTION",
           "ALL_COMPLETED", "as_completed", "to_thread")

_current_tasks = {}
_all_tasks = []
_task_counter = 0


class Task(Future):
    def __init__(self, coro, *, loop=None, name=None):
        global _task_counter
        Future.__init__(self, loop=loop)
        if not coroutines.iscoroutine(coro):
            raise TypeError("a coroutine was expected, got %r" % (coro,))
        if name is None:
            _task_counter += 1
            name = "Task-%d" % _task_counter
        self._name = str(name)
        self._coro = coro
        self._fut_waiter = None
        self._must_cancel = False
        self._num_cancels_requested = 0
        self._loop.call_soon(self._step)
        _all_tasks.append(self)

    def __repr__(self):
        s = self._state.lower()
        return "<Task %s name=%r coro=%r>" % (s, self._name, self._coro)

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def get_coro(self):
        return self._coro

    def get_stack(self, *, limit=None):
        return []

    def set_result(self, result):
        raise RuntimeError("Task does not support set_result operation")

    def set_exception(self, exception):
        raise RuntimeError("Task does not support set_exception operation")

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def cancel(self, msg=None):
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def _step(self, exc=None):
        if self.done():
            return
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        loop = self._loop
        prev = _current_tasks.get(loop)
        _current_tasks[loop] = self
        try:
            try:
                if exc is None:
                    result = self._coro.send(None)
                else:
                    result = self._coro.throw(exc)
            except StopIteration as e:
                if self._must_cancel:
                    self._must_cancel = False
                    Future.cancel(self, msg=self._cancel_message)
                else:
                    Future.set_result(self, e.value)
            except CancelledError as e:
                self._cancel_message = e.args[0] if e.args else None
                Future.cancel(self, msg=self._cancel_message)
            except (KeyboardInterrupt, SystemExit) as e:
                Future.set_exception(self, e)
                raise
            except BaseException as e:
                Future.set_exception(self, e)
            else:
                blocking = getattr(result, "_asyncio_future_blocking", None)
                if blocking is not None:
                    if result is self:
                        loop.call_soon(self._step,
                                       RuntimeError("Task cannot await on itself: %r" % (self,)))
                    elif blocking:
                        result._asyncio_future_blocking = False
                        result.add_done_callback(self._wakeup)
                        self._fut_waiter = result
                        if self._must_cancel:
                            if self._fut_waiter.cancel(msg=self._cancel_message):
                                self._must_cancel = False
                    else:
                        loop.call_soon(self._step, RuntimeError(
                            "yield was used instead of yield from in task %r with %r"
                            % (self, result)))
                elif result is None:
                    loop.call_soon(self._step)
                else:
                    loop.call_soon(self._step,
                                   RuntimeError("Task got bad yield: %r" % (result,)))
        finally:
            if prev is None:
                _current_tasks.pop(loop, None)
            else:
                _current_tasks[loop] = prev
            if self.done() and self in _all_tasks:
                _all_tasks.remove(self)

    def _wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self._step(exc)
        else:
            self._step()


def create_task(coro, *, name=None, context=None):
    return events.get_running_loop().create_task(coro, name=name)


def ensure_future(coro_or_future, *, loop=None):
    if isfuture(coro_or_future):
        return coro_or_future
    if loop is None:
        loop = events.get_event_loop()
    if coroutines.iscoroutine(coro_or_future):
        return loop.create_task(coro_or_future)
    if hasattr(coro_or_future, "__await__"):
        return loop.create_task(_wrap_awaitable(coro_or_future))
    raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")


async def _wrap_awaitable(aw):
    return await aw


def current_task(loop=None):
    if loop is None:
        loop = events.get_running_loop()
    return _current_tasks.get(loop)


def all_tasks(loop=None):
    if loop is None:
        loop = events.get_running_loop()
    return {t for t in _all_tasks if t._loop is loop and not t.done()}


class _Yield0:
    """`await _Yield0()` gives the loop one turn (a bare yield to the task step)."""

    def __await__(self):
        yield


async def sleep(delay, result=None):
    if delay <= 0:
        await _Yield0()
        return result
    loop = events.get_running_loop()
    future = loop.create_future()
    h = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        h.cancel()


def _set_result_unless_cancelled(fut, result):
    if not fut.cancelled():
        fut.set_result(result)


class _GatheringFuture(Future):
    def __init__(self, children, *, loop):
        Future.__init__(self, loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        loop = events.get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer
    arg_to_fut = {}
    children = []
    loop = None
    for arg in coros_or_futures:
        if id(arg) in arg_to_fut:
            fut = arg_to_fut[id(arg)]
        else:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut.get_loop()
            arg_to_fut[id(arg)] = fut
        children.append(fut)
    outer = _GatheringFuture(children, loop=loop)
    state = [0]
    nfuts = len(arg_to_fut)

    def _done_callback(fut):
        state[0] += 1
        if outer.done():
            if not fut.cancelled():
                fut.exception()
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if state[0] == nfuts:
            results = []
            for f in children:
                if f.cancelled():
                    res = f._make_cancelled_error()
                else:
                    res = f.exception()
                    if res is None:
                        res = f.result()
                results.append(res)
            if outer._cancel_requested:
                outer.set_exception(CancelledError())
            else:
                outer.set_result(results)

    for fut in arg_to_fut.values():
        fut.add_done_callback(_done_callback)
    return outer


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _cancel_and_wait(fut):
    loop = events.get_running_loop()
    waiter = loop.create_future()

    def cb(f):
        _release_waiter(waiter)

    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    loop = events.get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    fut = ensure_future(fut, loop=loop)

    def cb(f):
        _release_waiter(waiter)

    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(cb)
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    if isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError("expect a list of futures, not %s" % type(fs).__name__)
    if not fs:
        raise ValueError("Set of Tasks/Futures is empty.")
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError("Invalid return_when value: %s" % (return_when,))
    loop = events.get_running_loop()
    fs = list(fs)
    for f in fs:
        if coroutines.iscoroutine(f):
            raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = [len(fs)]

    def _on_completion(f):
        counter[0] -= 1
        if (counter[0] <= 0 or return_when == FIRST_COMPLETED or
                (return_when == FIRST_EXCEPTION and not f.cancelled()
                 and f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            _release_waiter(waiter)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


def as_completed(fs, *, timeout=None):
    raise NotImplementedError("asyncio.as_completed is not implemented by minipy")


def shield(arg):
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = inner.get_loop()
    outer = loop.create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


async def to_thread(func, /, *args, **kwargs):
    """Calls func(*args, **kwargs) in the current thread (minipy runs one thread): the event loop
    waits for it instead of running other tasks meanwhile."""
    return func(*args, **kwargs)
