# list.insert / pop(i) / remove / del l[i] / del l[a:b] / del l[::k] edit the list in place.
l = list(range(10))
l.insert(0, 'a'); l.insert(5, 'b'); l.insert(100, 'c'); l.insert(-1, 'd'); l.insert(-100, 'e')
print(l)
print(l.pop(0), l.pop(3), l.pop(), l.pop(-2), l)
l.remove('b'); l.remove(9) if 9 in l else None
print(l)
for sl in [slice(2, 5), slice(None, None, 2), slice(None, None, -2), slice(1, 8, 3), slice(8, 1, -3),
           slice(-3, None), slice(5, 2), slice(None, None, 100), slice(None, None, -1), slice(3, 4, -1)]:
    m = list(range(12))
    del m[sl]
    print(sl, m)
# compare against a reference built without in-place edits
ref = list(range(50))
m = list(range(50))
for step in range(1, 7):
    for start in (None, 0, 3, -5):
        a = list(range(30))
        del a[start::step]
        b = [x for i, x in enumerate(range(30)) if i not in range(30)[start::step]]
        assert a == b, (start, step)
        a = list(range(30))
        del a[start::-step]
        b = [x for i, x in enumerate(range(30)) if i not in range(30)[start::-step]]
        assert a == b, (start, -step)
print("ok")
big = list(range(200000))
for i in range(20000):
    big.insert(0, i)
for i in range(20000):
    big.pop(0)
print(len(big), big[0], big[-1])
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    [1].pop(5)
except IndexError as e:
    print(e)
x = [1, 2, 3]
del x[-1]
print(x)
try:
    del x[5]
except IndexError as e:
    print(e)
