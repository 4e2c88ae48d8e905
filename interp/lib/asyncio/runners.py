"""asyncio.run: a new loop runs the coroutine, then the tasks left are cancelled and the loop
closed."""

from . import coroutines, events, tasks
from .exceptions import CancelledError

__all__ = ("run", "Runner")


class Runner:
    """A context manager that runs coroutines on one loop, closed on exit (3.11)."""

    def __init__(self, *, debug=None, loop_factory=None):
        self._loop_factory = loop_factory
        self._loop = None
        self._closed = False

    def __enter__(self):
        self.get_loop()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def get_loop(self):
        if self._closed:
            raise RuntimeError("Runner is closed")
        if self._loop is None:
            factory = self._loop_factory or events.new_event_loop
            self._loop = factory()
            if self._loop_factory is None:
                events.set_event_loop(self._loop)
        return self._loop

    def run(self, coro, *, context=None):
        if not coroutines.iscoroutine(coro):
            raise ValueError("a coroutine was expected, got {!r}".format(coro))
        if events._get_running_loop() is not None:
            raise RuntimeError("Runner.run() cannot be called from a running event loop")
        return self.get_loop().run_until_complete(coro)

    def close(self):
        if self._closed or self._loop is None:
            self._closed = True
            return
        try:
            _cancel_all_tasks(self._loop)
        finally:
            if self._loop_factory is None:
                events.set_event_loop(None)
            self._loop.close()
            self._loop = None
            self._closed = True


def run(main, *, debug=None):
    if events._get_running_loop() is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if not coroutines.iscoroutine(main):
        raise ValueError("a coroutine was expected, got {!r}".format(main))
    loop = events.new_event_loop()
    events.set_event_loop(loop)
    try:
        return loop.run_until_complete(main)
    finally:
        try:
            _cancel_all_tasks(loop)
        finally:
            events.set_event_loop(None)
            loop.close()


def _cancel_all_tasks(loop):
    to_cancel = [t for t in tasks._all_tasks if t._loop is loop and not t.done()]
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(tasks.gather(*to_cancel, return_exceptions=True))
