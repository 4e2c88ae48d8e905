# re on long subjects: no stack overflow, linear-time simple patterns, and the nesting limit.
# stress: 10
import re

n = 20000
s = "ab" * n
print(re.match("(?:ab)*", s).end(), re.match("(ab)*", s).span(1), re.fullmatch("(?:a|b)+", s) is not None)
print(re.match(".*", s).end(), re.match(".*?$", s).end(), re.search("b$", s).start())
print(len(re.findall("a", s)), len(re.findall(r"\w", "x" * n)), len(re.split("b", s)))
print(re.sub("a", "", s)[:5], len(re.sub("b", "cc", s)), re.subn("(a)(b)", r"\2\1", s)[1])
print(re.match(r"(a|b)*c", s), re.search("(?<=a)bz", s), re.search(r"\d", "x" * n + "7").start())
print(re.match(r"((a)|(b))*", s).groups(), re.match(r"(?>(?:ab)*)", s).end())
print(re.match(r"(?:a(?=b)b)*", s).end(), re.match(r"(?:(?!ba)..)*", s).end())
print(len(re.findall(r"\b\w+\b", "word " * 5000)), re.search("x{10000}", "x" * 10001).span())
print(re.match(r"(x+x+)+y", "x" * 14), re.match(r"(a*)*b", "a" * 14))
t = ("a" * 100 + "\n") * 50
print(len(re.findall("^a+$", t, re.M)), re.search("(?s)a.*b", t))
try:
    re.compile("(" * 5000 + ")" * 5000)
except RecursionError:
    print("RecursionError")
print(re.compile("(" * 50 + "x" + ")" * 50).match("x").span(50))

# non-ASCII subjects: one decoding per subject, slices through the decoded offsets
u = "héllo wörld ß " * 2000
print(len(re.findall(r"\w+", u)), re.findall(r"\w+", u)[-3:], len(re.split(" ", u)), re.split(" ", u)[-4:])
print(len(re.sub("ö", "o", u)), re.sub("ö", "o", u)[-14:], re.subn(r"(\w)(\w)", r"\2\1", u)[0][-14:])
p = re.compile(r"\w+|\s+")
pos, toks = 0, []
while pos < len(u):
    m = p.match(u, pos)
    toks.append(m.group())
    pos = m.end()
print(len(toks), toks[-4:], m.span(), m.string is u)
print([m.group() for m in re.finditer("ö.", u)][-2:], re.search("ß $", u).span())
