# Comprehensions: list, set, dict and generator expressions, nested loops, conditions, and a
# comprehension capturing an outer variable.
def squares(n):
    return [i * i for i in range(n) if i % 2]


def table(rows, cols):
    return {(r, c): r * c for r in range(rows) for c in range(cols) if r != c}


base = 10
letters = {ch.upper() for ch in "hello" if ch not in "l"}
gen = (x + base for x in squares(5))
nested = [[y for y in range(x)] for x in range(3)]
print(squares(6), len(table(3, 3)), sorted(letters), sum(gen), nested, [*range(2), *"ab"])
