# Subclasses of list and dict: overridden and inherited methods, super(), __missing__, attributes,
# special methods defined in Python on the subclass, and the GC keeping everything alive.
import gc


class MyList(list):
    def append(self, v):
        super().append(v * 2)


ml = MyList([1])
ml.append(5)
print(ml, len(ml), isinstance(ml, list), type(ml).__name__)
ml.tag = "t"
print(ml.tag, ml[0], ml[-1], [x for x in ml], sum(ml), sorted(ml), ml == [1, 10])


class MyDict(dict):
    def __missing__(self, key):
        return f"missing {key}"


md = MyDict(a=1)
print(md["a"], md["b"], md, len(md), isinstance(md, dict), "b" in md)


class Counter(dict):
    def __init__(self, items):
        super().__init__()
        for i in items:
            self[i] = self.get(i, 0) + 1

    def most(self):
        return max(self.items(), key=lambda kv: kv[1])


c = Counter("abracadabra")
gc.collect()
print(sorted(c.items()), c["a"], c.most())


class Stack(list):
    def push(self, x):
        self.append(x)

    def __repr__(self):
        return "Stack" + super().__repr__()


s = Stack()
for i in range(5):
    s.push([i] * i)
gc.collect(0)
print(s, s.pop(), len(s))


class Ordered(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)

    def __len__(self):
        return 99


o = Ordered()
o["x"] = 1
print(o["x"], len(o), dict(o))


class Evens(list):
    def __iter__(self):
        return iter([x for x in list.__iter__(self) if x % 2 == 0])

    def __contains__(self, x):
        return x == "anything"


e = Evens(range(7))
print(list(e), "anything" in e, 3 in e, len(e))
