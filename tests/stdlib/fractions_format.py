# format() of a Fraction in CPython 3.11: the empty spec gives str(); any other spec is the
# TypeError object.__format__ raises (format specs for Fraction came in 3.12).
from fractions import Fraction

x = Fraction(1, 3)
print(format(x, ""), f"{x}", f"{x!r}", "{}".format(Fraction(-7, 2)), f"{Fraction(4):}")
for spec in (".2f", ">6", "e", "%", "10"):
    try:
        print(format(x, spec))
    except TypeError as e:
        print("TypeError", e)
