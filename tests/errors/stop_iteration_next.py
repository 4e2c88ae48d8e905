# next() on an exhausted iterator without a default, uncaught.
it = iter([1])
print(next(it))
print(next(it))
