# Coroutine protocol hooks that allocate (a minor collection moves what the eval loop and the
# coroutine natives hold) and mutate the objects being driven: __await__, __aiter__, __anext__,
# __aenter__, __aexit__, and the async generator's asend/athrow/aclose awaitables.
from _evil import churn, case


def run(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value


class Aw:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        churn()
        self.v = [self.v] * 3
        x = yield "tick"
        churn()
        return (self.v, x)


class AIt:
    def __init__(self):
        self.n = 0

    def __aiter__(self):
        churn()
        return self

    async def __anext__(self):
        churn()
        self.n += 1
        if self.n > 3:
            raise StopAsyncIteration
        return [self.n] * 10


class ACM:
    def __init__(self, suppress):
        self.suppress = suppress
        self.log = []

    async def __aenter__(self):
        churn()
        self.log.append("enter")
        return self.log

    async def __aexit__(self, t, e, tb):
        churn()
        self.log.append(t.__name__ if t else None)
        self.suppress = not self.suppress or self.suppress
        return self.suppress


async def agen():
    for i in range(3):
        churn()
        x = await Aw(i)
        yield (i, x[0])


async def main():
    out = []
    out.append(await Aw(1))
    async for v in AIt():
        out.append(sum(v))
    m = ACM(True)
    async with m as log:
        churn()
        raise KeyError("k")
    out.append(m.log)
    m = ACM(False)
    try:
        async with m:
            raise ValueError("v")
    except ValueError:
        out.append(m.log)
    async for v in agen():
        out.append(v)
    g = agen()
    out.append(await g.asend(None))
    try:
        await g.athrow(IndexError("i"))
    except IndexError as e:
        out.append(str(e))
    await g.aclose()
    return out


case("main", lambda: run(main()))


async def deep(n):
    if n == 0:
        churn()
        return [0] * 5
    r = await deep(n - 1)
    return r + [n]


case("deep", lambda: run(deep(30)))
