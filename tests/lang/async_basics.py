import sys
async def add(a, b):
    return a + b
async def main():
    x = await add(1, 2)
    print("x", x)
    return x * 10
c = main()
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("done", e.value)

class Aw:
    def __await__(self):
        v = yield "suspend"
        return v * 2
async def m2():
    r = await Aw()
    return r
c = m2()
print(c.send(None))
try:
    c.send(21)
except StopIteration as e:
    print("ret", e.value)

class AIter:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 3: raise StopAsyncIteration
        return self.i
class ACM:
    async def __aenter__(self): print("enter"); return "val"
    async def __aexit__(self, t, e, tb): print("exit", t); return True
async def agen():
    for i in range(3):
        yield i
        await Aw2()
class Aw2:
    def __await__(self):
        return iter([])
async def m3():
    async for i in AIter():
        print("ai", i)
    async with ACM() as v:
        print("in", v)
        raise ValueError
    async for x in agen():
        print("ag", x)
    g = agen()
    print(await g.__anext__(), await g.asend(None))
    await g.aclose()
    print(type(g).__name__)
    return "m3"
def run(c):
    try:
        while True: c.send(None)
    except StopIteration as e:
        return e.value
print(run(m3()))
