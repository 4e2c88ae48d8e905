# err-tail: 1
# Uncaught RecursionError: status 1, stderr ends with the RecursionError line (only that line is compared).
def forever(n):
    return forever(n + 1)
print("recursing")
forever(0)
