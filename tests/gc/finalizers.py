# __del__ and dropped generators: finalizers run once, when a collection finds the object dead
# (gc.collect() here makes CPython's immediate refcount finalization and minipy's agree).
import gc


class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


a = A(1)
del a
gc.collect()
print("after 1")

# a cycle of finalizable objects: both finalizers run in the same collection
b = A(2)
c = A(3)
b.other = c
c.other = b
del b, c
gc.collect()
print("after cycle")


class B(A):
    pass


x = B(4)
x = None
gc.collect()
print("inherited __del__")

# resurrection: __del__ stores self; it is never called a second time
keep = []


class R:
    def __del__(self):
        print("R del")
        keep.append(self)


r = R()
del r
gc.collect()
print(len(keep))
keep.clear()
gc.collect()
print("no second __del__")


# dropped suspended generators run their finally / __exit__
def g():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")


it = g()
next(it)
del it
gc.collect()
print("after gen")


class Ctx:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *a):
        print("exit", a[0])
        return False


def h():
    with Ctx():
        yield 1


it = h()
next(it)
it = None
gc.collect()
print("after with")


# a generator that catches GeneratorExit and yields again: RuntimeError reported, not raised
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("caught GeneratorExit")
        raise


s = stubborn()
next(s)
del s
gc.collect()

# not started / finished generators have nothing to run
it = g()
del it
it = g()
for _ in it:
    pass
del it
gc.collect()
print("nothing to finalize")

# evil __del__: allocates enough for collections and mutates shared state
count = 0
log = []


class Evil:
    def __init__(self, i):
        self.i = i

    def __del__(self):
        global count
        count += 1
        junk = [list(range(30)) for _ in range(30)]
        log.append(len(junk))
        if len(log) > 5:
            del log[:3]


for i in range(3000):
    Evil(i)
gc.collect()
print(count, len(log) <= 5)

# finalizers run inside a long loop too (not only when a function returns)
seen = []


class T:
    def __del__(self):
        seen.append(1)


t = T()
del t
gc.collect()
i = 0
while i < 1000:
    i += 1
print(len(seen))

# __del__ added by a subclass of a builtin type
class L(list):
    def __del__(self):
        print("list subclass del", len(self))


l = L([1, 2, 3])
del l
gc.collect()
print("gc.collect() counts", gc.collect() >= 0)

# objects still alive at exit are finalized after the script ends, in global order
last = A(99)
_private = A(98)
print("end")
