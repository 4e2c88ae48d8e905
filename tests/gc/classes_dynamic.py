# Classes, methods and instances created in loops; class attributes rebound after collections.
import gc

classes = []
for i in range(50):
    def method(self, i=i):
        return f"{type(self).__name__}:{i}:{self.v}"
    cls = type(f"C{i}", (object,), {"m": method, "tag": [i]})
    classes.append(cls)
gc.collect()
insts = [cls() for cls in classes]
for k, inst in enumerate(insts):
    inst.v = [k] * 2
gc.collect(0)
print(insts[7].m(), insts[49].m(), classes[3].tag)
for cls in classes:
    cls.tag = {"new": cls.__name__}
gc.collect()
print(classes[10].tag, insts[10].tag)
class Base:
    def hello(self):
        return "base"
gc.collect()
class Derived(Base):
    extra = [1, 2, 3]
    def hello(self):
        return "derived>" + super().hello()
d = Derived()
gc.collect(0)
print(d.hello(), Derived.extra)
Base.hello = lambda self: "patched base"
gc.collect(0)
print(d.hello())
bound = [inst.m for inst in insts[:5]]
gc.collect()
print([b() for b in bound])
