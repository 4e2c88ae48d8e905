# re syntax table: each (pattern, flags, subject) is searched, matched and fullmatched, and
# findall'd; the spans, groups and errors are printed (CPython 3.11 is the reference).
import re

CASES = [
    ("abc", 0, "xxabcxx"), ("a.c", 0, "abc a\nc"), ("a.c", re.S, "a\nc"),
    ("^abc$", 0, "abc"), ("^abc$", 0, "abc\n"), ("^b", re.M, "a\nb"), ("a$", re.M, "a\nb"),
    ("$", 0, "ab\n"), ("^", re.M, "a\nb\n"), (r"\Aab", 0, "ab"), (r"ab\Z", 0, "ab\n"),
    ("[abc]+", 0, "xxcabx"), ("[^abc]+", 0, "abxyzc"), ("[a-z0-9_]+", 0, "AB_x9-"),
    ("[]a]+", 0, "]a]b"), ("[^]a]+", 0, "]ab"), ("[a-]+", 0, "a-b"), (r"[\]\\]+", 0, "x]\\y"),
    (r"[\d\s]+", 0, "a1 2b"), (r"[\w.]+", 0, "  foo.bar "), (r"[\b]", 0, "a\bb"),
    (r"\d+", 0, "ab 123 45"), (r"\D+", 0, "12ab3"), (r"\w+", 0, "héllo wörld"),
    (r"\w+", re.A, "héllo"), (r"\s+", 0, "a \t\n b"), (r"\S+", 0, "  ab  "),
    (r"\bfoo\b", 0, "a foo b foobar"), (r"\Bfoo", 0, "foo afoo"), (r"\b", 0, ""), (r"\B", 0, ""),
    ("a*", 0, "aaa"), ("a+", 0, "baaa"), ("a?", 0, "aa"), ("a{2}", 0, "aaaa"), ("a{2,}", 0, "aaaaa"),
    ("a{,2}", 0, "aaa"), ("a{1,3}", 0, "aaaaa"), ("a{1,3}?", 0, "aaaaa"), ("a*?b", 0, "aaab"),
    ("a+?", 0, "aaa"), ("a??b", 0, "ab"), ("x{", 0, "x{"), ("x{}", 0, "x{}"), ("x{a}", 0, "x{a}"),
    ("x{2,1", 0, "x{2,1"), ("(ab)+", 0, "ababab"), ("(a|b)*c", 0, "abbac"), ("(a)|(b)", 0, "b"),
    ("(?:ab)+", 0, "abab"), ("(?P<w>\\w+) (?P=w)", 0, "hey hey you"), (r"(\w+) \1", 0, "bye bye"),
    (r"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\10", 0, "abcdefghijj"), ("(?i)abc", 0, "xABC"),
    ("(?i:a)b", 0, "Ab AB"), ("a(?i)", 0, "a"), ("(?m)^x", 0, "a\nx"), ("(?s).+", 0, "a\nb"),
    ("(?x) a b # comment\n c", 0, "abc"), ("(?x)[ ]a", 0, " a"), ("(?x)a\\ b", 0, "a b"),
    ("(?a)\\w+", 0, "héllo"), ("(?-i:a)b", re.I, "aB AB"), ("(?i)[a-c]+", 0, "xAbC"),
    ("(?i)[^a]", 0, "A"), ("(?i)K", 0, "\u212a"), ("(?i)s", 0, "\u017f"), ("(?i)\u00df", 0, "\u1e9e"),
    ("(?=abc)ab", 0, "xabc"), ("(?!abc)ab", 0, "abcabd"), ("(?<=ab)c", 0, "abc"), ("(?<!ab)c", 0, "abcxc"),
    ("(?<=a|b)c", 0, "bc"), ("(?<=(a))c", 0, "ac"), ("(?=(a))a", 0, "a"), ("(?!(a)b)a", 0, "ac"),
    ("(a)?(?(1)b|c)", 0, "ab c"), ("(?P<q>')?x(?(q)')", 0, "'x' x"), ("(?>a+)a", 0, "aaa"),
    ("(?>a|ab)c", 0, "abc"), ("a++a", 0, "aaa"), ("a*+b", 0, "aab"), ("a?+a", 0, "a"),
    ("(a*)*b", 0, "aab"), ("(a*)+b", 0, "b"), ("(a|)*b", 0, "aab"), ("(a?){3}", 0, "a"),
    ("((a)|b)+", 0, "ab"), ("(a)+", 0, "aaa"), ("(?:(a)|b)*", 0, "ab"), ("((a)b)", 0, "ab"),
    ("(a(b)?)+", 0, "aba"), ("(\\d+)(?:\\.(\\d+))?", 0, "3.14 and 2"), ("a|b|c", 0, "xcba"),
    ("|a", 0, "a"), ("a|", 0, "b"), ("", 0, "abc"), ("()", 0, "x"), ("(?:)", 0, "x"),
    (r"\x41\u0042\U00000043\101\0", 0, "ABCA\0"), (r"\n\t\\", 0, "\n\t\\"), (r"\.\*\(", 0, ".*("),
    ("[\\x41-\\x43]+", 0, "ABCD"), ("\\%", 0, "%"), ("[\\-a]+", 0, "-a"), (r"[\0101]", 0, "A"),
    ("(?i)(a)\\1", 0, "aA"), ("(a)(?P<n>b)(c)", 0, "abc"), (".*", 0, "ab\ncd"), (".*?x", 0, "abxcx"),
    ("[α-ω]+", 0, "abγδε"), ("(?i)σ", 0, "Σς"), ("\\d", 0, "\u0663"), ("\\s", 0, "\u2003"),
    ("(?i)[ǅ]", 0, "ǆ"), ("[^\\W\\d]+", 0, "12ab3"), ("(?s:.)+", 0, "a\nb"), ("(?#comment)a", 0, "a"),
    ("a{3}{2}" , 0, "aaaaaa"), ("(?:a{3}){2}", 0, "aaaaaaa"), ("x*y*z*", 0, "q"), ("\\b\\w", 0, "ab cd"),
    ("[a-c-e]+", 0, "a-e d"), ("(?u)\\w", 0, "é"), ("\\Z", 0, "ab"), ("(?m)$", 0, "a\nb"),
    # errors
    ("a(b", 0, ""), ("a)b", 0, ""), ("*a", 0, ""), ("a**", 0, ""), ("a{3,2}", 0, ""), ("[a", 0, ""),
    ("[z-a]", 0, ""), (r"[a-\d]", 0, ""), (r"\q", 0, ""), ("(?<x)", 0, ""), ("(?P<1>a)", 0, ""),
    ("(?P<a>x)(?P<a>y)", 0, ""), ("(?P=a)", 0, ""), (r"\2(a)", 0, ""), ("(a\\1)", 0, ""),
    ("(?<=a*)b", 0, ""), ("a(?i)b", 0, ""), ("(?z)", 0, ""), ("(?", 0, ""), ("(?P", 0, ""),
    ("(?Px)", 0, ""), ("(?P<", 0, ""), ("(?P<a", 0, ""), ("(?P<>a)", 0, ""), ("(?(2)a|b)", 0, ""),
    ("(?(1)a|b|c)", 0, ""), ("(a)(?(x)a)", 0, ""), ("(?(a-)x)", 0, ""), ("\\", 0, ""),
    (r"\x4", 0, ""), (r"\u12", 0, ""), (r"\777", 0, ""), ("(?i-i:a)", 0, ""), ("(?-:a)", 0, ""),
    ("(?i", 0, ""), ("(?a-a:x)", 0, ""), ("(?L)x", 0, ""), ("(?#x", 0, ""), ("a{4294967296}", 0, ""),
    ("^*", 0, ""), ("\\b+", 0, ""), ("(?<a>x)", 0, ""), ("x|*", 0, ""), ("a\n(b", re.X, ""),
    ("[\\A]", 0, ""), ("[\\9]", 0, ""), ("(?x)(?i)a", 0, "A"), ("(?i)(?x) a", 0, "A"),
    ("a?*", 0, ""), ("a{1}{2}?+", 0, ""),
]


def show(m):
    if m is None:
        return "None"
    return "%r %r %r" % (m.span(), m.groups(), m.lastindex)


for pat, flags, subj in CASES:
    try:
        p = re.compile(pat, flags)
    except re.error as e:
        print("%r: error %r pos=%r (%s)" % (pat, e.msg, e.pos, e))
        continue
    except OverflowError as e:
        print("%r: OverflowError %s" % (pat, e))
        continue
    print("%r %r: search %s | match %s | full %s | findall %r" % (
        pat, subj, show(p.search(subj)), show(p.match(subj)), show(p.fullmatch(subj)),
        p.findall(subj)))
