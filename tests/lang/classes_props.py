# @property (with setter and deleter), @staticmethod, @classmethod, class-level state.
class Temperature:
    def __init__(self, celsius):
        self._c = celsius
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self._c = (f - 32) * 5 / 9
t = Temperature(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.celsius, t.fahrenheit)
t.fahrenheit = 212
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
class ReadOnly:
    @property
    def value(self):
        return 42
try:
    ReadOnly().value = 1
except AttributeError:
    print("AttributeError on read-only property")
class Deletable:
    def __init__(self):
        self._x = 1
    def _get(self):
        return self._x
    def _del(self):
        print("deleting")
        del self._x
    x = property(_get, None, _del)
dl = Deletable()
print(dl.x)
del dl.x
print(hasattr(dl, "_x"))
class MathUtil:
    factor = 10
    @staticmethod
    def add(a, b):
        return a + b
    @classmethod
    def scaled(cls, v):
        return cls.factor * v
    @classmethod
    def create(cls):
        return cls()
class SubUtil(MathUtil):
    factor = 100
print(MathUtil.add(1, 2), MathUtil().add(3, 4), MathUtil.scaled(2), SubUtil.scaled(2), SubUtil().scaled(3))
print(type(SubUtil.create()).__name__, type(MathUtil.create()).__name__)
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
    @classmethod
    def how_many(cls):
        return cls.instances
for _ in range(3):
    Counter()
print(Counter.how_many(), Counter().id)
class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def expensive(self):
        self.computed += 1
        return self.computed * 100
lz = Lazy()
print(lz.expensive, lz.expensive, lz.computed)
class Base:
    @property
    def name(self):
        return "base"
class Child(Base):
    @property
    def name(self):
        return "child of " + super().name
print(Child().name)
