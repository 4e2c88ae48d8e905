# super() in methods, class methods, multiple inheritance, two-argument form.
class A:
    def __init__(self):
        self.log = ["A"]
    def hello(self):
        return "A.hello"
    @classmethod
    def make(cls):
        return f"A.make({cls.__name__})"
class B(A):
    def __init__(self):
        super().__init__()
        self.log.append("B")
    def hello(self):
        return "B>" + super().hello()
    @classmethod
    def make(cls):
        return "B>" + super().make()
class C(B):
    def __init__(self):
        super(C, self).__init__()
        self.log.append("C")
    def hello(self):
        return "C>" + super(C, self).hello()
c = C()
print(c.log, c.hello(), C.make(), B.make())
class X:
    def f(self): return ["X"]
class Y(X):
    def f(self): return ["Y"] + super().f()
class Z(X):
    def f(self): return ["Z"] + super().f()
class W(Y, Z):
    def f(self): return ["W"] + super().f()
print(W().f())
class Base:
    def __init__(self, a, b=2):
        self.a, self.b = a, b
class Derived(Base):
    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.c = self.a + self.b
print(vars(Derived(1)), vars(Derived(1, b=10)))
class Str(str):
    def shout(self):
        return self.upper() + "!"
print(Str("hi").shout(), len(Str("abc")), Str("x") == "x")
class MyList(list):
    def append(self, v):
        super().append(v * 2)
ml = MyList([1])
ml.append(5)
print(ml, len(ml), isinstance(ml, list))
class MyDict(dict):
    def __missing__(self, key):
        return f"missing {key}"
md = MyDict(a=1)
print(md["a"], md["b"])
