# re errors: wrong types, template errors, flag conflicts, re.error's attributes.
import re


def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)


t(re.match, 1, "a")
t(re.compile("a").match, 1)
t(re.compile("a").search, None)
t(re.match, "a", b"a")
t(re.match, b"a", "a")
t(re.sub, "a", b"x", "a")
t(re.sub, b"a", "x", b"a")
t(re.sub, "a", lambda m: 1, "a")
t(re.sub, b"a", lambda m: "x", b"a")
t(re.compile, re.compile("a"), re.I)
t(re.compile, "a", re.L)
t(re.compile, b"a", re.U)
t(re.compile, "a", re.A | re.U)
t(re.compile, "(?u)(?a)x")
t(re.compile, b"(?u)x")
t(re.compile, b"(?L)x")
t(re.compile, "(?aL)x")

# templates
p = re.compile(r"(?P<a>x)(y)?")
for tpl in [r"\3", r"\g<3>", r"\g<b>", r"\g<-1>", r"\g<a", r"\g<", r"\g", r"\g<>", r"\q", "\\",
            r"\g<1a>", r"\400", r"\1\2", r"\0", r"\08", r"\12"]:
    t(p.sub, tpl, "xy")
t(p.match("x").expand, r"[\2]")
t(re.sub, "a", r"\1", "a")

# re.error attributes
try:
    re.compile("ab\n(cd")
except re.error as e:
    print(e.msg, repr(e.pattern), e.pos, e.lineno, e.colno, e.args)
try:
    re.compile(b"[x")
except re.error as e:
    print(e.msg, repr(e.pattern), e.pos, e.lineno, e.colno, str(e))
try:
    re.compile("(?<=a+)")
except re.error as e:
    print(e.msg, e.pattern, e.pos, e.lineno, e.colno, str(e))
e = re.error("boom")
print(e.msg, e.pattern, e.pos, str(e), isinstance(e, Exception), re.error.__name__)
e = re.error("boom", "a\nbc", 3)
print(str(e), e.lineno, e.colno)

# Match / Pattern misuse
m = re.match("(a)", "a")
t(m.group, 2)
t(m.group, -1)
t(m.start, "x")
t(m.__getitem__, 5)
t(m.group, 1.5)
t(re.compile("a").match, "a", "x")
t(re.split, "x", "axb", "2")
t(re.compile("a").sub, "b", "aaa", -1)

# lookbehind with group references: fixed-width references are fine, same-lookbehind ones not
for p in [r"(a)(?<=\1)", r"(ab)x(?<=\1x)", r"(a|bc)(?<=\1)", r"(?<=(a)\1)", r"(?P<n>a)(?<=(?P=n))",
          r"(a)(?<=(?(1)b|c))", r"(a)(?<=(?(1)b|cd))", r"(?<=(a)(?(1)b))", r"(?<=(?=(a))\1)",
          r"(?<!(a)(?=\1))"]:
    t(re.search, p, "xabxaa")
