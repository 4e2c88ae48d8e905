# list operations and methods.
a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a, len(a), a[0], a[-1], a[2:5], a[::-2], a[5:1:-1], a[100:], a[-100:2])
a.append(5)
a.insert(0, 0)
a.insert(-1, 7)
a.insert(100, 8)
print(a)
a.extend([10, 11])
a.extend(range(2))
a.extend("xy")
print(a, a.pop(), a.pop(0), a.pop(-2))
a.remove(1)
print(a, a.index(5), a.count(1), 9 in a, 99 not in a)
b = [5, 2, 8, 1]
b.sort()
print(b)
b.sort(reverse=True)
print(b)
b.reverse()
print(b)
words = ["banana", "Apple", "cherry", "date"]
words.sort(key=str.lower)
print(words)
words.sort(key=len)
print(words)
c = b.copy()
c[0] = 100
print(b, c, [1, 2] + [3], [0] * 3, [[0] * 2] * 2)
c.clear()
print(c, [] == [], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [1] == [1.0])
nested = [[1, 2], [3, 4]]
nested[1].append(5)
print(nested, nested[1][2], sum(nested, []))
l = list(range(5))
l += [5]
l *= 2
print(l)
print(list(), list((1, 2)), list({"a": 1}), list(x * x for x in range(4)))
m = [1, 2, 3]
m[1] = "two"
m[-1] = [3]
print(m, m[-1][0])
stack = []
for i in range(5):
    stack.append(i)
while stack:
    print(stack.pop(), end=" ")
print()
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2][5]
except IndexError as e:
    print("IndexError:", e)
print(repr([1, "a", None, 2.5, (1,), [], {}]))
r = [1, 2]
r.append(r)
print(r)
