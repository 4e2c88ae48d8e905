# Classes: attributes, methods, inheritance, super(), class attributes, isinstance.
class Animal:
    kingdom = "animalia"
    count = 0
    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
        Animal.count += 1
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return "animal"
class Dog(Animal):
    def __init__(self, name):
        super().__init__(name, "woof")
        self.tricks = []
    def add_trick(self, t):
        self.tricks.append(t)
        return self
    def kind(self):
        return "dog, a kind of " + super().kind()
class Puppy(Dog):
    def speak(self):
        return super().speak() + " (squeaky)"
a = Animal("generic")
d = Dog("rex")
p = Puppy("bit")
d.add_trick("sit").add_trick("roll")
print(a.speak(), "|", d.speak(), "|", p.speak())
print(d.kind(), "|", p.kind(), d.tricks, p.tricks)
print(Animal.count, a.kingdom, Dog.kingdom, p.kingdom)
Dog.kingdom = "dogs"
print(a.kingdom, d.kingdom, p.kingdom)
p.kingdom = "own"
print(p.kingdom, Puppy.kingdom, "kingdom" in p.__dict__)
print(isinstance(p, Dog), isinstance(p, Animal), isinstance(a, Dog), issubclass(Puppy, Animal), issubclass(Animal, Dog))
print(type(p).__name__, type(p) is Puppy, Puppy.__name__, Puppy.__bases__[0].__name__, [c.__name__ for c in Puppy.__mro__])
print(p.__class__.__name__, sorted(d.__dict__))
class Point:
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
pt = Point()
pt.move(2, 3)
pt.move(-1, 1)
print(pt.x, pt.y)
pt.z = "dynamic"
print(pt.z, hasattr(pt, "z"), hasattr(pt, "w"), getattr(pt, "w", None))
del pt.z
print(hasattr(pt, "z"))
m = pt.move
m(10, 10)
print(pt.x, pt.y, Point.move.__name__)
Point.move(pt, 1, 1)
print(pt.x)
class Empty:
    pass
e = Empty()
print(type(e).__name__, isinstance(e, object))
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B>" + super().who()
class C(A):
    def who(self): return "C>" + super().who()
class D(B, C):
    def who(self): return "D>" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
class Base:
    def template(self):
        return "base calls " + self.hook()
    def hook(self):
        return "base hook"
class Derived(Base):
    def hook(self):
        return "derived hook"
print(Derived().template(), Base().template())
try:
    Point().missing
except AttributeError as e:
    print("AttributeError:", e)
