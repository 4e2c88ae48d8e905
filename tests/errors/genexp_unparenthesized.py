# An unparenthesized generator expression next to another argument: SyntaxError at compile time.
y = [1]
print("never printed")
f(x for x in y, 1)
