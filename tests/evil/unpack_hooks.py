# stress: 5
# Unpacking a non-sequence iterable: __iter__/__next__ hooks allocate enough for a collection and
# mutate their source while UNPACK_SEQUENCE holds the iterator and the items taken so far.
from _evil import churn, case


class It:
    def __init__(self, src):
        self.src = src

    def __iter__(self):
        churn()
        return self

    def __next__(self):
        churn()
        if not self.src:
            raise StopIteration
        v = self.src.pop(0)
        self.src.append(["extra"] * 3) if len(self.src) == 1 and v == 2 else None
        return [v] * 2


def exact():
    a, b, c = It([1, 2, 3])
    return a, b, c
case("exact", exact)

def grows():
    a, b = It([1, 2])
case("grows while unpacking", grows)

def short():
    a, b, c = It([7])
case("too short", short)

def nested():
    (a, b), c = It([5, 6])
    return a, b, c
case("nested", nested)
