import asyncio
async def worker(name, d, log):
    await asyncio.sleep(d)
    log.append(name)
    return name.upper()
async def main():
    log = []
    r = await asyncio.gather(worker("b", 0.02, log), worker("a", 0.01, log), worker("c", 0, log))
    print(r, log) if False else print(r, log)
    t = asyncio.create_task(worker("x", 0.01, log))
    print(t.done())
    print(await t, t.done(), t.result())
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.01)
    except asyncio.TimeoutError:
        print("timeout")
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t.cancelled())
    q = asyncio.Queue()
    async def prod():
        for i in range(3):
            await q.put(i)
            await asyncio.sleep(0)
        await q.put(None)
    async def cons():
        out = []
        while (x := await q.get()) is not None:
            out.append(x)
        return out
    print(await asyncio.gather(prod(), cons()))
    lock = asyncio.Lock()
    order = []
    async def crit(n):
        async with lock:
            order.append(n)
            await asyncio.sleep(0)
            order.append(-n)
    await asyncio.gather(crit(1), crit(2))
    print(order)
    ev = asyncio.Event()
    async def waiter():
        await ev.wait()
        return "woke"
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    print(await t)
    sem = asyncio.Semaphore(2)
    print(sem.locked())
    print(asyncio.iscoroutinefunction(main), asyncio.iscoroutine(t), asyncio.get_running_loop() is not None)
    return 7
print(asyncio.run(main()))
import asyncio
async def f(x):
    await asyncio.sleep(0)
    return x * 2
with asyncio.Runner() as r:
    print(r.run(f(1)), r.run(f(2)))
async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, sum, [1, 2, 3]))
    print(await asyncio.to_thread(max, 3, 9))
asyncio.run(main())
