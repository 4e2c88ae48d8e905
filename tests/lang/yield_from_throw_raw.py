# generator.throw() while delegating to a non-generator with a throw() method passes its arguments
# on unchecked; the delegate's return, StopIteration and exceptions resume the generator.
class It:
    def __iter__(self):
        return self
    def __next__(self):
        return 1
    def throw(self, *args):
        print("throw", args)
        if args and args[0] == "stop":
            raise StopIteration("done")
        if args and args[0] == "boom":
            raise KeyError("boom")
        return 456

class NoThrow:
    def __iter__(self):
        return self
    def __next__(self):
        return 1

def gen(src):
    try:
        r = yield from src
        print("returned", r)
    except KeyError as e:
        print("caught", e)
    yield "end"

g = gen(It())
next(g)
print(g.throw(123), g.throw(ZeroDivisionError), g.throw(ValueError, 5))
print(g.throw("stop"))
g = gen(It())
next(g)
print(g.throw("boom"))
g = gen(It())
next(g)
g.close()
g = gen(NoThrow())
next(g)
for e in (ValueError, 123):
    try:
        g.throw(e)
    except Exception as x:
        print(type(x).__name__)
    g = gen(NoThrow())
    next(g)
