# Reference cycles built, dropped and collected; survivors intact.
import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None
        self.children = []

def make_cycle(n):
    a = Node(f"a{n}")
    b = Node(f"b{n}")
    a.peer = b
    b.peer = a
    a.children.append(a)
    return a

keep = []
for i in range(2000):
    c = make_cycle(i)
    if i % 100 == 0:
        keep.append(c)
    lst = []
    lst.append(lst)
    d = {}
    d["self"] = d
gc.collect()
print(len(keep), [k.name for k in keep[:3]], keep[5].peer.name, keep[5].peer.peer is keep[5], keep[7].children[0] is keep[7])

def closure_cycle():
    def f():
        return f
    return f
for _ in range(500):
    closure_cycle()
gc.collect()

ring = [Node(str(i)) for i in range(1000)]
for i, n in enumerate(ring):
    n.peer = ring[(i + 1) % len(ring)]
start = ring[0]
del ring
gc.collect()
n, count = start.peer, 1
while n is not start:
    n = n.peer
    count += 1
print("ring size", count)
start.peer = None  # break the ring: the other 999 nodes become garbage
gc.collect()
print(start.name, start.peer)

class WithDel:
    deleted = 0
    def __init__(self):
        self.me = self
for _ in range(100):
    WithDel()
gc.collect()
gc.collect(0)
print("cycles collected; survivors:", len(keep), keep[-1].name)
