# re with hooks that allocate (moving every young object) and mutate: sub/subn callables, str
# subclass patterns and subjects, __index__ for pos/endpos/count/maxsplit, a template cache hit
# after churn.
import re
from _evil import churn, case, I


class S(str):
    pass


state = []


def repl(m):
    churn()
    state.append(m.group())
    return m.group(1).upper() * 2


case("sub callable", lambda: re.sub(S(r"(\w)\w*"), repl, S("alpha beta gamma")))
case("subn callable", lambda: re.subn(r"(\d)", lambda m: (churn(), str(int(m.group()) + 1))[1], "a1b2c3"))
case("sub callable mutates list", lambda: (re.sub("x", lambda m: (churn(), state.clear(), "y")[2], "xax"), state))
case("finditer churn", lambda: [(churn(), m.span())[1] for m in re.finditer(S("a+"), S("caab aaa"))])
case("match pos __index__", lambda: re.compile("b+").search("abbcbb", I(2), I(6)).span())
case("match endpos __index__", lambda: re.compile("b+").match("abbcbb", I(1), I(2)))
case("sub count __index__", lambda: re.sub("a", "b", "aaaa", I(2)))
case("split maxsplit __index__", lambda: re.split(",", "a,b,c", I(1)))
case("group __index__", lambda: re.match("(a)(b)", "ab").group(I(2)))


def big_repl(m):
    junk = [str(k) * 10 for k in range(400)]
    return junk[int(m.group())][:3]


case("sub big alloc", lambda: re.sub(r"\d+", big_repl, "1 22 333 " * 3))
re.purge()
churn()
case("after purge", lambda: (re.compile(S("(?P<n>x)")).sub(r"<\g<n>>", "axb"), re.escape(S("a.b"))))
m = re.search("(b+)", S("abbbc"))
churn()
case("match after churn", lambda: (m.group(1), m.span(), m.string, repr(m)))
