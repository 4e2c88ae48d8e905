# stress: 50
# A 100000-node linked list built, made old, walked, mutated with young nodes and walked again.
import gc

class Node:
    def __init__(self, value, next):
        self.value = value
        self.next = next

head = None
for i in range(100000):
    head = Node(i, head)
gc.collect()

def walk(node):
    count = total = 0
    while node is not None:
        count += 1
        total += node.value
        node = node.next
    return count, total

print(walk(head))
# Splice young nodes into the old list every 1000 nodes.
node = head
i = 0
while node is not None:
    if i % 1000 == 0:
        node.next = Node(-1, node.next)
        node = node.next
    node = node.next
    i += 1
gc.collect(0)
print(walk(head))
gc.collect()
# Reverse in place.
prev = None
node = head
while node is not None:
    node.next, prev, node = prev, node, node.next
head = prev
gc.collect(0)
print(head.value, head.next.value, walk(head))
# Tuple-based cons cells.
cons = None
for i in range(50000):
    cons = (i, cons)
gc.collect()
n = 0
c = cons
while c:
    n += c[0]
    c = c[1]
print(n)
