# reversed() and iter() name their iterator types as CPython does (list_reverseiterator,
# dict_reversekeyiterator...); a __getitem__ that raises IndexError ends a reversed iteration.
for v in ([1, 2], (1, 2), 'ab', b'ab', bytearray(b'ab'), {1: 2, 3: 4}, {1: 2}.keys(), {1: 2, 3: 4}.values(), {1: 2}.items(), range(3)):
    it = reversed(v)
    print(type(it).__name__, list(it), type(iter(v)).__name__)
it = reversed([1, 2, 3])
print(next(it), it.__next__(), list(it.__iter__()))
class S:
    def __len__(self): return 2
    def __getitem__(self, i): return i * 10
print(type(reversed(S())).__name__, list(reversed(S())))


class Short:
    def __len__(self):
        return 6

    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i


r = reversed(Short())
print(list(r), list(r))
print({1}.intersection([5, 1, [2]]), {1, 5}.intersection(iter([5, 1, [2]])))
for e in ("5 % 0", "5 // 0", "divmod(5, 0)", "(2**64+1) % 0", "(2**64+1) // 0", "5 % False"):
    try:
        eval(e)
    except ZeroDivisionError as x:
        print(e, "->", x)
for args in ((2.0, 2.0, 5), (2, 2, 5.0), (2, 2.0, 5)):
    try:
        pow(*args)
    except TypeError as x:
        print(args, x)
