# Classes: bases, keywords, methods, super(), properties, dunders, class attributes, attribute
# and item stores and deletes.
class Base:
    count = 0

    def __init__(self, x):
        self.x = x
        Base.count += 1

    def __repr__(self):
        return f"Base({self.x})"


class Child(Base, metaclass=type):
    """A documented child."""

    def __init__(self, x, y):
        super().__init__(x)
        self.y = y

    @property
    def total(self):
        return self.x + self.y

    def __getitem__(self, i):
        return (self.x, self.y)[i]


c = Child(1, 2)
c.z = [0, 0]
c.z[1] = c.total
del c.z[0], c.z
print(repr(c), c[0], Base.count, isinstance(c, Base))
