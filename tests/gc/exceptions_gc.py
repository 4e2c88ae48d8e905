# Exceptions carrying young objects, raised and caught across collections.
import gc

class Failure(Exception):
    def __init__(self, payload):
        super().__init__("failure")
        self.payload = payload

caught = []
gc.collect()
for i in range(200):
    try:
        raise Failure({"i": i, "data": [i] * 3})
    except Failure as e:
        if i % 40 == 0:
            gc.collect(0)
        caught.append(e)
gc.collect()
print(len(caught), caught[0].payload, caught[-1].payload["data"], caught[5].args)
def thrower(depth):
    local = [depth, str(depth)]
    if depth == 0:
        gc.collect(0)
        raise ValueError(local)
    return thrower(depth - 1)
try:
    thrower(30)
except ValueError as e:
    gc.collect()
    print(e.args[0])
errors = {}
for i in range(100):
    try:
        {}[f"missing{i}"]
    except KeyError as e:
        errors[i] = e
gc.collect(0)
print(repr(errors[99]), len(errors))
try:
    try:
        raise KeyError([1, 2])
    except KeyError as inner:
        gc.collect(0)
        raise RuntimeError("outer") from inner
except RuntimeError as e:
    gc.collect()
    print(e, repr(e.__cause__))
