# A traceback through a method, a lambda and a nested function.
class Pipeline:
    def __init__(self, steps):
        self.steps = steps

    def run(self, value):
        for step in self.steps:
            value = step(value)
        return value

def make_divider(d):
    def divide(x):
        return x / d
    return divide

p = Pipeline([lambda x: x + 1, make_divider(2), lambda x: make_divider(0)(x)])
print(Pipeline([lambda x: x * 2]).run(4))
print(p.run(1))
