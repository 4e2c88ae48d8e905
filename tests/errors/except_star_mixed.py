# A try mixing except and except*: CPython's SyntaxError at the first handler of the other kind.
print("never printed")
try:
    pass
except ValueError:
    pass
except* TypeError:
    pass
