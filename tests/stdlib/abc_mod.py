import abc
from abc import ABC, ABCMeta, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...
    def describe(self): return "%s %s" % (self.name(), self.area())
try:
    Shape()
except TypeError as e: print(e)
class Half(Shape):
    def area(self): return 1
try:
    Half()
except TypeError as e: print(e)
class Sq(Half):
    def name(self): return "sq"
print(Sq().describe(), sorted(Shape.__abstractmethods__), Sq.__abstractmethods__)
print(isinstance(Sq(), Shape), issubclass(Sq, Shape), issubclass(int, Shape))
class Duck(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Duck:
            return any("quack" in B.__dict__ for B in C.__mro__)
        return NotImplemented
class D1:
    def quack(self): pass
print(issubclass(D1, Duck), isinstance(D1(), Duck), isinstance(3, Duck))
class Reg(ABC): pass
Reg.register(int)
@Reg.register
class Other: pass
print(isinstance(3, Reg), issubclass(bool, Reg), issubclass(Other, Reg), isinstance("x", Reg))
class SubReg(Reg): pass
SubReg.register(str)
print(issubclass(str, Reg), issubclass(str, SubReg), issubclass(float, Reg))
try:
    Reg.register(3)
except TypeError as e: print(e)
try:
    issubclass(3, Reg)
except TypeError as e: print(e)
class P(ABC):
    @property
    @abstractmethod
    def x(self): ...
    @classmethod
    @abstractmethod
    def make(cls): ...
print(sorted(P.__abstractmethods__))
class PI(P):
    @property
    def x(self): return 5
    @classmethod
    def make(cls): return cls()
print(PI.make().x)
print(type(ABC).__name__, abc.get_cache_token() >= 0)
class Later(ABC):
    @abstractmethod
    def f(self): ...
Later.f = lambda self: 1
abc.update_abstractmethods(Later)
print(Later().f())
