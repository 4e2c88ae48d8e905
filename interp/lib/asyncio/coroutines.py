"""iscoroutine / iscoroutinefunction."""

__all__ = ("iscoroutine", "iscoroutinefunction")


async def _probe():
    pass


_c = _probe()
_CoroutineType = type(_c)
_c.close()
del _c

_CO_COROUTINE = 0x80


def iscoroutine(obj):
    return isinstance(obj, _CoroutineType)


def iscoroutinefunction(func):
    func = getattr(func, "__func__", func)
    code = getattr(func, "__code__", None)
    return code is not None and bool(code.co_flags & _CO_COROUTINE)
