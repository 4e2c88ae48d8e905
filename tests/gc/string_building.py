# Strings built in loops (+=, join, format, slicing), surviving collections.
import gc

s = ""
for i in range(2000):
    s += str(i % 10)
    if i % 500 == 0:
        gc.collect(0)
print(len(s), s[:20], s[-10:])
parts = []
gc.collect()
for i in range(1000):
    parts.append(f"<{i}:{i * i:x}>")
joined = "".join(parts)
gc.collect(0)
print(len(joined), joined[:30], joined[-20:])
words = {}
for i in range(300):
    w = "w" + "x" * (i % 17) + str(i)
    words[w] = w.upper()
gc.collect()
print(len(words), words["wxxx3"], sorted(words)[:2])
line = ""
lines = []
for i in range(200):
    line = line + chr(97 + i % 26)
    if len(line) == 40:
        lines.append(line)
        line = ""
gc.collect(0)
print(len(lines), lines[0], lines[-1])
text = "\n".join(lines)
print(text.count("a"), len(text.splitlines()), text.replace("abc", "ABC")[:40])
rev = ""
for ch in "collector":
    rev = ch + rev
    gc.collect(0)
print(rev)
fmt = []
for i in range(100):
    fmt.append("%05d|%-4s|%.2f" % (i, str(i)[::-1], i / 3))
gc.collect()
print(fmt[42], fmt[99])
b = bytearray()
for i in range(1000):
    b += bytes([65 + i % 26])
gc.collect()
print(len(b), bytes(b[:26]))
