# error paths of await / async for / async with / coroutine objects
def run(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value

async def await_int():
    return await 5
async def afor_list():
    async for x in [1, 2]:
        pass
async def awith_obj():
    async with object():
        pass
class OnlyEnter:
    async def __aenter__(self):
        return self
async def awith_noexit():
    async with OnlyEnter():
        pass
class BadAwait:
    def __await__(self):
        return 42
async def await_bad():
    await BadAwait()
class NoNext:
    def __aiter__(self):
        return 1
async def afor_nonext():
    async for x in NoNext():
        pass
async def raises_stop():
    raise StopIteration("x")
for f in [await_int, afor_list, awith_obj, awith_noexit, await_bad, afor_nonext, raises_stop]:
    try:
        run(f())
    except Exception as e:
        print(f.__name__, type(e).__name__, e)

async def simple():
    return 1
c = simple()
print(run(c))
try:
    c.send(None)
except RuntimeError as e:
    print("reuse:", e)
c = simple()
try:
    c.send(1)
except TypeError as e:
    print(e)
c.close()
c = simple()
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("throw", repr(e))

class Tick:
    def __await__(self):
        yield "t"
async def waits():
    try:
        await Tick()
    except ValueError:
        return "handled"
c = waits()
print(c.send(None), c.cr_running, type(c.cr_await).__name__)
try:
    c.throw(ValueError)
except StopIteration as e:
    print("throw result", e.value)
c = waits()
c.send(None)
c.close()
print("closed", c.cr_await)
r = repr(simple.__code__)
print(r.startswith("<code object simple at 0x"))
c = simple()
print(repr(c).startswith("<coroutine object simple at 0x"))
c.close()
w = simple().__await__()
print(type(w).__name__)
try:
    next(w)
except StopIteration as e:
    print("wrapper", e.value)

for src in ["def f():\n    await x\n", "await x\n", "def f():\n    async for a in b: pass\n",
            "def f():\n    async with a: pass\n", "async def f():\n    yield from x\n",
            "async def f():\n    yield 1\n    return 2\n"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno)
