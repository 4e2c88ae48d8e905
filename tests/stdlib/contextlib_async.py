# contextlib's async half: asynccontextmanager (enter/exit, exceptions thrown in, suppression,
# as a decorator), aclosing, AsyncExitStack (async and sync managers, callbacks, suppression,
# exception chaining), nullcontext under async with.
import asyncio
from contextlib import (asynccontextmanager, aclosing, AsyncExitStack, nullcontext,
                        AbstractAsyncContextManager, contextmanager)

log = []


@asynccontextmanager
async def resource(name, swallow=False):
    log.append(("open", name))
    try:
        yield name.upper()
    except ValueError as e:
        log.append(("caught", name, str(e)))
        if not swallow:
            raise
    finally:
        log.append(("close", name))


async def basics():
    async with resource("a") as r:
        log.append(("body", r))
    try:
        async with resource("b"):
            raise ValueError("boom")
    except ValueError as e:
        log.append(("outside", str(e)))
    async with resource("c", swallow=True):
        raise ValueError("swallowed")
    log.append("after swallow")

    @resource("deco")
    async def decorated(x):
        log.append(("in decorated", x))
        return x * 2
    log.append(("decorated ->", await decorated(21)))

    @asynccontextmanager
    async def no_yield():
        if False:
            yield
    try:
        async with no_yield():
            pass
    except RuntimeError as e:
        log.append(("RuntimeError", str(e)))

    @asynccontextmanager
    async def two_yields():
        yield 1
        yield 2
    try:
        async with two_yields():
            pass
    except RuntimeError as e:
        log.append(("RuntimeError", str(e)))


async def agen():
    try:
        for i in range(10):
            yield i
    finally:
        log.append("agen closed")


async def closing_demo():
    async with aclosing(agen()) as g:
        async for x in g:
            if x == 2:
                break
    log.append("after aclosing")


class AsyncCM(AbstractAsyncContextManager):
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        log.append(("aenter", self.name))
        return self

    async def __aexit__(self, *exc):
        log.append(("aexit", self.name, exc[0].__name__ if exc[0] else None))
        return self.name == "suppressor" and exc[0] is not None


@contextmanager
def sync_cm(name):
    log.append(("enter", name))
    yield name
    log.append(("exit", name))


async def stack_demo():
    async def acb(tag):
        log.append(("async callback", tag))

    async with AsyncExitStack() as stack:
        a = await stack.enter_async_context(AsyncCM("one"))
        s = stack.enter_context(sync_cm("two"))
        stack.callback(log.append, "sync callback")
        stack.push_async_callback(acb, "x")
        log.append(("entered", a.name, s))
    async with AsyncExitStack() as stack:
        await stack.enter_async_context(AsyncCM("suppressor"))
        await stack.enter_async_context(AsyncCM("inner"))
        raise KeyError("suppressed by the stack")
    log.append("stack suppressed")

    async def failing_exit(*exc):
        raise IndexError("from exit")
    try:
        async with AsyncExitStack() as stack:
            stack.push_async_exit(failing_exit)
            raise KeyError("original")
    except IndexError as e:
        log.append(("chained", type(e.__context__).__name__))

    stack = AsyncExitStack()
    await stack.enter_async_context(AsyncCM("manual"))
    moved = stack.pop_all()
    await stack.aclose()
    log.append("popped")
    await moved.aclose()
    try:
        await AsyncExitStack().enter_async_context(object())
    except TypeError as e:
        log.append(("TypeError", str(e)))
    async with nullcontext(5) as v:
        log.append(("nullcontext", v))


asyncio.run(basics())
asyncio.run(closing_demo())
asyncio.run(stack_demo())
for entry in log:
    print(entry)
