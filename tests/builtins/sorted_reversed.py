# sorted with key/reverse (stable), reversed, list.sort.
data = [5, 2, 8, 1, 9, 3]
print(sorted(data), sorted(data, reverse=True), data)
words = ["pear", "Apple", "fig", "banana", "kiwi", "Cherry"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
pairs = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: (-p[1], p[0])))
print(sorted("hello"), sorted({3: "c", 1: "a"}), sorted({2, 1, 3}), sorted((1.5, -2, 0)), sorted([]))
print(sorted(range(10), key=lambda x: x % 3), sorted([[2, 1], [1, 2], [1]]))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
class Rev:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 100
print(list(reversed(Rev())))
r = reversed([1, 2])
print(next(r), next(r), next(r, "end"))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
stable = sorted([(i % 3, i) for i in range(9)], key=lambda t: t[0])
print(stable)
print(sorted([3, 1, 2], key=None), sorted(["b", "A", "a", "B"], key=str.lower, reverse=True))
