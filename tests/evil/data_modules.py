# Evil hooks for the data-module natives: math.fsum/gamma/lgamma/remainder/nextafter/ulp call
# __float__ (which allocates and mutates the list being summed), bytes.translate reads memoryviews,
# the opaque _hashlib/_random handles survive moves while hooks churn.
from _evil import churn, case
import math
import hashlib
import random

data = []


class F:
    def __init__(self, x):
        self.x = x

    def __float__(self):
        churn()
        data.append(F(0.0))  # mutates the list fsum is iterating
        return self.x


data.extend([F(0.1), 1, F(0.2), 0.3])
case("fsum mutating", lambda: math.fsum(iter(data[:4])))
print(len(data))
case("fsum list grows", lambda: math.fsum(data[:3] + [F(1e100), F(-1e100)]))
for name in ["gamma", "lgamma", "ulp"]:
    case(name, lambda: getattr(math, name)(F(2.5)))
for name in ["remainder", "nextafter"]:
    case(name, lambda: getattr(math, name)(F(7.5), F(2.0)))
case("translate", lambda: b"hello".translate(memoryview(bytes.maketrans(b"el", b"ip")), memoryview(b"o")))

h = hashlib.sha256(b"abc")
r = random.Random(5)
for i in range(3):
    churn()
    h.update(bytes([i]) * 1000)
    print(r.random(), r.getrandbits(40))
c = h.copy()
churn()
print(h.hexdigest() == c.hexdigest(), c.hexdigest())
