# The str fast paths (objects/str/storage.rs new_str_filled/str_copy_mapped, the ASCII case maps,
# the ASCII strip set, str + str, the native-method fast path of the eval loop): their edge cases
# against CPython's results.

class S(str):
    pass


# A method that changes nothing returns self only for an exact str; a subclass gets a str copy.
s = S("abc")
for name, r in [("strip", s.strip()), ("lstrip", s.lstrip("x")), ("rstrip", s.rstrip(".,")),
                ("replace", s.replace("q", "r")), ("title-same", S("Abc").title()),
                ("lower-same", s.lower()), ("center", s.center(2)), ("ljust", s.ljust(3)),
                ("zfill", s.zfill(1)), ("removeprefix", s.removeprefix("q")),
                ("removesuffix", s.removesuffix("")), ("slice", s[:]), ("add-empty", s + ""),
                ("empty-add", "" + s), ("split", s.split()[0]), ("capitalize", s.capitalize()),
                ("swapcase", S("").swapcase()), ("upper", s.upper())]:
    print(name, type(r).__name__, repr(r))
a = "xyz"
print(a.strip() is a, a[:] is a, a.replace("q", "r") is a, a + "" is a, "" + a is a,
      a.removeprefix("q") is a, a.center(1) is a)

# strip with an ASCII set on non-ASCII text, and with non-ASCII sets
for t in ["..héllo,.", ",,", "", "é.", ".é", "\u2028.x.\u2028", "..€€..", "ab"]:
    print(repr(t.strip(".,")), repr(t.lstrip(".,")), repr(t.rstrip(".,")),
          repr(t.strip("é.")), repr(t.strip("€.")), repr(t.strip()), repr(t.strip("")))
print(repr(" \t\x1c\x1fa b\x0b\x0c\r\n\x85\u3000".strip()), repr("\xa0x\xa0".strip()))
print(repr("xxhixx".strip("x")), repr("hi".strip("hi")), repr("hi".strip("ih")))

# the ASCII case maps against the Unicode ones
for t in ["hello world", "HELLO wORLD", "it's a dog's-life", "x1y2 z3", "ßtraße", "ǆemal ǅ",
          "ÉCOLE élève", "", "a", "A", "123", "hello_WORLD-foo bar9baz", "ΣΑΣ ΟΔΟΣ", "o'NEIL"]:
    print(repr(t.lower()), repr(t.upper()), repr(t.title()), repr(t.capitalize()),
          repr(t.swapcase()), len(t.title()), len(t.lower()))

# concatenation: char counts of mixed text (len and indexing after +), empties, += in a loop
u = "é" + "x"
print(len(u), u[1], u[-2], len("€" + "€€"), ("ab" + "€")[2], len("" + ""), repr("" + ""))
acc = ""
for i in range(50):
    acc += str(i % 10) + "é"
print(len(acc), acc[:7], acc[-3:], hash(acc) == hash("".join(acc)))
print(S("a") + S("b"), type(S("a") + S("b")).__name__, type(S("a") + "").__name__)


class Add(str):
    def __add__(self, other):
        return "Add.__add__"

    def __radd__(self, other):
        return "Add.__radd__"


print(Add("x") + "y", "y" + Add("x"))
t = "q"
t += Add("z")
print(t)
try:
    "a" + 1
except TypeError as e:
    print("TypeError", e)
try:
    x = "a"
    x += None
except TypeError as e:
    print("TypeError", e)

# split / splitlines pieces of ASCII and non-ASCII text: lengths and indexing of the pieces
for t in ["a b  c", "é b €€ ç", "  ", "", "x\u3000y", "a,é,,b"]:
    ps = t.split()
    print(ps, [len(p) for p in ps], t.split(","), [len(p) for p in t.split(",")], t.rsplit(None, 1))
for t in ["a\nb\r\nc", "é\u2028x\u2029", "\n\n", "x"]:
    ps = t.splitlines()
    print(ps, [len(p) for p in ps], t.splitlines(True))

# startswith/endswith: one prefix, a tuple, windows, errors
print("hello".startswith("he"), "hello".startswith(("x", "hel")), "hello".endswith("lo", 1, 5),
      "héllo".startswith("él", 1), "héllo".endswith("é", 0, 2), "".startswith(""),
      "abc".startswith("", 3), "abc".startswith("", 4))
for bad in [1, ("a", 1), None]:
    try:
        "abc".startswith(bad)
    except TypeError as e:
        print("TypeError", e)

# keyword and count errors of the methods whose argument binding has a fast path
for f in [lambda: "a".strip(1), lambda: "a".strip(".", "x"), lambda: "a".split(sep=","),
          lambda: "a b".split(maxsplit=1), lambda: "a".split(foo=1), lambda: "a".find(),
          lambda: "a".find("a", sub="a"), lambda: "a".count("a", 0, 1, 2), lambda: "a".zfill(),
          lambda: "a".center(5, fillchar="x"), lambda: "a".replace("a"), lambda: "a".join(),
          lambda: "a".startswith(prefix="a"), lambda: "a".expandtabs(tabsize=4),
          lambda: "a".splitlines(keepends=True), lambda: str.lower(), lambda: str.strip(5),
          lambda: "a".lower(1), lambda: str.title("aB c")]:
    try:
        print(repr(f()))
    except TypeError as e:
        print("TypeError", e)
