import asyncio


async def boom(d):
    await asyncio.sleep(d)
    raise ValueError("boom %s" % d)


async def val(v, d=0):
    await asyncio.sleep(d)
    return v


async def main():
    print(await asyncio.gather(val(1), boom(0), val(3), return_exceptions=True))
    try:
        await asyncio.gather(val(1), boom(0))
    except ValueError as e:
        print("gather raised", e)
    t1 = asyncio.create_task(val("a", 0.01), name="first")
    t2 = asyncio.create_task(val("b", 0.05))
    print(t1.get_name(), t2.get_name().startswith("Task-"))
    done, pending = await asyncio.wait([t1, t2], return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    await t2
    inner = asyncio.create_task(val("shielded", 0.01))
    print(await asyncio.shield(inner))
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except asyncio.TimeoutError:
        print("timeout() expired")
    async with asyncio.timeout(1):
        await asyncio.sleep(0)
    print("within timeout")
    t = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    t.cancel("stop it")
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled with", e.args)
    print(t.cancelled(), t.done())
    try:
        t.result()
    except asyncio.CancelledError:
        print("result() raises CancelledError")
    f = asyncio.get_running_loop().create_future()
    try:
        f.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    f.add_done_callback(lambda fut: print("callback", fut.result()))
    f.set_result(42)
    await asyncio.sleep(0)
    print(f.done(), await f)
    sem = asyncio.Semaphore(2)
    active = []
    peak = []

    async def limited(i):
        async with sem:
            active.append(i)
            peak.append(len(active))
            await asyncio.sleep(0.001)
            active.remove(i)

    await asyncio.gather(*(limited(i) for i in range(5)))
    print("peak", max(peak))
    cond = asyncio.Condition()
    items = []

    async def consumer():
        async with cond:
            await cond.wait_for(lambda: items)
            return items.pop()

    async def producer():
        await asyncio.sleep(0)
        async with cond:
            items.append("item")
            cond.notify()

    print(await asyncio.gather(consumer(), producer()))
    q = asyncio.Queue(maxsize=1)
    order = []

    async def put_all():
        for i in range(3):
            await q.put(i)
            order.append(("put", i))

    async def get_all():
        for _ in range(3):
            v = await q.get()
            order.append(("got", v))
            q.task_done()

    await asyncio.gather(put_all(), get_all())
    await q.join()
    print(order)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    lock = asyncio.Lock()
    await lock.acquire()
    print(lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError", e)
    print(asyncio.current_task().get_name().startswith("Task-"), len(asyncio.all_tasks()))
    try:
        await asyncio.wait_for(boom(0), 1)
    except ValueError as e:
        print("wait_for passes", e)
    print(await asyncio.wait_for(val(5), None))
    return "done"


print(asyncio.run(main()))
try:
    asyncio.run(val(1))
    asyncio.run(5)
except ValueError as e:
    print("ValueError", e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError", e)
loop = asyncio.new_event_loop()
print(loop.run_until_complete(val(7)))
loop.close()
c = val(8)
try:
    loop.run_until_complete(c)
except RuntimeError as e:
    print("RuntimeError", e)
c.close()
