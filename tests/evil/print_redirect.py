# stress: 20
# print() calling a replaced sys.stdout's write() (and file=f's) once per piece: the hook
# allocates enough to move objects and swaps sys.stdout / the file's write method mid-print.
# Also a dict subclass __eq__ (asked before the builtin rules) that allocates and mutates.
import sys
from _evil import churn, case

real = sys.stdout


class Sink:
    def __init__(self, name, side=None):
        self.name = name
        self.parts = []
        self.side = side

    def write(self, s):
        churn()
        self.parts.append(s)
        if self.side is not None:
            sd, self.side = self.side, None
            sd(self)
        return len(s)

    def flush(self):
        churn()


a = Sink("a")
sys.stdout = a
print("x", [1, 2], {"k": "v"}, sep="--", end="!\n")
sys.stdout = real
print(a.parts)

# the hook puts the real stdout back during the print: the rest still goes to the sink it began with
b = Sink("b", side=lambda s: setattr(sys, "stdout", real))
sys.stdout = b
print("one", "two", "three")
sys.stdout = real
print(b.parts)

# file= whose write is replaced by the hook: later pieces use the new method
c = Sink("c")
def swap(s):
    s.write = lambda t: s.parts.append(("new", t))
c.side = swap
print(1, 2, 3, file=c, flush=True)
print(c.parts)


class OD(dict):
    def __eq__(self, other):
        churn()
        self.clear()
        other["added"] = 1
        return "eq-result"

    def __lt__(self, other):
        churn()
        return "lt-result"


case("OD == dict", lambda: OD(a=1) == {"a": 1})
case("dict == OD", lambda: {"a": 1} == OD(a=1))
case("OD < dict", lambda: OD() < {})
case("dict > OD", lambda: {} > OD())
case("list of OD ==", lambda: [OD(a=1)] == [{"a": 1}])
