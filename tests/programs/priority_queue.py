# A binary-heap priority queue (written by hand), used for heap sort and Dijkstra's shortest paths.
class PriorityQueue:
    def __init__(self):
        self.heap = []
        self.counter = 0  # tie-breaker keeps the order of equal priorities stable

    def __len__(self):
        return len(self.heap)

    def push(self, priority, item):
        self.heap.append((priority, self.counter, item))
        self.counter += 1
        i = len(self.heap) - 1
        while i > 0:
            parent = (i - 1) // 2
            if self.heap[i] < self.heap[parent]:
                self.heap[i], self.heap[parent] = self.heap[parent], self.heap[i]
                i = parent
            else:
                break

    def pop(self):
        top = self.heap[0]
        last = self.heap.pop()
        if self.heap:
            self.heap[0] = last
            i, n = 0, len(self.heap)
            while True:
                l, r, smallest = 2 * i + 1, 2 * i + 2, i
                if l < n and self.heap[l] < self.heap[smallest]:
                    smallest = l
                if r < n and self.heap[r] < self.heap[smallest]:
                    smallest = r
                if smallest == i:
                    break
                self.heap[i], self.heap[smallest] = self.heap[smallest], self.heap[i]
                i = smallest
        return top[0], top[2]

pq = PriorityQueue()
for word in "the quick brown fox jumps over the lazy dog".split():
    pq.push(len(word), word)
print([pq.pop() for _ in range(len(pq))])
nums = [(i * 7919) % 1009 for i in range(200)]
pq = PriorityQueue()
for x in nums:
    pq.push(x, x)
out = [pq.pop()[1] for _ in range(len(nums))]
print(out == sorted(nums), out[:10], out[-5:])

graph = {
    "A": {"B": 7, "C": 9, "F": 14},
    "B": {"A": 7, "C": 10, "D": 15},
    "C": {"A": 9, "B": 10, "D": 11, "F": 2},
    "D": {"B": 15, "C": 11, "E": 6},
    "E": {"D": 6, "F": 9},
    "F": {"A": 14, "C": 2, "E": 9},
}
def dijkstra(graph, start):
    dist = {start: 0}
    prev = {}
    pq = PriorityQueue()
    pq.push(0, start)
    done = set()
    while pq:
        d, node = pq.pop()
        if node in done:
            continue
        done.add(node)
        for nxt, w in graph[node].items():
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                prev[nxt] = node
                pq.push(nd, nxt)
    return dist, prev
dist, prev = dijkstra(graph, "A")
print(sorted(dist.items()))
path, node = [], "E"
while node != "A":
    path.append(node)
    node = prev[node]
print("->".join(["A"] + path[::-1]))
