# re API: module functions, Pattern and Match objects, sub templates, split, flags, bytes.
import re

p = re.compile(r"(?P<first>\w+) (?P<last>\w+)")
m = p.match("Isaac Newton, physicist")
print(m)
print(m.group(), m.group(0), m.group(1), m.group("last"), m.group(1, 2, "first"))
print(m[0], m[1], m["last"], m.groups(), m.groupdict())
print(m.start(), m.end(), m.span(), m.start(2), m.end("first"), m.span("last"))
print(m.lastindex, m.lastgroup, m.re is p, m.string, m.pos, m.endpos, m.regs)
print(m.expand(r"\2, \1 (\g<first>) \g<0>!"))
print(p.pattern, p.flags, p.groups, sorted(p.groupindex.items()), p.groupindex["last"])
print(repr(p), repr(re.compile("a", re.I | re.S)), repr(re.compile(b"a", re.I)))
print(repr(re.compile("x", re.A)), repr(re.compile("x", re.U)), re.compile("x").flags)
print(re.compile("(?i)x").flags, re.compile(b"x").flags, re.compile("(?a)x").flags)
try:
    m.group(3)
except IndexError as e:
    print("IndexError", e)
try:
    m.group("nope")
except IndexError as e:
    print("IndexError", e)

# optional groups and defaults
m = re.match(r"(a)(b)?(?P<c>c)?", "a")
print(m.groups(), m.groups("-"), m.groupdict(), m.groupdict(0), m.span(2), m.start(3))
print(m.lastindex, m.lastgroup)

# pos / endpos
p = re.compile(r"\d+")
print(p.search("ab12cd345", 3), p.search("ab12cd345", 3, 5), p.match("ab12", 2))
print(p.search("12", 5), p.search("12", -5), p.fullmatch("a123b", 1, 4))
m = p.search("ab12cd345", 3, 8)
print(m.pos, m.endpos, p.findall("1 22 333 4444", 2, 9), [x.span() for x in p.finditer("1 22 333", 1)])
print(re.compile("^a").search("ba", 1), re.compile("a$").search("ab", 0, 1))

# findall / finditer
print(re.findall(r"(\w)(\d)?", "a1b c2"), re.findall(r"(\w)", "ab"), re.findall("", "ab"))
print([m.group() for m in re.finditer(r"\w+", "one two  three")])
it = re.finditer("a", "aa")
print(type(it).__name__ in ("generator", "callable_iterator"), next(it).span(), next(it).span())

# sub / subn
print(re.sub(r"\d", "#", "a1b22c"), re.sub(r"\d", "#", "a1b22c", 2), re.subn(r"\d", "#", "a1b22c"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@home, ann@work"))
print(re.sub(r"(?P<n>\d+)", r"<\g<n>|\g<1>|\g<0>>", "x12y3"))
print(re.sub(r"x", r"\n\t\\", "axb"), repr(re.sub("x", r"\&", "axb")))
print(re.sub(r"(a)|b", r"[\1]", "ab"), re.sub("", "-", "abc"), re.sub("x*", "-", "abxd"))
print(re.sub(r"\w+", lambda m: m.group().upper(), "hello big world"))
print(re.subn(r"\w+", lambda m: str(len(m.group())), "hello big world", count=2))
print(re.sub("a", "b", "xyz"), re.sub("(b)", r"\1\1", "abc"), re.sub(r"\b", "|", "ab cd"))
print(re.sub(r"(\d)", r"\g<1>0", "1 2"), re.sub("a", r"\101", "bab"))
print(re.compile("o").sub("0", "foo boo"), re.compile("o").subn("0", "foo boo", 1))

# split
print(re.split(r"\W+", "Words, words, words."), re.split(r"(\W+)", "Words, words, words."))
print(re.split(r"\W+", "Words, words, words.", 1), re.split("[a-f]+", "0a3B9", flags=re.I))
print(re.split(r"(\W+)", "...words, words..."), re.split(r"\b", "a b"), re.split("x*", "axbc"))
print(re.split(r"(a)|(b)", "1a2b3"), re.split(",", "a,b,c", maxsplit=-1), re.split("", "ab"))

# flags
print(re.I, re.IGNORECASE, re.M | re.S, re.I | re.M | re.X, re.NOFLAG, re.A, re.U, re.L)
print(re.I == 2, int(re.I | re.M), re.I & re.I, bool(re.NOFLAG), re.I | 8, 8 | re.I)
print(re.RegexFlag.IGNORECASE, re.RegexFlag.NOFLAG, re.RegexFlag.ASCII.value, re.I.name, (re.I | re.M).name, re.I + re.M)
print(re.search("A", "xa", re.I), re.findall("^x", "x\nx", re.M), re.match(".", "\n", re.DOTALL))
print(re.match("a b", "ab", re.VERBOSE), re.match(r"\w", "é", re.ASCII))

# escape, purge, cache
print(re.escape("1.5*[x] a-b#c"), re.escape(b"a.b"), re.escape("é_x"))
print(re.compile("ab") is re.compile("ab"), re.compile("ab") == re.compile("ab"))
re.purge()
print(re.compile("ab") == re.compile("ab", re.I), hash(re.compile("q")) == hash(re.compile("q")))
p = re.compile("z")
print(re.compile(p) is p)

# bytes
pb = re.compile(rb"(\w+)=(\d+)")
m = pb.search(b"  key=42 ")
print(m, m.groups(), m.group(1), pb.findall(b"a=1 b=2"), pb.sub(rb"\2=\1", b"a=1 b=2"))
print(re.split(rb"\s+", b"a b  c"), re.match(rb"\w+", "é".encode()), re.escape(b"\x00.a"))
print(re.search(rb"[\x80-\xff]+", b"ab\xe9\xff"), re.match(b"(?i)abc", b"ABC"))
print(re.search(b"b", bytearray(b"abc")), re.search(b"b", memoryview(b"abc")).group())

# Match behaviour
m = re.search("(b)", "abc")
print(bool(m), m.group(1), m.span(1), repr(m)[:20])
m = re.match("x*", "")
print(m, m.group(), m.span())
print(repr(re.match(".*", "x" * 100)))
print(re.match("(?s).*", "a\nb\n"), re.fullmatch("a|ab", "ab").group())

# str subclass subject
class S(str):
    pass

m = re.search("b+", S("abbc"))
print(m.group(), type(m.group()).__name__, type(m.string).__name__)
print(re.sub("b", "x", S("abc")), re.findall(".", S("ab")))

# Pattern.scanner: a failed step exhausts it; an empty match forces the next step to advance
p = re.compile(r"\w+|\s+|[^\w\s]")
sc = p.scanner("ab  c!")
print([sc.match().group() for _ in range(4)], sc.match(), sc.match())
sc = re.compile("x*").scanner("axb")
print([(m.span() if m else None) for m in [sc.search() for _ in range(5)]])
sc = re.compile("x*").scanner("axb")
print([(m.span() if m else None) for m in [sc.match() for _ in range(3)]])
sc = re.compile("a|").scanner("aab", 1)
print([(m.span() if m else None) for m in [sc.search() for _ in range(5)]])

# literal replacements (the native fast path) on str, non-ASCII str and bytes
print(re.sub(r"\s+", " ", "a  b \t c"), re.sub("é", "e", "été"), re.subn("x", "", "axbxc", 1))
print(re.sub(rb"\s+", b"_", b"a  b c"), re.subn(b"", b"-", b"ab"), re.sub("(?i)É", "E", "éÉ"))
print(re.sub("a", "\\\\", "bab"), re.sub("a", r"\n", "bab"), re.sub("", "", "abc"))
