# types.coroutine: awaiting a generator-based coroutine (send/yield pass through, return value is
# the await's result), awaiting a plain generator is a TypeError, coroutines pass unchanged.
import types


@types.coroutine
def step(x):
    got = yield x + 1
    print("step got:", got)
    return x * 10


async def main():
    r = await step(1)
    print("awaited:", r)
    r = await step(2)
    return r + 1


c = main()
print("yielded:", c.send(None))
print("yielded:", c.send("a"))
try:
    c.send("b")
except StopIteration as e:
    print("result:", e.value)


def plain():
    yield 1


async def bad():
    await plain()


try:
    bad().send(None)
except TypeError as e:
    print("TypeError:", e)


async def native():
    return 5


wrapped = types.coroutine(native)
print(wrapped.__name__)
co = wrapped()
print(type(co) is types.CoroutineType)
try:
    co.send(None)
except StopIteration as e:
    print("native:", e.value)

# throw goes through to the generator
@types.coroutine
def catcher():
    try:
        yield "waiting"
    except ValueError as e:
        print("caught", e)
        return "recovered"


async def thrower():
    return await catcher()


t = thrower()
print(t.send(None))
try:
    t.throw(ValueError("boom"))
except StopIteration as e:
    print("after throw:", e.value)

try:
    types.coroutine(3)
except TypeError as e:
    print("TypeError:", e)
