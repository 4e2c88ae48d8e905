# An uncaught KeyError from a dict lookup in a method.
class Registry:
    def __init__(self):
        self.items = {"a": 1}

    def get(self, key):
        return self.items[key]

r = Registry()
print(r.get("a"))
print(r.get("missing"))
