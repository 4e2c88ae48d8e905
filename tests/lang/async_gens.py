# async generators: asend/athrow/aclose, wrapped values vs awaits, errors
def run(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value

class Suspend:
    def __await__(self):
        x = yield "tick"
        return x

async def agen():
    try:
        got = yield 1
        print("got", got)
        await Suspend()
        got = yield 2
        print("got", got)
        yield 3
    finally:
        print("agen finally")

async def main():
    g = agen()
    print(type(g).__name__, g.__aiter__() is g)
    print(await g.__anext__())
    print(await g.asend("A"))
    try:
        await g.athrow(ValueError("thrown"))
    except ValueError as e:
        print("athrow raised", e)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted")
    g2 = agen()
    print(await g2.__anext__())
    await g2.aclose()
    try:
        await g2.__anext__()
    except StopAsyncIteration:
        print("closed exhausted")
    # async comprehension-free collection
    out = []
    async for v in agen():
        out.append(v)
    print(out)

    async def bad():
        yield 1
        raise StopAsyncIteration
    try:
        async for v in bad():
            print("bad", v)
    except RuntimeError as e:
        print("RuntimeError", e)

    async def ignore_exit():
        try:
            yield 1
        except GeneratorExit:
            pass
        yield 2
    g3 = ignore_exit()
    await g3.__anext__()
    try:
        await g3.aclose()
    except RuntimeError as e:
        print("RuntimeError", e)
    try:
        await g3.__anext__()
    except StopAsyncIteration:
        print("g3 done")
    async def athrow_catch():
        try:
            yield 1
        except KeyError:
            yield "caught"
    g4 = athrow_catch()
    await g4.__anext__()
    print(await g4.athrow(KeyError))
    return "end"

c = main()
print(c.send(None))
print(run(c))

# the tick from Suspend passes through __anext__'s awaitable unwrapped
async def agen2():
    got = yield 1
    await Suspend()
    yield got
g = agen2()
aw = g.__anext__()
try:
    aw.send(None)
except StopIteration as e:
    print("first value", e.value)
aw = g.asend("B")
print("yielded", aw.send(None))
try:
    aw.send("resumed")
except StopIteration as e:
    print("second value", e.value)
