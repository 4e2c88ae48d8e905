"""minipy's coroutine helpers (private): the awaitables of async generators and the iterator
returned by coroutine.__await__(). The Rust side (objects/coroutine.rs) calls these by name.

An async generator's frame is resumed with its private `_step(throw, value)` method, which answers
`(wrapped, value)`: `wrapped` is true when the frame stopped at its own `yield value` (so the
awaitable finishes with that value: StopIteration(value)), false when an `await` inside it
suspended (the value passes through to the event loop)."""


class coroutine_wrapper:
    __slots__ = ("_coro",)

    def __init__(self, coro):
        self._coro = coro

    def __iter__(self):
        return self

    def __next__(self):
        return self._coro.send(None)

    def send(self, value):
        return self._coro.send(value)

    def throw(self, *args):
        return self._coro.throw(*args)

    def close(self):
        return self._coro.close()


class async_generator_asend:
    """agen.asend(value) / agen.__anext__(): sends `value` at the first step."""

    __slots__ = ("_agen", "_value", "_state")

    def __init__(self, agen, value):
        self._agen = agen
        self._value = value
        self._state = 0  # 0 not started, 1 running, 2 done

    def __await__(self):
        return self

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def _run(self, throw, value):
        if self._state == 2:
            raise RuntimeError("cannot reuse already awaited __anext__()/asend()")
        if self._state == 0:
            self._state = 1
            if not throw:
                value = self._value
        try:
            wrapped, v = self._agen._step(throw, value)
        except StopIteration:
            self._state = 2
            raise StopAsyncIteration from None
        except BaseException:
            self._state = 2
            raise
        if wrapped:
            self._state = 2
            raise StopIteration(v)
        return v

    def send(self, value):
        return self._run(False, value)

    def throw(self, typ, val=None, tb=None):
        if val is None:
            exc = typ() if isinstance(typ, type) else typ
        else:
            exc = typ(val) if isinstance(typ, type) else typ
        return self._run(True, exc)

    def close(self):
        self._state = 2


class async_generator_athrow:
    """agen.athrow(exc) / agen.aclose() (exc None: throw GeneratorExit and expect the end)."""

    __slots__ = ("_agen", "_exc", "_state")

    def __init__(self, agen, exc):
        self._agen = agen
        self._exc = exc
        self._state = 0

    def __await__(self):
        return self

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def _run(self, throw, value):
        if self._state == 2:
            raise RuntimeError("cannot reuse already awaited aclose()/athrow()")
        closing = self._exc is None
        if self._state == 0:
            self._state = 1
            throw = True
            value = GeneratorExit() if closing else self._exc
        try:
            wrapped, v = self._agen._step(throw, value)
        except StopIteration:
            self._state = 2
            if closing:
                raise StopIteration from None
            raise StopAsyncIteration from None
        except GeneratorExit:
            self._state = 2
            if closing:
                raise StopIteration from None
            raise
        except BaseException:
            self._state = 2
            raise
        if wrapped:
            if closing:
                self._state = 2
                raise RuntimeError("async generator ignored GeneratorExit")
            self._state = 2
            raise StopIteration(v)
        return v

    def send(self, value):
        return self._run(False, value)

    def throw(self, typ, val=None, tb=None):
        exc = typ() if isinstance(typ, type) and val is None else typ
        return self._run(True, exc)

    def close(self):
        self._state = 2
