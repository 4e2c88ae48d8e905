"""The async half of contextlib (written for minipy from CPython's documentation):
AbstractAsyncContextManager, AsyncContextDecorator, asynccontextmanager, aclosing and
AsyncExitStack. contextlib imports these names; the sync ExitStack's bookkeeping (a list of
(is_sync, callback) pairs run last-in first-out) is shared by AsyncExitStack, which awaits the
async callbacks.
"""

import sys as _sys
from functools import wraps as _wraps


def _chain_context(new_exc, old_exc, frame_exc):
    # ExitStack/AsyncExitStack: chain old_exc into the context of new_exc (raised by a callback), as
    # raising it in the callback's place would, stopping at the exception the stack was exited with
    # (frame_exc). Shared with contextlib.ExitStack, which imports this module.
    while 1:
        exc_context = new_exc.__context__
        if exc_context is None or exc_context is old_exc:
            return
        if exc_context is frame_exc:
            break
        new_exc = exc_context
    new_exc.__context__ = old_exc


class AbstractAsyncContextManager:
    """A base for async context managers: __aenter__ returns self; subclasses define __aexit__."""

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc_value, traceback):
        return None

    def __class_getitem__(cls, item):
        return cls


class AsyncContextDecorator:
    """A base that lets an async context manager also decorate coroutine functions."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        @_wraps(func)
        async def inner(*args, **kwds):
            async with self._recreate_cm():
                return await func(*args, **kwds)
        return inner


class _AsyncGeneratorContextManager(AbstractAsyncContextManager, AsyncContextDecorator):
    """What an @asynccontextmanager function returns: runs the async generator to its yield on
    entry, and to its end (or throws the block's exception in) on exit."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds
        doc = getattr(func, "__doc__", None)
        if doc is None:
            doc = type(self).__doc__
        self.__doc__ = doc

    def _recreate_cm(self):
        return self.__class__(self.func, self.args, self.kwds)

    async def __aenter__(self):
        del self.args, self.kwds, self.func
        try:
            return await self.gen.__anext__()
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await self.gen.__anext__()
            except StopAsyncIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            await self.gen.athrow(value)
        except StopAsyncIteration as exc:
            # the generator swallowed the exception unless it is the one thrown in
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                return False
            if isinstance(value, (StopIteration, StopAsyncIteration)) and exc.__cause__ is value:
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            return False
        raise RuntimeError("generator didn't stop after athrow()")


def asynccontextmanager(func):
    """@asynccontextmanager: an async generator function yielding once becomes an async context
    manager factory (the code before the yield is __aenter__, the code after it __aexit__)."""
    @_wraps(func)
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    return helper


class aclosing(AbstractAsyncContextManager):
    """async with aclosing(agen) as g: ... awaits agen.aclose() at the end of the block."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


class AsyncExitStack(AbstractAsyncContextManager):
    """ExitStack for async code: also takes async context managers and coroutine callbacks, and
    closes with `await aclose()` or at the end of an `async with` block."""

    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        new_stack = type(self)()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack

    def push(self, exit):
        try:
            exit_method = type(exit).__exit__
        except AttributeError:
            self._exit_callbacks.append((True, exit))
        else:
            self._push(True, lambda *d: exit_method(exit, *d))
        return exit

    def push_async_exit(self, exit):
        """Register an async exit callback: an async context manager's __aexit__, or a
        coroutine function taking (exc_type, exc, tb)."""
        try:
            exit_method = type(exit).__aexit__
        except AttributeError:
            self._exit_callbacks.append((False, exit))
        else:
            self._push(False, lambda *d: exit_method(exit, *d))
        return exit

    def enter_context(self, cm):
        cls = type(cm)
        try:
            _enter, _exit = cls.__enter__, cls.__exit__
        except AttributeError:
            raise TypeError("'%s.%s' object does not support the context manager protocol"
                            % (cls.__module__, cls.__qualname__)) from None
        result = _enter(cm)
        self._push(True, lambda *d: _exit(cm, *d))
        return result

    async def enter_async_context(self, cm):
        """Enter the async context manager cm and push its __aexit__; returns what __aenter__
        returned."""
        cls = type(cm)
        try:
            _enter, _exit = cls.__aenter__, cls.__aexit__
        except AttributeError:
            raise TypeError("'%s.%s' object does not support the asynchronous context manager "
                            "protocol" % (cls.__module__, cls.__qualname__)) from None
        result = await _enter(cm)
        self._push(False, lambda *d: _exit(cm, *d))
        return result

    def callback(self, callback, /, *args, **kwds):
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._exit_callbacks.append((True, _exit_wrapper))
        return callback

    def push_async_callback(self, callback, /, *args, **kwds):
        """Register `await callback(*args, **kwds)` to run at exit."""
        async def _exit_wrapper(exc_type, exc, tb):
            await callback(*args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._exit_callbacks.append((False, _exit_wrapper))
        return callback

    def _push(self, is_sync, cb):
        self._exit_callbacks.append((is_sync, cb))

    async def aclose(self):
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        frame_exc = _sys.exc_info()[1]

        suppressed_exc = False
        pending_raise = False
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            try:
                if is_sync:
                    cb_suppress = cb(*exc_details)
                else:
                    cb_suppress = await cb(*exc_details)
                if cb_suppress:
                    suppressed_exc = True
                    pending_raise = False
                    exc_details = (None, None, None)
            except BaseException as e:
                new_exc_details = (type(e), e, e.__traceback__)
                _chain_context(new_exc_details[1], exc_details[1], frame_exc)
                pending_raise = True
                exc_details = new_exc_details
        if pending_raise:
            fixed_ctx = exc_details[1].__context__
            try:
                raise exc_details[1]
            except BaseException:
                exc_details[1].__context__ = fixed_ctx
                raise
        return received_exc and suppressed_exc
