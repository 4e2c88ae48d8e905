# Augmented assignment on mutable containers works in place: other references see the change.
s = {1, 2, 3}
alias = s
s &= {2, 3, 4}
s |= {9}
s -= {3}
s ^= {2, 7}
print(sorted(alias), s is alias)
d = {"a": 1}
dalias = d
d |= {"b": 2}
d |= [("c", 3)]
print(dalias, d is dalias)
b = bytearray(b"ab")
balias = b
b += b"cd"
b *= 2
b += memoryview(b"!")
print(balias, b is balias)
l = [1]
lalias = l
l += (2, 3)
l *= 2
print(lalias, l is lalias)
fs = frozenset({1})
fs2 = fs
fs |= {2}
print(sorted(fs), sorted(fs2), fs is fs2)
t = (1,)
t += (2,)
print(t)
for bad in ("s |= [1]", "d |= 1", "b += 'x'", "s &= 5"):
    try:
        exec(bad)
    except TypeError as e:
        print(bad, "TypeError", e)
print(sorted(s), d, b)
