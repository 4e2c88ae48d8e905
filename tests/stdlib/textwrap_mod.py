import textwrap
from textwrap import wrap, fill, dedent, indent, shorten, TextWrapper


def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)


text = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs! "
        "How vexingly quick daft zebras jump? A well-known, long-term state-of-the-art example.")
for w in (10, 20, 35, 70):
    print(w, wrap(text, w))
print(fill(text, 30))
print(fill(text, 25, initial_indent="* ", subsequent_indent="  "))
print(wrap("supercalifragilisticexpialidocious word", 10))
print(wrap("supercalifragilisticexpialidocious word", 10, break_long_words=False))
print(wrap("a-very-long-hyphenated-compound-word here", 12))
print(wrap("a-very-long-hyphenated-compound-word here", 12, break_on_hyphens=False))
print(wrap("tabs\there\tand\tthere", 12), wrap("tabs\there", 30, expand_tabs=False, replace_whitespace=False))
print(wrap("  leading and trailing   ", 8), wrap("  leading and trailing   ", 8, drop_whitespace=False))
print(wrap("line one\nline two", 40), wrap("", 10), wrap("   ", 10))
print(wrap("Hello there. This is it. OK? yes.", 60, fix_sentence_endings=True))
print(wrap(text, 30, max_lines=2), wrap(text, 30, max_lines=3, placeholder=" ..."))
print(wrap("short text", 30, max_lines=1))
print(shorten("Hello  world!", width=12), shorten("Hello  world!", width=11), shorten("Hello world", 11))
print(shorten(text, 40), shorten(text, 40, placeholder="~~"))
err(lambda: wrap("x", 0))
err(lambda: shorten("hello world foo", 3))
tw = TextWrapper(width=15, subsequent_indent="> ")
print(tw.wrap("one two three four five six seven"), tw.width)
tw.width = 8; print(tw.fill("one two three four"))

print(repr(dedent("    a\n      b\n    c\n")))
print(repr(dedent("  a\n\n  b\n   \n")))
print(repr(dedent("\ta\n\t\tb")), repr(dedent(" \ta\n  b")), repr(dedent("no indent\n  x")))
print(repr(dedent("")), repr(dedent("   only")))
print(repr(indent("a\nb\n\nc\n", "> ")), repr(indent("a\n  \nb", "+", lambda l: True)))
print(repr(indent("x\r\ny", "# ")))
