# __iadd__ returning NotImplemented falls back to __add__/__radd__ with operands kept alive across the call.
class V:
    def __init__(self, x): self.x = x
    def __iadd__(self, o): return NotImplemented
    def __add__(self, o): return V(self.x + o.x)
    def __lt__(self, o): return self.x < o.x
    def __radd__(self, o): return V(o + self.x)
a = V(1); a += V([2] and 2); print(a.x, V(1) < V(2), (5 + V(3)).x, sorted([V(3), V(1)])[0].x)
