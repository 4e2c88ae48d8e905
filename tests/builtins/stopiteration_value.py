# A StopIteration raised by an iterator's source keeps its value through enumerate/map/zip/filter,
# next() and yield from; a for loop over them still just ends.
class A:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration(42)

class B:
    def __getitem__(self, i):
        raise StopIteration(42)

def gen(x):
    return x
    yield

def show(label, f):
    try:
        f()
        print(label, "no error")
    except StopIteration as e:
        print(label, e.args)

show("next", lambda: next(A()))
show("seqiter", lambda: next(iter(B())))
show("enumerate", lambda: next(enumerate(A())))
show("map", lambda: next(map(lambda x: x, A())))
show("zip", lambda: next(zip(A())))
show("filter", lambda: next(filter(None, A())))
show("enum-gen", lambda: next(enumerate(gen(7))))
show("enum-gen-none", lambda: next(enumerate(gen(None))))
show("__next__", lambda: enumerate(A()).__next__())
print(next(map(lambda x: x, A()), "default"))
print(list(enumerate(A())), list(map(abs, A())), list(zip(A(), A())))
for x in filter(None, A()):
    print(x)

def f(x):
    if x < 3:
        return x
    raise StopIteration(444)

def g():
    r = yield from map(f, range(10))
    print("returned", r)

print(list(g()))
print(list(map(f, range(10))))
try:
    list(zip([1, 2], A(), strict=True))
except ValueError as e:
    print(e)
