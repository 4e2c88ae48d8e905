# async comprehensions: async for and await inside list/set/dict comprehensions and genexps
def run(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value


class Tick:
    def __await__(self):
        yield "tick"


async def agen(n):
    for i in range(n):
        await Tick()
        yield i


async def double(x):
    await Tick()
    return 2 * x


async def main():
    a = [x async for x in agen(4)]
    b = {x % 2 async for x in agen(5)}
    c = {x: x * x async for x in agen(3) if x != 1}
    d = [await double(x) for x in range(3)]
    e = [y async for x in agen(3) for y in range(x)]
    f = [[z async for z in agen(x)] for x in range(3)]
    g = (x * 10 async for x in agen(3))
    h = [v async for v in g]
    i = [await double(x) async for x in agen(3) if await double(x) > 0]
    return a, sorted(b), c, d, e, f, type(g).__name__, h, i


print(run(main()))
for src in ["def f():\n    return [x async for x in y]\n",
            "def f():\n    return [await x for x in y]\n",
            "def f():\n    return [[x async for x in y] for z in w]\n"]:
    try:
        compile(src, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno)
def ok():
    return (x async for x in agen(2))
print(type(ok()).__name__)
