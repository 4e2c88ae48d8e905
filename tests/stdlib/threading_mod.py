import threading
import _thread

results = []


def work(n, out=None):
    out = results if out is None else out
    out.append((n, threading.current_thread().name, threading.get_ident() != main_ident))
    return n


main_ident = threading.get_ident()
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
ts = [threading.Thread(target=work, args=(i,)) for i in range(3)]
print([t.name for t in ts], [t.is_alive() for t in ts])
for t in ts:
    t.start()
for t in ts:
    t.join()
print(results)
print([t.is_alive() for t in ts], ts[0].ident is not None)
try:
    ts[0].start()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    threading.Thread(target=work).join()
except RuntimeError as e:
    print("RuntimeError", e)
t = threading.Thread(target=work, args=(9,), kwargs={"out": []}, name="custom", daemon=True)
print(t.name, t.daemon)
t.start()


class MyThread(threading.Thread):
    def __init__(self):
        super().__init__()
        self.value = None

    def run(self):
        self.value = threading.current_thread() is self


m = MyThread()
m.start()
m.join()
print(m.value, threading.current_thread() is threading.main_thread())

lock = threading.Lock()
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError", e)
with lock:
    print("in with", lock.locked())
print(lock.locked())
r = threading.RLock()
print(r.acquire(), r.acquire())
r.release()
r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)
with r:
    with r:
        print("reentrant")

ev = threading.Event()
print(ev.is_set(), ev.wait(0))
ev.set()
print(ev.is_set(), ev.wait())
ev.clear()
print(ev.is_set())

cond = threading.Condition()
with cond:
    print(cond.wait_for(lambda: True))
    cond.notify()
    cond.notify_all()
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError", e)

sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False))
sem.release()
bs = threading.BoundedSemaphore(1)
bs.acquire()
bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError", e)

data = threading.local()
data.x = 1


def set_local():
    data.x = 2
    results.append(("local in thread", data.x))


t = threading.Thread(target=set_local)
t.start()
t.join()
print(data.x, results[-1])

fired = []
tm = threading.Timer(0.001, lambda: fired.append("fired"))
tm.start()
tm.join()
print(fired)
print(threading.active_count(), len(threading.enumerate()))
l2 = _thread.allocate_lock()
print(type(l2).__name__, l2.acquire(), l2.locked())
