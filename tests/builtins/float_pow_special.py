# pow/** /math.pow with zero, infinite and negative operands (fuzzer: pow(0, -inf) is inf).
import math
for a in (0, 0.0, -0.0, 1.0, -1.0, 0.5, 2.0, float('inf'), float('-inf')):
    for b in (float('-inf'), float('inf'), -1.0, -2, 0.5):
        r = []
        for f in (lambda: pow(a, b), lambda: a ** b, lambda: math.pow(a, b)):
            try:
                r.append(repr(f()))
            except Exception as e:
                r.append(type(e).__name__ + ":" + str(e))
        print(a, b, r)
