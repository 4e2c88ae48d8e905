# if/elif/else, while/for with break/continue/else, chained comparisons, conditional expressions.
for n in range(-1, 4):
    if n < 0:
        print(n, "negative")
    elif n == 0:
        print(n, "zero")
    elif n == 1:
        print(n, "one")
    else:
        print(n, "many")
i = 0
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
else:
    print("while else not reached")
i = 0
while i < 3:
    i += 1
else:
    print("while else reached", i)
for x in range(3):
    pass
else:
    print("for else reached", x)
for x in range(10):
    if x == 4:
        print("found", x)
        break
else:
    print("for else not reached")
for a in range(3):
    for b in range(3):
        if b == 2:
            break
        if a == b:
            continue
        print("pair", a, b)
x = 5
print(1 < x < 10, 1 < x > 4, 10 > x >= 5 > 4, 1 < x < 3, x == 5 == 5.0, 1 < 2 < 3 < 4 < 0)
calls = []
def val(v):
    calls.append(v)
    return v
print(val(1) < val(0) < val(2), calls)
print("big" if x > 3 else "small", "a" if 0 else "b" if 1 else "c")
total = 0
for i in range(100):
    if i % 3 == 0 or i % 5 == 0:
        total += i
print(total)
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz 27:", steps)
count = 0
while True:
    count += 1
    if count >= 5:
        break
print("count", count)
if []:
    print("no")
elif {}:
    print("no")
elif "x":
    print("nonempty str is true")
for ch in "ab":
    for d in [1, 2]:
        print(ch, d, end=" ")
print()
