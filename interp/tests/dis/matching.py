# The match statement: value, sequence (with star), mapping (with **rest), class, or and as
# patterns, a guard and a trailing wildcard.
def classify(p):
    match p:
        case 0 | None:
            return "zero"
        case [x, *rest] if rest:
            return x
        case {"k": v, **kw}:
            return v, kw
        case Point(x, y=0) as pt:
            return pt
        case _:
            return "other"
