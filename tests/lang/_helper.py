# A helper module imported by import_helper.py (not a test: its name starts with '_').
print("_helper is being imported")
CONSTANT = 42
_private = "private"
counter = 0

def greet(name):
    return f"hello from _helper, {name}"

def bump():
    global counter
    counter += 1
    return counter

class Shape:
    sides = 0
    def describe(self):
        return f"{type(self).__name__} with {self.sides} sides"

class Square(Shape):
    sides = 4
