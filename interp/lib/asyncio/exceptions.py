"""asyncio's exceptions. TimeoutError is the builtin one (as on 3.11) when the interpreter has it."""

__all__ = ("CancelledError", "InvalidStateError", "TimeoutError", "QueueEmpty", "QueueFull")


class CancelledError(BaseException):
    """The Future or Task was cancelled."""


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""


try:
    TimeoutError = TimeoutError
except NameError:
    class TimeoutError(OSError):
        """The operation exceeded the given deadline."""


class QueueEmpty(Exception):
    """Raised when Queue.get_nowait() is called on an empty Queue."""


class QueueFull(Exception):
    """Raised when the Queue.put_nowait() method is called on a full Queue."""
