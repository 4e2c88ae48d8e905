# __annotations__ in module and class bodies (simple names only; function bodies never evaluate them)
x: int = 5
y: "str"
if True:
    z: list = []
class A:
    a: int
    b: str = "x"
    __p: float = 1.0
    for _i in range(1):
        c: bytes
    def f(self):
        loc: int = 3
        return loc
print(A.__annotations__)
print(A.b, A().f(), hasattr(A, "a"))
print(__annotations__)
class Empty:
    pass
print("__annotations__" in Empty.__dict__)
class Attr:
    pass
Attr.q: int = 4
print(Attr.q, "q" in __annotations__)
ns = {}
exec("v: int = 1\nw: float", ns)
print(ns["__annotations__"])
