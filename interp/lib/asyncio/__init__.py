"""minipy's asyncio: a single-threaded event loop (real clock, no I/O selector), Future and Task,
sleep/gather/wait_for/wait/shield/timeout, Lock/Event/Condition/Semaphore, Queue. Written from the
documented behaviour of CPython 3.11's asyncio; sockets, subprocesses, streams and threads are not
provided."""

from .exceptions import *
from .events import (AbstractEventLoop, Handle, TimerHandle, get_event_loop, get_running_loop,
                     new_event_loop, set_event_loop, _get_running_loop)
from .futures import Future, isfuture, wrap_future
from .coroutines import iscoroutine, iscoroutinefunction
from .tasks import (Task, create_task, ensure_future, sleep, gather, wait_for, wait, shield,
                    current_task, all_tasks, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED,
                    as_completed, to_thread)
from .locks import Lock, Event, Condition, Semaphore, BoundedSemaphore
from .queues import Queue, LifoQueue, PriorityQueue
from .timeouts import Timeout, timeout, timeout_at
from .runners import run, Runner
