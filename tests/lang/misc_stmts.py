# assert, del, is/in, pass, global statements at module level, multiple targets.
assert True
assert 1 + 1 == 2, "math"
try:
    assert 1 > 2, "one is not greater"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("bare AssertionError:", repr(e))
x = 5
del x
try:
    x
except NameError as e:
    print("NameError:", e)
lst = [1, 2, 3, 4]
del lst[0], lst[-1]
print(lst)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
class O:
    pass
o = O()
o.attr = 1
del o.attr
print(hasattr(o, "attr"))
a = [1]
b = a
c = [1]
print(a is b, a is c, a == c, a is not c, None is None, 1 in a, 2 not in a)
print("ab" in "cabd", 3 in {3: 0}, 3 in {3}, 3 in (1, 2), 3 in range(5), [1] in [[1], 2])
e = ()
print(e is e, type(e) is tuple, type(a) is list, type(1) is int, type(True) is not int)
if True:
    pass
for _ in range(2):
    pass
def f():
    pass
class K:
    pass
print("pass statements ok")
i = 0
while i < 3: i += 1
print(i)
t = 1; u = 2; print(t + u)
x = y = z = 0
x += 1
print(x, y, z)
del d
try:
    d
except NameError as e:
    print("NameError:", e)
