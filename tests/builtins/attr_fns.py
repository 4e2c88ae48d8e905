# hasattr, getattr (with default), setattr, delattr-by-del.
class Obj:
    cls_attr = "class"
    def __init__(self):
        self.a = 1
    def method(self):
        return "method called"
    @property
    def prop(self):
        return "property"
o = Obj()
print(hasattr(o, "a"), hasattr(o, "b"), hasattr(o, "cls_attr"), hasattr(o, "method"), hasattr(o, "prop"), hasattr(Obj, "a"))
print(getattr(o, "a"), getattr(o, "b", "default"), getattr(o, "cls_attr"), getattr(o, "method")(), getattr(o, "prop"), getattr(Obj, "cls_attr"))
setattr(o, "b", 2)
setattr(o, "a", "changed")
setattr(Obj, "new_cls", "added to class")
print(o.b, o.a, o.new_cls, Obj().new_cls)
name = "dyn"
for i in range(3):
    setattr(o, f"{name}{i}", i * i)
print([getattr(o, f"dyn{i}") for i in range(3)], sorted(k for k in vars(o)))
try:
    getattr(o, "nope")
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(o, "nope", None), getattr(1, "real"), hasattr("s", "upper"), getattr([], "append") is not None)
class Dyn:
    def __getattr__(self, n):
        if n.startswith("x"):
            return n.upper()
        raise AttributeError(n)
print(hasattr(Dyn(), "xyz"), hasattr(Dyn(), "abc"), getattr(Dyn(), "xq"), getattr(Dyn(), "abc", "dflt"))
