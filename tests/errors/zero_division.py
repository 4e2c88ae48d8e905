# An uncaught ZeroDivisionError at module level after a loop.
values = [4, 2, 1, 0]
for v in values:
    print(8 // v)
